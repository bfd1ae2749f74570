package org.apache.cloudstack.vrscaling.tuning;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.agent.VrScriptArguments;
import org.apache.cloudstack.vrscaling.agent.VrTuningCommand;
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.sizing.TuningValue;
import org.apache.cloudstack.vrscaling.core.tuning.KeyResult;
import org.apache.cloudstack.vrscaling.core.tuning.TuningDigest;
import org.apache.cloudstack.vrscaling.core.tuning.TuningMode;
import org.apache.cloudstack.vrscaling.core.tuning.TuningOutcome;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import com.cloud.agent.AgentManager;
import com.cloud.agent.api.Answer;
import com.cloud.agent.api.Command;
import com.cloud.agent.api.routing.NetworkElementCommand;
import com.cloud.exception.AgentUnavailableException;
import com.cloud.exception.OperationTimedoutException;
import com.cloud.network.router.RouterControlHelper;
import com.cloud.hypervisor.Hypervisor;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.dao.DomainRouterDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

public class AgentTuningPortTest {
    private static final long ROUTER_ID = 42L;
    private static final long HOST_ID = 7L;
    private static final String CONTROL_IP = "169.254.3.7";
    private static final String NAME = "r-42-VM";
    private static final long ZONE_ID = 3L;

    private AgentTuningPort port;
    private AgentManager agentManager;
    private DomainRouterDao routerDao;
    private RouterControlHelper controlHelper;
    private VMInstanceDetailsDao detailsDao;
    private VrScalingSettings settings;
    private DomainRouterVO router;
    private KernelTuning tuning;

    @Before
    public void setUp() {
        agentManager = mock(AgentManager.class);
        routerDao = mock(DomainRouterDao.class);
        controlHelper = mock(RouterControlHelper.class);
        detailsDao = mock(VMInstanceDetailsDao.class);
        port = new AgentTuningPort();
        port.agentManager = agentManager;
        port.domainRouterDao = routerDao;
        port.routerControlHelper = controlHelper;
        port.vmInstanceDetailsDao = detailsDao;
        settings = mock(VrScalingSettings.class);
        port.settings = settings;
        when(settings.sizingModel(ZONE_ID)).thenReturn(new SizingModel(SizingAssumptions.defaults()));

        router = mock(DomainRouterVO.class);
        when(router.getInstanceName()).thenReturn(NAME);
        when(router.getState()).thenReturn(VirtualMachine.State.Running);
        when(router.getHostId()).thenReturn(HOST_ID);
        when(router.getHypervisorType()).thenReturn(Hypervisor.HypervisorType.KVM);
        when(router.getDataCenterId()).thenReturn(ZONE_ID);
        when(routerDao.findById(ROUTER_ID)).thenReturn(router);
        when(controlHelper.getRouterControlIp(ROUTER_ID)).thenReturn(CONTROL_IP);
        tuning = tuning();
    }

    // ---- refusals before anything is sent ----

    @Test
    public void missingRouterIsNotDeliveredAndNothingIsSent() throws Exception {
        when(routerDao.findById(ROUTER_ID)).thenReturn(null);

        TuningOutcome outcome = port.apply(ROUTER_ID, tuning);

        assertNotDelivered(outcome, "router 42 does not exist");
        verify(agentManager, never()).send(anyLong(), any(Command.class));
        verifyNoDigest();
    }

    @Test
    public void stoppedRouterIsNotDeliveredAndNothingIsSent() throws Exception {
        when(router.getState()).thenReturn(VirtualMachine.State.Stopped);

        TuningOutcome outcome = port.apply(ROUTER_ID, tuning);

        assertNotDelivered(outcome, "router r-42-VM is Stopped, not Running");
        verify(agentManager, never()).send(anyLong(), any(Command.class));
        verifyNoDigest();
    }

    @Test
    public void aRouterOnAHypervisorWithoutDeliveryPathIsNotDeliveredAndNothingIsSent() throws Exception {
        // Seen on the simulator: "agent extension missing" sent operators looking for a jar that would not help.
        when(router.getHypervisorType()).thenReturn(Hypervisor.HypervisorType.Simulator);

        assertNotDelivered(port.apply(ROUTER_ID, tuning), "no delivery path for hypervisor Simulator");
        verify(agentManager, never()).send(anyLong(), any(Command.class));
        verifyNoDigest();
    }

