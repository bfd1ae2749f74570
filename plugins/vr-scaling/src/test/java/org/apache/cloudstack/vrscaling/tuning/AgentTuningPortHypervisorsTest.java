package org.apache.cloudstack.vrscaling.tuning;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.File;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.agent.VrScript;
import org.apache.cloudstack.vrscaling.agent.VrTuningCommand;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.tuning.KeyResult;
import org.apache.cloudstack.vrscaling.core.tuning.TuningOutcome;
import org.joda.time.Duration;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

import com.cloud.agent.AgentManager;
import com.cloud.agent.api.Answer;
import com.cloud.agent.api.Command;
import com.cloud.hypervisor.Hypervisor;
import com.cloud.network.router.RouterControlHelper;
import com.cloud.utils.Pair;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.dao.DomainRouterDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

/** Each hypervisor's delivery path: KVM and XenServer by agent command, VMware over SSH from here, others none. */
public class AgentTuningPortHypervisorsTest {
    private static final long ROUTER_ID = 42L;
    private static final long HOST_ID = 7L;
    private static final String CONTROL_IP = "10.1.1.9";
    private static final File KEY = new File("/usr/share/cloudstack-common/scripts/vm/systemvm/id_rsa.cloud");

    private AgentTuningPort port;
    private AgentManager agentManager;
    private DomainRouterVO router;
    private VMInstanceDetailsDao detailsDao;
    private FakeRouter vmwareRouter;

    @Before
    public void setUp() {
        agentManager = mock(AgentManager.class);
        DomainRouterDao routerDao = mock(DomainRouterDao.class);
        RouterControlHelper controlHelper = mock(RouterControlHelper.class);
        detailsDao = mock(VMInstanceDetailsDao.class);
        VrScalingSettings settings = mock(VrScalingSettings.class);
        port = new AgentTuningPort();
        port.agentManager = agentManager;
        port.domainRouterDao = routerDao;
        port.routerControlHelper = controlHelper;
        port.vmInstanceDetailsDao = detailsDao;
        port.settings = settings;
        vmwareRouter = new FakeRouter();
        port.vmwareDeployer = new VmwareRouterDeployer(() -> KEY, vmwareRouter);
        when(settings.sizingModel(3L)).thenReturn(new SizingModel(SizingAssumptions.defaults()));
        router = mock(DomainRouterVO.class);
        when(router.getInstanceName()).thenReturn("r-42-VM");
        when(router.getState()).thenReturn(VirtualMachine.State.Running);
        when(router.getHostId()).thenReturn(HOST_ID);
        when(router.getDataCenterId()).thenReturn(3L);
        when(routerDao.findById(ROUTER_ID)).thenReturn(router);
        when(controlHelper.getRouterControlIp(ROUTER_ID)).thenReturn(CONTROL_IP);
    }

    @Test
    public void hypervisorsWithoutADeliveryPathGetTheExactAnswerAndNothingIsSentOrRecorded() throws Exception {
        for (Hypervisor.HypervisorType type : new Hypervisor.HypervisorType[] {Hypervisor.HypervisorType.Hyperv,
            Hypervisor.HypervisorType.Ovm3, Hypervisor.HypervisorType.Simulator}) {
            when(router.getHypervisorType()).thenReturn(type);

            for (TuningOutcome outcome : new TuningOutcome[] {port.apply(ROUTER_ID, AgentTuningPortTest.tuning()),
                port.verify(ROUTER_ID, AgentTuningPortTest.tuning()), port.remove(ROUTER_ID)}) {
                assertFalse(outcome.isDelivered());
                assertFalse(outcome.isOk());
                assertTrue(outcome.getMessage(), outcome.getMessage().startsWith(
                        "tuning not delivered: no delivery path for hypervisor " + type.name() + ": router r-42-VM"));
            }
            TuningNotDeliveredException diagnose = assertThrows(TuningNotDeliveredException.class,
                    () -> port.diagnose(ROUTER_ID, 1));
            assertTrue(diagnose.getMessage().startsWith("tuning not delivered: no delivery path for hypervisor "
                    + type.name()));
        }
        verify(agentManager, never()).send(anyLong(), any(Command.class));
        verify(detailsDao, never()).addDetail(anyLong(), anyString(), anyString(), anyBoolean());
        assertEquals(List.of(), vmwareRouter.commands);
    }

    @Test
    public void xenServerGetsTheCommandThroughItsResourceWithoutNicQueues() throws Exception {
        when(router.getHypervisorType()).thenReturn(Hypervisor.HypervisorType.XenServer);
        ArgumentCaptor<Command> sent = ArgumentCaptor.forClass(Command.class);
        when(agentManager.send(eq(HOST_ID), sent.capture())).thenAnswer(i -> new Answer(i.getArgument(1), true,
                AgentTuningPortTest.applyReport(true)));

        TuningOutcome outcome = port.apply(ROUTER_ID, AgentTuningPortTest.tuning());

        assertTrue(outcome.getMessage(), outcome.isOk());
        VrTuningCommand command = (VrTuningCommand) sent.getValue();
        assertEquals(0, command.getNicQueues());
        assertTrue(command.hasConntrackBudget());
        assertEquals(CONTROL_IP, command.getRouterIp());
        verify(detailsDao).addDetail(eq(ROUTER_ID), eq(AgentTuningPort.DIGEST_DETAIL), anyString(), eq(false));
    }

