package com.cloud.hypervisor.kvm.resource.wrapper.vrscaling;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import org.apache.cloudstack.vrscaling.agent.VrScript;
import org.apache.cloudstack.vrscaling.agent.VrTuningCommand;
import org.apache.cloudstack.vrscaling.agent.delivery.VrDelivery;
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.sizing.TuningValue;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import com.cloud.agent.api.Answer;
import com.cloud.hypervisor.kvm.resource.LibvirtComputingResource;
import com.cloud.resource.CommandWrapper;
import com.cloud.resource.ResourceWrapper;
import com.google.gson.Gson;

public class LibvirtVrTuningCommandWrapperTest {
    private static final String IP = "169.254.3.7";
    private static final String NAME = "r-42-VM";
    private static final File KEY = new File("/root/.ssh/id_rsa.cloud");
    private static final String SCRIPT = "/opt/cloud/bin/vr_scaling.py";
    /** The install steps run system tools through the same /opt/cloud/bin prefix a deployer adds. */
    private static final String TOOL = "/opt/cloud/bin/../../../";
    private static final String SETS = " '--set' 'net.netfilter.nf_conntrack_max=1000000'"
            + " '--set' 'net.netfilter.nf_conntrack_buckets=250000'"
            + " '--set' 'net.netfilter.nf_conntrack_tcp_timeout_established=86400'"
            + " '--set' 'net.netfilter.nf_conntrack_tcp_timeout_time_wait=120'"
            + " '--set' 'net.core.netdev_max_backlog=5000'"
            + " '--set' 'net.core.netdev_budget=600'"
            + " '--set' 'net.ipv4.tcp_fin_timeout=15'"
            + " '--set' 'net.ipv4.tcp_window_scaling=1'";

    private SshTransport transport;
    private LibvirtVrTuningCommandWrapper wrapper;
    private LibvirtComputingResource resource;

    @Before
    public void setUp() throws Exception {
        transport = mock(SshTransport.class);
        resource = mock(LibvirtComputingResource.class);
        wrapper = new LibvirtVrTuningCommandWrapper(transport, KEY, VrScript.bundled());
        // Every install step succeeds and sha256sum reports the bundled digest, unless a test says otherwise.
        when(transport.run(anyString(), anyInt(), any(), startsWith(TOOL), any()))
                .thenAnswer(call -> installStep(call.getArgument(3), VrScript.bundled().sha256()));
    }

    // ---- registration ----

    @Test
    public void wrapperIsDiscoverableByLibvirtRequestWrapper() throws Exception {
        ResourceWrapper annotation = LibvirtVrTuningCommandWrapper.class.getAnnotation(ResourceWrapper.class);

        assertNotNull(annotation);
        assertEquals(VrTuningCommand.class, annotation.handles());
        assertTrue(CommandWrapper.class.isAssignableFrom(LibvirtVrTuningCommandWrapper.class));
        assertTrue(LibvirtVrTuningCommandWrapper.class.getPackage().getName()
                .startsWith("com.cloud.hypervisor.kvm.resource.wrapper"));
        // RequestWrapper.processAnnotations instantiates it reflectively; this must not touch SSH or throw.
        assertNotNull(LibvirtVrTuningCommandWrapper.class.getConstructor().newInstance());
    }

    // ---- exact remote commands ----

    @Test
    public void applyCopiesTheBundledScriptAndRunsTheExactQuotedCommand() throws Exception {
        String report = fixture("apply-ok.json").trim();
        when(transport.run(eq(IP), eq(3922), eq(KEY), startsWith(SCRIPT), any())).thenReturn(new SshTransport.Result(true,
                report + "\n"));

        Answer answer = wrapper.execute(command(VrTuningCommand.apply(tuning())), resource);

        ArgumentCaptor<byte[]> content = ArgumentCaptor.forClass(byte[].class);
        ArgumentCaptor<String> tempName = ArgumentCaptor.forClass(String.class);
        InOrder order = inOrder(transport);
        order.verify(transport).run(eq(IP), eq(3922), eq(KEY),
                eq(TOOL + "bin/mkdir '-p' '/opt/cloud/bin/.vr_scaling.tmp'"), any());
        order.verify(transport).run(eq(IP), eq(3922), eq(KEY), eq(TOOL + "usr/bin/find '/opt/cloud/bin/.vr_scaling.tmp'"
                + " '-maxdepth' '1' '-type' 'f' '-mmin' '+60' '-delete'"), any());
        order.verify(transport).copy(eq(IP), eq(3922), eq(KEY), eq("/opt/cloud/bin/.vr_scaling.tmp"),
                tempName.capture(), content.capture(), eq("0755"), any());
        assertArrayEquals(VrScript.bundled().bytes(), content.getValue());
        assertTrue(tempName.getValue(), tempName.getValue().matches("vr_scaling\\.py\\.[0-9a-f]{32}"));
        String temp = "'/opt/cloud/bin/.vr_scaling.tmp/" + tempName.getValue() + "'";
        order.verify(transport).run(eq(IP), eq(3922), eq(KEY), eq(TOOL + "usr/bin/sha256sum " + temp), any());
        order.verify(transport).run(eq(IP), eq(3922), eq(KEY), eq(TOOL + "bin/chmod '0755' " + temp), any());
        order.verify(transport).run(eq(IP), eq(3922), eq(KEY),
                eq(TOOL + "bin/mv '-f' " + temp + " '/opt/cloud/bin/vr_scaling.py'"), any());
        order.verify(transport).run(eq(IP), eq(3922), eq(KEY),
                eq("/opt/cloud/bin/vr_scaling.py 'apply'" + SETS + " '--nic-queues' '2'"), any());
        assertTrue(answer.getDetails(), answer.getResult());
        assertEquals(report, answer.getDetails());
    }