    @Test
    public void routerWithoutHostIsNotDelivered() throws Exception {
        when(router.getHostId()).thenReturn(null);

        assertNotDelivered(port.verify(ROUTER_ID, tuning), "router r-42-VM has no host");
        verify(agentManager, never()).send(anyLong(), any(Command.class));
    }

    @Test
    public void routerWithoutControlIpIsNotDelivered() throws Exception {
        when(controlHelper.getRouterControlIp(ROUTER_ID)).thenReturn(null);

        assertNotDelivered(port.apply(ROUTER_ID, tuning), "router r-42-VM has no control IP");
        verify(agentManager, never()).send(anyLong(), any(Command.class));
    }

    // ---- what is sent ----

    @Test
    public void applySendsTheTuningWithControlIpAndInstanceNameToTheRoutersHost() throws Exception {
        ArgumentCaptor<Command> sent = ArgumentCaptor.forClass(Command.class);
        when(agentManager.send(eq(HOST_ID), sent.capture())).thenAnswer(i -> ok(i.getArgument(1), applyReport(true)));

        port.apply(ROUTER_ID, tuning);

        VrTuningCommand command = (VrTuningCommand) sent.getValue();
        assertEquals(TuningMode.APPLY, command.getMode());
        assertEquals(CONTROL_IP, command.getAccessDetail(NetworkElementCommand.ROUTER_IP));
        assertEquals(NAME, command.getAccessDetail(NetworkElementCommand.ROUTER_NAME));
        assertEquals(VrScriptArguments.of(VrTuningCommand.apply(tuning).withConntrackBudget(0.25, 400)),
                VrScriptArguments.of(command));
    }

    @Test
    public void applyAndVerifyCarryTheRoutersZoneConntrackBudget() throws Exception {
        when(settings.sizingModel(ZONE_ID)).thenReturn(new SizingModel(SizingAssumptions.defaults()
                .withConntrackMemoryFraction(0.3).withBytesPerConntrackEntry(320)));
        ArgumentCaptor<Command> sent = ArgumentCaptor.forClass(Command.class);
        when(agentManager.send(eq(HOST_ID), sent.capture())).thenAnswer(i -> ok(i.getArgument(1), applyReport(true)));

        port.apply(ROUTER_ID, tuning);
        port.verify(ROUTER_ID, tuning);

        for (Command command : sent.getAllValues()) {
            List<String> args = VrScriptArguments.of((VrTuningCommand) command);
            int at = args.indexOf("--memory-fraction");
            assertTrue(args.toString(), at > 0);
            assertEquals(List.of("--memory-fraction", "0.3", "--bytes-per-entry", "320"),
                    args.subList(at, at + 4));
        }
        assertEquals(2, sent.getAllValues().size());
    }

    // ---- agent problems ----

    @Test
    public void agentDownIsNotDeliveredWithTheAgentsMessage() throws Exception {
        when(agentManager.send(eq(HOST_ID), any(Command.class)))
                .thenThrow(new AgentUnavailableException("Host is in Disconnected state", HOST_ID));

        TuningOutcome outcome = port.apply(ROUTER_ID, tuning);

        assertNotDelivered(outcome, "agent of host 7 is unavailable");
        assertTrue(outcome.getMessage(), outcome.getMessage().contains("Host is in Disconnected state"));
        verifyNoDigest();
    }

    @Test
    public void agentTimeoutIsNotDelivered() throws Exception {
        when(agentManager.send(eq(HOST_ID), any(Command.class)))
                .thenThrow(new OperationTimedoutException(new Command[0], HOST_ID, 1L, 60, true));

        TuningOutcome outcome = port.verify(ROUTER_ID, tuning);

        assertNotDelivered(outcome, "agent of host 7 timed out on the verify for router r-42-VM");
    }

    @Test
    public void unexpectedSendFailureIsNotDelivered() throws Exception {
        when(agentManager.send(eq(HOST_ID), any(Command.class))).thenThrow(new IllegalStateException("boom"));

        assertNotDelivered(port.apply(ROUTER_ID, tuning), "boom");
        verifyNoDigest();
    }