    @Test
    public void aXenServerResourceWithoutOurWrapperSaysWhereTheJarGoes() throws Exception {
        when(router.getHypervisorType()).thenReturn(Hypervisor.HypervisorType.XenServer);
        when(agentManager.send(eq(HOST_ID), any(Command.class))).thenAnswer(i -> new Answer(i.getArgument(1), false,
                "Unsupported command issued: " + VrTuningCommand.class.getName()));

        TuningOutcome outcome = port.apply(ROUTER_ID, AgentTuningPortTest.tuning());

        assertFalse(outcome.isDelivered());
        assertTrue(outcome.getMessage(), outcome.getMessage().contains("/usr/share/cloudstack-management/lib/"));
    }

    @Test
    public void vmwareIsTunedOverSshFromTheManagementServerWithTheSystemVmKeyAndNoAgentCommand() throws Exception {
        when(router.getHypervisorType()).thenReturn(Hypervisor.HypervisorType.VMware);
        vmwareRouter.scriptOutput = AgentTuningPortTest.applyReport(true);

        TuningOutcome outcome = port.apply(ROUTER_ID, AgentTuningPortTest.tuning());

        assertTrue(outcome.getMessage(), outcome.isOk());
        verify(agentManager, never()).send(anyLong(), any(Command.class));
        assertEquals(6, vmwareRouter.commands.size());
        assertTrue(vmwareRouter.commands.get(0).startsWith("/opt/cloud/bin/../../../bin/mkdir -p "));
        String run = vmwareRouter.commands.get(vmwareRouter.commands.size() - 1);
        assertTrue(run, run.startsWith("/opt/cloud/bin/vr_scaling.py apply --set net.netfilter.nf_conntrack_max="));
        assertTrue(run, run.contains(" --memory-fraction "));
        assertFalse("vmxnet3 keeps its own queues: " + run, run.contains("--nic-queues"));
        assertArrayEquals(VrScript.bundled().bytes(), vmwareRouter.files.get("/opt/cloud/bin/vr_scaling.py"));
        verify(detailsDao).addDetail(eq(ROUTER_ID), eq(AgentTuningPort.DIGEST_DETAIL), anyString(), eq(false));
    }

    @Test
    public void onVmwareTheQueueCountIsTheHypervisorsAndNotDrift() {
        when(router.getHypervisorType()).thenReturn(Hypervisor.HypervisorType.VMware);
        // Without --nic-queues the script reports no NICs (systemvm/vr_scaling.py): nothing was asked of them.
        vmwareRouter.scriptOutput = AgentTuningPortTest.verifyReport(15, true)
                .replace("{\"current\": 2, \"driver\": \"virtio_net\", \"max_combined\": 4, \"name\": \"eth0\","
                        + " \"requested\": 2, \"status\": \"match\", \"target\": 2}", "");

        TuningOutcome outcome = port.verify(ROUTER_ID, AgentTuningPortTest.tuning());

        assertTrue(outcome.getMessage(), outcome.isOk());
        KeyResult queues = outcome.getKeys().stream().filter(k -> k.getKey() == TuningKey.NIC_QUEUES).findFirst()
                .orElseThrow(AssertionError::new);
        assertEquals(KeyResult.Status.UNSUPPORTED, queues.getStatus());
        assertTrue(queues.getError(), queues.getError().contains("vmxnet3"));
    }

    @Test
    public void anUnreachableVmwareRouterIsNotDeliveredNamingThePath() {
        when(router.getHypervisorType()).thenReturn(Hypervisor.HypervisorType.VMware);
        vmwareRouter.unreachable = true;

        TuningOutcome outcome = port.apply(ROUTER_ID, AgentTuningPortTest.tuning());

        assertFalse(outcome.isDelivered());
        assertTrue(outcome.getMessage(), outcome.getMessage().contains(
                "over SSH from the management server to port 3922"));
        assertTrue(outcome.getMessage(), outcome.getMessage().contains("Connection refused"));
    }

    /** A VMware router behind SshHelper: keeps copied files, hashes them, renames, answers the script's report. */
    private static final class FakeRouter implements RouterSsh {
        final List<String> commands = new ArrayList<>();
        final Map<String, byte[]> files = new HashMap<>();
        String scriptOutput = "";
        boolean unreachable;

        @Override
        public Pair<Boolean, String> execute(String host, int port, File key, String command, Duration connect,
                                             Duration wait) throws Exception {
            check(host, port, key);
            commands.add(command);
            String[] words = command.split(" ");
            if (words[0].endsWith("/sha256sum")) {
                return new Pair<>(true, hex(files.get(words[1])) + "  " + words[1] + "\n");
            }
            if (words[0].endsWith("/mv")) {
                files.put(words[3], files.remove(words[2]));
            }
            if (words[0].equals("/opt/cloud/bin/vr_scaling.py")) {
                return new Pair<>(true, scriptOutput);
            }
            return new Pair<>(true, "");
        }

        @Override
        public void copy(String host, int port, File key, String dir, byte[] data, String fileName) throws Exception {
            check(host, port, key);
            files.put(dir + fileName, data);
        }

        private void check(String host, int port, File key) throws Exception {
            if (unreachable) {
                throw new java.net.ConnectException("Connection refused");
            }
            assertEquals(CONTROL_IP, host);
            assertEquals(3922, port);
            assertEquals(KEY, key);
        }

        private static String hex(byte[] data) throws Exception {
            StringBuilder hex = new StringBuilder();
            for (byte b : MessageDigest.getInstance("SHA-256").digest(data)) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        }
    }
}