    @Test
    public void verifyRunsTheExactQuotedCommand() throws Exception {
        when(transport.run(anyString(), anyInt(), any(), startsWith(SCRIPT), any()))
                .thenReturn(new SshTransport.Result(true, "{\"ok\": true, \"mode\": \"verify\", \"keys\": []}"));

        Answer answer = wrapper.execute(command(VrTuningCommand.verify(tuning())), resource);

        verify(transport).run(eq(IP), eq(3922), eq(KEY),
                eq("/opt/cloud/bin/vr_scaling.py 'verify'" + SETS + " '--nic-queues' '2'"), any());
        assertTrue(answer.getResult());
    }

    @Test
    public void theZonesConntrackBudgetIsPassedAsStrictlyQuotedArguments() throws Exception {
        when(transport.run(anyString(), anyInt(), any(), startsWith(SCRIPT), any()))
                .thenReturn(new SshTransport.Result(true, "{\"ok\": true, \"mode\": \"verify\", \"keys\": []}"));

        wrapper.execute(command(VrTuningCommand.verify(tuning()).withConntrackBudget(0.3, 320)), resource);

        verify(transport).run(eq(IP), eq(3922), eq(KEY), eq("/opt/cloud/bin/vr_scaling.py 'verify'" + SETS
                + " '--nic-queues' '2' '--memory-fraction' '0.3' '--bytes-per-entry' '320'"), any());
    }

    @Test
    public void aTamperedConntrackBudgetIsRefusedWithoutAnySsh() {
        Gson gson = new Gson();
        String wire = gson.toJson(command(VrTuningCommand.apply(tuning()).withConntrackBudget(0.25, 400)))
                .replace("\"memoryFraction\":0.25", "\"memoryFraction\":0.9");
        Answer answer = wrapper.execute(gson.fromJson(wire, VrTuningCommand.class), resource);

        assertFalse(answer.getResult());
        assertTrue(answer.getDetails(), answer.getDetails().contains("memory fraction must be between 0.05 and 0.6"));
        verifyNoInteractions(transport);
    }

    @Test
    public void diagnoseRunsTheExactCommandAndWaitsLongerForTheSample() throws Exception {
        when(transport.run(anyString(), anyInt(), any(), startsWith(SCRIPT), any()))
                .thenReturn(new SshTransport.Result(true, fixture("diagnose.json")));
        ArgumentCaptor<SshTimeouts> timeouts = ArgumentCaptor.forClass(SshTimeouts.class);

        Answer answer = wrapper.execute(command(VrTuningCommand.diagnose(5)), resource);

        verify(transport).run(eq(IP), eq(3922), eq(KEY),
                eq("/opt/cloud/bin/vr_scaling.py 'diagnose' '--sample-seconds' '5'"), timeouts.capture());
        assertEquals(VrDelivery.SCRIPT_TIMEOUT_MS + 5_000, timeouts.getValue().getWaitMs());
        assertTrue(answer.getResult());
        assertTrue(answer.getDetails().contains("\"measurements\""));
    }

    @Test
    public void removeRunsTheModeAlone() throws Exception {
        when(transport.run(anyString(), anyInt(), any(), startsWith(SCRIPT), any())).thenReturn(new SshTransport.Result(true,
                "{\"changed\": false, \"file\": {\"existed\": false, \"path\": \"/etc/sysctl.d/99-vr-scaling.conf\","
                        + " \"removed\": false}, \"mode\": \"remove\", \"ok\": true, \"removed_keys\": {},"
                        + " \"version\": \"1.0.0\"}"));

        Answer answer = wrapper.execute(command(VrTuningCommand.remove()), resource);

        verify(transport).run(eq(IP), eq(3922), eq(KEY), eq("/opt/cloud/bin/vr_scaling.py 'remove'"), any());
        assertTrue(answer.getResult());
    }