    @Test
    public void unsupportedAnswerMeansTheAgentExtensionIsMissingOnTheHost() throws Exception {
        when(agentManager.send(eq(HOST_ID), any(Command.class))).thenAnswer(i -> new Answer(i.getArgument(1), false,
                "Unsupported command issued: " + VrTuningCommand.class.getName()
                        + ".  Are you sure you got the right type of server?"));

        TuningOutcome outcome = port.apply(ROUTER_ID, tuning);

        assertNotDelivered(outcome, "agent extension missing on host 7: install vr-scaling-kvm in "
                + "/usr/share/cloudstack-agent/plugins/");
        verifyNoDigest();
    }

    @Test
    public void failedAnswerWithoutReportIsNotDeliveredWithTheAgentsMessage() throws Exception {
        String agentMessage = "vr-scaling apply on router r-42-VM (169.254.3.7) failed: cannot copy the script";
        when(agentManager.send(eq(HOST_ID), any(Command.class)))
                .thenAnswer(i -> new Answer(i.getArgument(1), false, agentMessage));

        assertNotDelivered(port.apply(ROUTER_ID, tuning), agentMessage);
        verifyNoDigest();
    }

    @Test
    public void nullAnswerIsNotDelivered() throws Exception {
        when(agentManager.send(eq(HOST_ID), any(Command.class))).thenReturn(null);

        assertNotDelivered(port.apply(ROUTER_ID, tuning), "host 7 returned no answer for router r-42-VM");
    }

    @Test
    public void successfulAnswerWithGarbageIsNotDelivered() throws Exception {
        when(agentManager.send(eq(HOST_ID), any(Command.class))).thenAnswer(i -> ok(i.getArgument(1), "hello"));

        TuningOutcome outcome = port.apply(ROUTER_ID, tuning);

        assertNotDelivered(outcome, "answered without a readable report");
        verifyNoDigest();
    }

    // ---- apply ----

    @Test
    public void successfulApplyRecordsTheDigestOnTheRouter() throws Exception {
        when(agentManager.send(eq(HOST_ID), any(Command.class)))
                .thenAnswer(i -> ok(i.getArgument(1), applyReport(true)));

        TuningOutcome outcome = port.apply(ROUTER_ID, tuning);

        assertTrue(outcome.isDelivered());
        assertTrue(outcome.getMessage(), outcome.isOk());
        assertTrue(outcome.isChanged());
        verify(detailsDao).addDetail(ROUTER_ID, "vrscaling.tuning.digest", TuningDigest.of(tuning), false);
        verify(detailsDao, never()).saveDetails(anyList());
    }

    @Test
    public void digestWriteFailureKeepsTheSuccessfulOutcomeAndSaysSo() throws Exception {
        when(agentManager.send(eq(HOST_ID), any(Command.class)))
                .thenAnswer(i -> ok(i.getArgument(1), applyReport(true)));
        doThrow(new IllegalStateException("db down")).when(detailsDao)
                .addDetail(anyLong(), eq(AgentTuningPort.DIGEST_DETAIL), anyString(), anyBoolean());

        TuningOutcome outcome = port.apply(ROUTER_ID, tuning);

        assertTrue(outcome.isOk());
        assertTrue(outcome.getMessage(),
                outcome.getMessage().contains("recording vrscaling.tuning.digest failed: db down"));
    }

    @Test
    public void failedApplyIsDeliveredButNotOkAndRecordsNothing() throws Exception {
        when(agentManager.send(eq(HOST_ID), any(Command.class)))
                .thenAnswer(i -> new Answer(i.getArgument(1), false, applyReport(false)));

        TuningOutcome outcome = port.apply(ROUTER_ID, tuning);

        assertTrue(outcome.isDelivered());
        assertFalse(outcome.isOk());
        KeyResult budget = outcome.getKeys().stream().filter(k -> k.getKey() == TuningKey.NETDEV_BUDGET)
                .findFirst().orElseThrow();
        assertEquals(KeyResult.Status.FAILED, budget.getStatus());
        verifyNoDigest();
    }

    // ---- verify ----