    // ---- refusals without any SSH ----

    @Test
    public void hostileRouterIpsAreRefusedWithoutAnySsh() {
        String[] hostile = {"1.2.3.4; reboot", "$(id)", "`id`", "1.2.3.4 -oProxyCommand=id", "-oProxyCommand=id",
            "router.example.com", "localhost", "", " 1.2.3.4", "1.2.3.4\n", "256.1.1.1", "1.2.3", "::1; id",
            "fe80::1%eth0", "[::1]", null};
        for (String ip : hostile) {
            VrTuningCommand command = VrTuningCommand.apply(tuning()).forRouter(ip, NAME);

            Answer answer = wrapper.execute(command, resource);

            assertFalse("accepted " + ip, answer.getResult());
            assertTrue(answer.getDetails(), answer.getDetails().contains("not an IPv4/IPv6 literal"));
            assertTrue(answer.getDetails(), answer.getDetails().contains(NAME));
        }
        verifyNoInteractions(transport);
    }

    @Test
    public void tamperedCommandIsRefusedWithoutAnySsh() {
        Gson gson = new Gson();
        String wire = gson.toJson(command(VrTuningCommand.apply(tuning()))).replace("\"value\":600", "\"value\":1");
        VrTuningCommand tampered = gson.fromJson(wire, VrTuningCommand.class);

        Answer answer = wrapper.execute(tampered, resource);

        assertFalse(answer.getResult());
        assertTrue(answer.getDetails(), answer.getDetails().startsWith("vr-scaling refused the command for router '"
                + NAME + "' ('" + IP + "')"));
        assertTrue(answer.getDetails(), answer.getDetails().contains("netdevbudget"));
        verifyNoInteractions(transport);
    }

    // ---- failures become failed answers ----

    @Test
    public void unreachableRouterIsAFailedAnswerNamingRouterAndStep() throws Exception {
        doThrow(new ConnectException("Connection refused")).when(transport)
                .copy(anyString(), anyInt(), any(), anyString(), anyString(), any(), anyString(), any());

        Answer answer = wrapper.execute(command(VrTuningCommand.apply(tuning())), resource);

        assertFalse(answer.getResult());
        assertEquals("vr-scaling apply on router 'r-42-VM' ('169.254.3.7'): cannot copy /opt/cloud/bin/vr_scaling.py"
                + " over SSH port 3922 (ConnectException: Connection refused)", answer.getDetails());
        verify(transport, never()).run(anyString(), anyInt(), any(), startsWith(SCRIPT), any());
        verify(transport, never()).run(anyString(), anyInt(), any(), startsWith(TOOL + "usr/bin/sha256sum"), any());
    }

    @Test
    public void aCopyWithTheWrongChecksumIsAFailedAnswerAndTheScriptDoesNotRun() throws Exception {
        when(transport.run(anyString(), anyInt(), any(), startsWith(TOOL), any()))
                .thenAnswer(call -> installStep(call.getArgument(3), "e3b0c442".repeat(8)));

        Answer answer = wrapper.execute(command(VrTuningCommand.apply(tuning())), resource);

        assertFalse(answer.getResult());
        assertTrue(answer.getDetails(), answer.getDetails().startsWith("vr-scaling apply on router 'r-42-VM' "
                + "('169.254.3.7'): cannot copy /opt/cloud/bin/vr_scaling.py over SSH port 3922 (IOException: "
                + "vr_scaling.py copy has SHA-256 '" + "e3b0c442".repeat(8) + "', expected "
                + VrScript.bundled().sha256() + ")"));
        // The bad copy is removed, never made executable or renamed, and the script does not run.
        verify(transport).run(eq(IP), eq(3922), eq(KEY), startsWith(TOOL + "bin/rm '-f' "
                + "'/opt/cloud/bin/.vr_scaling.tmp/vr_scaling.py."), any());
        verify(transport, never()).run(anyString(), anyInt(), any(), startsWith(TOOL + "bin/chmod"), any());
        verify(transport, never()).run(anyString(), anyInt(), any(), startsWith(TOOL + "bin/mv"), any());
        verify(transport, never()).run(anyString(), anyInt(), any(), startsWith(SCRIPT), any());
    }

    @Test
    public void sshTimeoutIsAFailedAnswer() throws Exception {
        when(transport.run(anyString(), anyInt(), any(), startsWith(SCRIPT), any()))
                .thenThrow(new Exception("Timed out in waiting for SSH execution exit status"));

        Answer answer = wrapper.execute(command(VrTuningCommand.verify(tuning())), resource);

        assertFalse(answer.getResult());
        assertTrue(answer.getDetails(), answer.getDetails().startsWith(
                "vr-scaling verify on router 'r-42-VM' ('169.254.3.7'): running the script over SSH port 3922 failed"));
        assertTrue(answer.getDetails(), answer.getDetails().contains("Timed out"));
    }