    @Test
    public void verifyMatchingRouterIsOkWithRoundedBucketsAndRecordsNothing() throws Exception {
        when(agentManager.send(eq(HOST_ID), any(Command.class)))
                .thenAnswer(i -> ok(i.getArgument(1), verifyReport(15, true)));

        TuningOutcome outcome = port.verify(ROUTER_ID, tuning);

        assertTrue(outcome.getMessage(), outcome.isOk());
        assertEquals(TuningKey.values().length, outcome.getKeys().size());
        assertTrue(outcome.getKeys().stream().allMatch(k -> k.getStatus() == KeyResult.Status.MATCH));
        verifyNoDigest();
    }

    @Test
    public void verifyDriftIsDeliveredButNotOk() throws Exception {
        when(agentManager.send(eq(HOST_ID), any(Command.class)))
                .thenAnswer(i -> new Answer(i.getArgument(1), false, verifyReport(60, true)));

        TuningOutcome outcome = port.verify(ROUTER_ID, tuning);

        assertTrue(outcome.isDelivered());
        assertFalse(outcome.isOk());
        KeyResult fin = outcome.getKeys().stream().filter(k -> k.getKey() == TuningKey.TCP_FIN_TIMEOUT)
                .findFirst().orElseThrow();
        assertEquals(KeyResult.Status.DRIFT, fin.getStatus());
        assertEquals(Long.valueOf(60), fin.getActual());
    }

    @Test
    public void verifyWithMissingPersistedFileIsNotOkEvenWhenValuesMatch() throws Exception {
        when(agentManager.send(eq(HOST_ID), any(Command.class)))
                .thenAnswer(i -> new Answer(i.getArgument(1), false, verifyReport(15, false)));

        TuningOutcome outcome = port.verify(ROUTER_ID, tuning);

        assertTrue(outcome.isDelivered());
        assertFalse(outcome.isOk());
        assertTrue(outcome.getMessage(), outcome.getMessage().contains("is missing"));
    }

    @Test
    public void verifyOfAValueTheRoutersBudgetLimitedIsOkWithALimitedKeyNotDrift() throws Exception {
        String limited = verifyReport(15, true).replace(current("net.netfilter.nf_conntrack_max", 1000000, 1000000,
                "match"), "{\"allowed\": 166901, \"current\": 166901, \"key\": \"net.netfilter.nf_conntrack_max\","
                + " \"note\": \"limited to 166901 (requested 1000000): a full table needs 383.5 MiB\","
                + " \"requested\": 1000000, \"status\": \"limited\"}");
        when(agentManager.send(eq(HOST_ID), any(Command.class))).thenAnswer(i -> ok(i.getArgument(1), limited));

        TuningOutcome outcome = port.verify(ROUTER_ID, tuning);

        assertTrue(outcome.getMessage(), outcome.isOk());
        KeyResult max = key(outcome, TuningKey.CONNTRACK_MAX);
        assertEquals(KeyResult.Status.LIMITED, max.getStatus());
        assertEquals(Long.valueOf(166_901), max.getActual());
        assertEquals(1, outcome.getWarnings().size());
        assertTrue(outcome.getWarnings().get(0), outcome.getWarnings().get(0).startsWith(
                "conntrackmax limited to 166901 (requested 1000000)"));
    }

    @Test
    public void verifyOfAPendingKeyIsDeliveredButNotVerified() throws Exception {
        String pending = verifyReport(15, true).replace(current("net.netfilter.nf_conntrack_max", 1000000, 1000000,
                "match"), "{\"current\": null, \"key\": \"net.netfilter.nf_conntrack_max\", \"note\": \"nf_conntrack is"
                + " not loaded\", \"requested\": 1000000, \"status\": \"pending\"}").replace("\"ok\": true",
                "\"ok\": false");
        when(agentManager.send(eq(HOST_ID), any(Command.class)))
                .thenAnswer(i -> new Answer(i.getArgument(1), false, pending));

        TuningOutcome outcome = port.verify(ROUTER_ID, tuning);

        assertTrue(outcome.isDelivered());
        assertFalse(outcome.isOk());
        assertTrue(outcome.isPending());
        assertEquals(KeyResult.Status.PENDING, key(outcome, TuningKey.CONNTRACK_MAX).getStatus());
        assertTrue(outcome.toString(), outcome.toString().startsWith("pending: "));
    }

    @Test
    public void aPendingApplyRecordsNoDigest() throws Exception {
        String pending = applyReport(true).replace(applied("net.netfilter.nf_conntrack_max", 1000000, 1000000),
                "{\"after\": null, \"before\": null, \"key\": \"net.netfilter.nf_conntrack_max\", \"note\":"
                + " \"nf_conntrack is not loaded\", \"requested\": 1000000, \"status\": \"pending\"}");
        when(agentManager.send(eq(HOST_ID), any(Command.class))).thenAnswer(i -> ok(i.getArgument(1), pending));

        TuningOutcome outcome = port.apply(ROUTER_ID, tuning);

        assertTrue(outcome.isPending());
        assertFalse(outcome.isOk());
        verifyNoDigest();
    }

    @Test
    public void aRouterIsMarkedManagedBeforeTheFirstPushIsSentSoAFailedPushIsStillCleanedUp() throws Exception {
        when(agentManager.send(eq(HOST_ID), any(Command.class)))
                .thenThrow(new OperationTimedoutException(new Command[0], HOST_ID, 1L, 60, true));

        assertNotDelivered(port.apply(ROUTER_ID, tuning), "timed out");

        InOrder order = inOrder(detailsDao, agentManager);
        order.verify(detailsDao).addDetail(ROUTER_ID, "vrscaling.managed", "true", false);
        order.verify(agentManager).send(eq(HOST_ID), any(Command.class));
        verifyNoDigest();
    }

    @Test
    public void aRouterThatCannotBeMarkedGetsNothingSent() throws Exception {
        doThrow(new IllegalStateException("db down")).when(detailsDao)
                .addDetail(anyLong(), eq("vrscaling.managed"), anyString(), anyBoolean());

        assertNotDelivered(port.apply(ROUTER_ID, tuning), "could not mark router 42 as managed by VR Scale");
        verify(agentManager, never()).send(anyLong(), any(Command.class));
    }

    @Test
    public void nothingIsMarkedWhenNothingCanBeSentOrOnlyRead() throws Exception {
        when(router.getState()).thenReturn(VirtualMachine.State.Stopped);
        port.apply(ROUTER_ID, tuning);
        when(router.getState()).thenReturn(VirtualMachine.State.Running);
        when(agentManager.send(eq(HOST_ID), any(Command.class)))
                .thenAnswer(i -> ok(i.getArgument(1), verifyReport(15, true)));
        port.verify(ROUTER_ID, tuning);

        verify(detailsDao, never()).addDetail(anyLong(), anyString(), anyString(), anyBoolean());
    }

    private static KeyResult key(TuningOutcome outcome, TuningKey key) {
        return outcome.getKeys().stream().filter(k -> k.getKey() == key).findFirst().orElseThrow();
    }

    // ---- diagnose ----

    @Test
    public void diagnoseReturnsTheRawMeasurements() throws Exception {
        ArgumentCaptor<Command> sent = ArgumentCaptor.forClass(Command.class);
        when(agentManager.send(eq(HOST_ID), sent.capture())).thenAnswer(i -> ok(i.getArgument(1),
                "{\"measurements\": {\"conntrack\": {\"count\": 1234, \"max\": 262144}, \"oom_kills\": 3},"
                        + " \"mode\": \"diagnose\", \"ok\": true, \"version\": \"1.0.0\"}"));

        Map<String, Object> measurements = port.diagnose(ROUTER_ID, 2);

        assertEquals(3L, measurements.get("oom_kills"));
        assertEquals(2, ((VrTuningCommand) sent.getValue()).getSampleSeconds());
        verifyNoDigest();
    }

    @Test
    public void diagnoseOfAStoppedRouterThrowsNotDelivered() {
        when(router.getState()).thenReturn(VirtualMachine.State.Stopped);

        TuningNotDeliveredException e = assertThrows(TuningNotDeliveredException.class,
                () -> port.diagnose(ROUTER_ID, 1));
        assertTrue(e.getMessage(), e.getMessage().contains("Stopped"));
    }

    @Test
    public void diagnoseOnAHostWithoutTheExtensionThrowsNotDelivered() throws Exception {
        when(agentManager.send(eq(HOST_ID), any(Command.class))).thenAnswer(i -> new Answer(i.getArgument(1), false,
                "Unsupported command issued: x. Are you sure you got the right type of server?"));

        TuningNotDeliveredException e = assertThrows(TuningNotDeliveredException.class,
                () -> port.diagnose(ROUTER_ID, 1));
        assertTrue(e.getMessage(), e.getMessage().contains("agent extension missing on host 7"));
    }