    @Test
    public void nonZeroExitWithoutJsonIsAFailedAnswerQuotingTheOutput() throws Exception {
        when(transport.run(anyString(), anyInt(), any(), startsWith(SCRIPT), any())).thenReturn(new SshTransport.Result(false,
                "python3: can't open file '/opt/cloud/bin/vr_scaling.py': [Errno 2] No such file or directory\n"));

        Answer answer = wrapper.execute(command(VrTuningCommand.apply(tuning())), resource);

        assertFalse(answer.getResult());
        assertTrue(answer.getDetails(), answer.getDetails().contains("the script failed without a readable report"));
        assertTrue(answer.getDetails(), answer.getDetails().contains("can't open file"));
        assertTrue(answer.getDetails(), answer.getDetails().contains(NAME));
    }

    @Test
    public void garbageOutputWithExitZeroIsAFailedAnswer() throws Exception {
        when(transport.run(anyString(), anyInt(), any(), startsWith(SCRIPT), any()))
                .thenReturn(new SshTransport.Result(true, "{not json}"));

        Answer answer = wrapper.execute(command(VrTuningCommand.apply(tuning())), resource);

        assertFalse(answer.getResult());
        assertTrue(answer.getDetails(), answer.getDetails().contains("exited 0 without a readable report"));
    }

    @Test
    public void reportForAnotherModeIsAFailedAnswer() throws Exception {
        when(transport.run(anyString(), anyInt(), any(), startsWith(SCRIPT), any()))
                .thenReturn(new SshTransport.Result(true, fixture("apply-ok.json")));

        Answer answer = wrapper.execute(command(VrTuningCommand.verify(tuning())), resource);

        assertFalse(answer.getResult());
        assertTrue(answer.getDetails(), answer.getDetails().contains("asked for verify"));
    }

    @Test
    public void driftReportWithNonZeroExitIsAFailedAnswerCarryingTheJson() throws Exception {
        String report = fixture("verify-drift.json").trim();
        when(transport.run(anyString(), anyInt(), any(), startsWith(SCRIPT), any()))
                .thenReturn(new SshTransport.Result(false, report));

        Answer answer = wrapper.execute(command(VrTuningCommand.verify(tuning())), resource);

        assertFalse(answer.getResult());
        assertEquals(report, answer.getDetails());
    }

    @Test
    public void nothingEscapesExecute() throws Exception {
        when(transport.run(anyString(), anyInt(), any(), startsWith(SCRIPT), any()))
                .thenThrow(new NoClassDefFoundError("com/trilead/ssh2/Connection"));

        Answer answer = wrapper.execute(command(VrTuningCommand.apply(tuning())), resource);

        assertFalse(answer.getResult());
        assertTrue(answer.getDetails(), answer.getDetails().contains("failed unexpectedly"));
        assertTrue(answer.getDetails(), answer.getDetails().contains(NAME));
    }

    @Test
    public void aTransportWithoutAResultIsAFailedAnswerNamingTheRouter() throws Exception {
        when(transport.run(anyString(), anyInt(), any(), startsWith(SCRIPT), any())).thenReturn(null);

        Answer answer = wrapper.execute(command(VrTuningCommand.apply(tuning())), resource);

        assertFalse(answer.getResult());
        assertTrue(answer.getDetails(), answer.getDetails().startsWith("vr-scaling apply on router 'r-42-VM' "
                + "('169.254.3.7'): running the script over SSH port 3922 failed"));
    }

    @Test
    public void ipv6ControlAddressIsAccepted() throws Exception {
        when(transport.run(anyString(), anyInt(), any(), startsWith(SCRIPT), any()))
                .thenReturn(new SshTransport.Result(true, fixture("apply-ok.json")));

        Answer answer = wrapper.execute(VrTuningCommand.apply(tuning()).forRouter("fd00::3:7", NAME), resource);

        assertTrue(answer.getDetails(), answer.getResult());
        verify(transport).run(eq("fd00::3:7"), eq(3922), eq(KEY), startsWith(SCRIPT), any());
    }

    // ---- helpers ----

    /** A router's answer to one install step: sha256sum prints the given digest for the file it was asked about. */
    static SshTransport.Result installStep(String command, String sha256) {
        if (command.contains("usr/bin/sha256sum ")) {
            String path = command.substring(command.indexOf(" '") + 2, command.length() - 1);
            return new SshTransport.Result(true, sha256 + "  " + path + "\n");
        }
        return new SshTransport.Result(true, "");
    }

    private static VrTuningCommand command(VrTuningCommand command) {
        return command.forRouter(IP, NAME);
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = LibvirtVrTuningCommandWrapperTest.class.getResourceAsStream(name)) {
            assertNotNull("missing fixture " + name, in);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
}