    // ---- helpers ----

    // ---- remove (unbind) ----

    @Test
    public void removeSendsTheRemoveModeAndClearsTheDigestWhenTheRouterConfirms() throws Exception {
        ArgumentCaptor<Command> sent = ArgumentCaptor.forClass(Command.class);
        when(agentManager.send(eq(HOST_ID), sent.capture())).thenAnswer(i -> ok(i.getArgument(1), removeReport(true)));

        TuningOutcome outcome = port.remove(ROUTER_ID);

        assertTrue(outcome.toString(), outcome.isOk());
        assertEquals(TuningMode.REMOVE, ((VrTuningCommand) sent.getValue()).getMode());
        assertEquals(NAME, ((VrTuningCommand) sent.getValue()).getAccessDetail(NetworkElementCommand.ROUTER_NAME));
        verify(detailsDao).removeDetail(ROUTER_ID, AgentTuningPort.DIGEST_DETAIL);
        verify(detailsDao).removeDetail(ROUTER_ID, "vrscaling.managed");
    }

    @Test
    public void failedRemoveKeepsTheDigestSoTheNextStartTriesAgain() throws Exception {
        when(agentManager.send(eq(HOST_ID), any(Command.class)))
                .thenAnswer(i -> new Answer(i.getArgument(1), false, removeReport(false)));

        TuningOutcome outcome = port.remove(ROUTER_ID);

        assertTrue(outcome.isDelivered());
        assertFalse(outcome.isOk());
        verify(detailsDao, never()).removeDetail(anyLong(), anyString());
    }

    @Test
    public void removeOnAStoppedRouterIsNotDeliveredAndKeepsTheDigest() throws Exception {
        when(router.getState()).thenReturn(VirtualMachine.State.Stopped);

        assertNotDelivered(port.remove(ROUTER_ID), "is Stopped, not Running");
        verify(agentManager, never()).send(anyLong(), any(Command.class));
        verify(detailsDao, never()).removeDetail(anyLong(), anyString());
    }

    private static String removeReport(boolean ok) {
        return "{\"mode\": \"remove\", \"ok\": " + ok + ", \"changed\": " + ok + ", \"version\": \"1.0.0\""
                + (ok ? "" : ", \"error\": \"cannot remove /etc/sysctl.d/99-vr-scaling.conf\"") + "}";
    }

    private void verifyNoDigest() {
        verify(detailsDao, never()).addDetail(anyLong(), eq(AgentTuningPort.DIGEST_DETAIL), anyString(), anyBoolean());
        verify(detailsDao, never()).saveDetails(anyList());
    }

    private static void assertNotDelivered(TuningOutcome outcome, String messagePart) {
        assertFalse(outcome.isDelivered());
        assertFalse(outcome.isOk());
        assertTrue(outcome.getMessage(), outcome.getMessage().contains(messagePart));
    }

    private static Answer ok(Command command, String details) {
        return new Answer(command, true, details);
    }

    static KernelTuning tuning() {
        Map<TuningKey, Long> values = new EnumMap<>(TuningKey.class);
        values.put(TuningKey.CONNTRACK_MAX, 1_000_000L);
        values.put(TuningKey.CONNTRACK_BUCKETS, 250_000L);
        values.put(TuningKey.CONNTRACK_TCP_TIMEOUT_ESTABLISHED, 86_400L);
        values.put(TuningKey.CONNTRACK_TCP_TIMEOUT_TIME_WAIT, 120L);
        values.put(TuningKey.NETDEV_MAX_BACKLOG, 5_000L);
        values.put(TuningKey.NETDEV_BUDGET, 600L);
        values.put(TuningKey.TCP_FIN_TIMEOUT, 15L);
        values.put(TuningKey.TCP_WINDOW_SCALING, 1L);
        values.put(TuningKey.NIC_QUEUES, 2L);
        Map<TuningKey, TuningValue> typed = new EnumMap<>(TuningKey.class);
        values.forEach((k, v) -> typed.put(k, new TuningValue(k, v, TuningValue.Source.OVERRIDE, "test", 0)));
        return new KernelTuning(typed);
    }

    /** An apply report in the script's format (systemvm/README.md); with ok=false netdev_budget failed. */
    static String applyReport(boolean ok) {
        String budget = ok
                ? "{\"after\": 600, \"before\": 300, \"key\": \"net.core.netdev_budget\", \"requested\": 600,"
                        + " \"status\": \"applied\"}"
                : "{\"after\": 300, \"before\": 300, \"error\": \"write /proc/sys/net/core/netdev_budget:"
                        + " Input/output error\", \"key\": \"net.core.netdev_budget\", \"requested\": 600,"
                        + " \"status\": \"failed\"}";
        return "{\"changed\": true, \"file\": {\"changed\": true, \"path\": \"/etc/sysctl.d/99-vr-scaling.conf\"},"
                + " \"keys\": [" + applied("net.netfilter.nf_conntrack_max", 1000000, 1000000) + ", "
                + "{\"after\": 250368, \"before\": 262144, \"expected\": 250368,"
                + " \"key\": \"net.netfilter.nf_conntrack_buckets\", \"requested\": 250000, \"status\": \"applied\","
                + " \"written_to\": \"/sys/module/nf_conntrack/parameters/hashsize\"}, "
                + applied("net.netfilter.nf_conntrack_tcp_timeout_established", 86400, 86400) + ", "
                + applied("net.netfilter.nf_conntrack_tcp_timeout_time_wait", 120, 120) + ", "
                + applied("net.core.netdev_max_backlog", 5000, 5000) + ", " + budget + ", "
                + applied("net.ipv4.tcp_fin_timeout", 15, 15) + ", "
                + applied("net.ipv4.tcp_window_scaling", 1, 1) + "],"
                + " \"mode\": \"apply\", \"nics\": [{\"after\": 2, \"before\": 1, \"driver\": \"virtio_net\","
                + " \"max_combined\": 4, \"name\": \"eth0\", \"requested\": 2, \"status\": \"applied\","
                + " \"target\": 2}], \"ok\": " + ok + ", \"version\": \"1.0.0\"}";
    }

    private static String applied(String key, long requested, long after) {
        return "{\"after\": " + after + ", \"before\": 1, \"key\": \"" + key + "\", \"requested\": " + requested
                + ", \"status\": \"applied\"}";
    }

    /** A verify report; finTimeout other than 15 is a drift, fileExists=false a missing persisted file. */
    static String verifyReport(long finTimeout, boolean fileExists) {
        boolean ok = finTimeout == 15 && fileExists;
        return "{\"file\": {\"exists\": " + fileExists + ", \"matches\": " + fileExists
                + ", \"path\": \"/etc/sysctl.d/99-vr-scaling.conf\"}, \"keys\": ["
                + current("net.netfilter.nf_conntrack_max", 1000000, 1000000, "match") + ", "
                + "{\"current\": 250368, \"expected\": 250368, \"key\": \"net.netfilter.nf_conntrack_buckets\","
                + " \"requested\": 250000, \"status\": \"match\"}, "
                + current("net.netfilter.nf_conntrack_tcp_timeout_established", 86400, 86400, "match") + ", "
                + current("net.netfilter.nf_conntrack_tcp_timeout_time_wait", 120, 120, "match") + ", "
                + current("net.core.netdev_max_backlog", 5000, 5000, "match") + ", "
                + current("net.core.netdev_budget", 600, 600, "match") + ", "
                + current("net.ipv4.tcp_fin_timeout", 15, finTimeout, finTimeout == 15 ? "match" : "drift") + ", "
                + current("net.ipv4.tcp_window_scaling", 1, 1, "match") + "], \"mode\": \"verify\","
                + " \"nics\": [{\"current\": 2, \"driver\": \"virtio_net\", \"max_combined\": 4, \"name\": \"eth0\","
                + " \"requested\": 2, \"status\": \"match\", \"target\": 2}], \"ok\": " + ok
                + ", \"version\": \"1.0.0\"}";
    }

    private static String current(String key, long requested, long current, String status) {
        return "{\"current\": " + current + ", \"key\": \"" + key + "\", \"requested\": " + requested
                + ", \"status\": \"" + status + "\"}";
    }
}
