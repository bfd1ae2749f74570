package org.apache.cloudstack.vrscaling.scale;

import static org.apache.cloudstack.vrscaling.TestSupport.assertApiError;
import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.cloudstack.api.ApiErrorCode;
import org.apache.cloudstack.api.ServerApiException;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.core.plan.PlanTarget;
import org.apache.cloudstack.vrscaling.core.plan.RedundantRole;
import org.apache.cloudstack.vrscaling.core.plan.RollingPlanner;
import org.apache.cloudstack.vrscaling.core.plan.RouterObservation;
import org.apache.cloudstack.vrscaling.core.plan.RouterRunState;
import org.apache.cloudstack.vrscaling.core.plan.RouterStep;
import org.apache.cloudstack.vrscaling.core.plan.StepAction;
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.tuning.KeyResult;
import org.apache.cloudstack.vrscaling.core.tuning.NotDeliveredTuningPort;
import org.apache.cloudstack.vrscaling.core.tuning.TuningOutcome;
import org.apache.cloudstack.vrscaling.core.tuning.TuningPort;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.InjectMocks;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.exception.ConcurrentOperationException;
import com.cloud.network.VpcVirtualNetworkApplianceService;
import com.cloud.network.router.VirtualRouter;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VirtualMachineManager;
import com.cloud.vm.VmDetailConstants;
import com.cloud.vm.dao.DomainRouterDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

@RunWith(MockitoJUnitRunner.class)
public class PlanExecutorTest {
    private static final long OLD_OFFERING = 1L;
    private static final long PROFILE_OFFERING = 5L;
    private static final RouterSize OLD_SIZE = new RouterSize(1, 500, 256);
    private static final RouterSize BIG = new RouterSize(2, 1000, 2048);
    private static final BindingScope NETWORK = new BindingScope(BindingScope.Type.NETWORK, 100L, "net-uuid", "web",
            1L);

    @Mock
    VpcVirtualNetworkApplianceService routerService;
    @Mock
    DomainRouterDao routerDao;
    @Mock
    VMInstanceDetailsDao vmDetailsDao;
    @Mock
    ServiceOfferingDao serviceOfferingDao;
    @Mock
    VirtualMachineManager vmManager;
    @Mock
    TuningPort tuningPort;
    @Mock
    BindingStore bindingStore;
    @Mock
    VrScalingSettings settings;
    @Mock
    RouterRoleProbe roleProbe;
    @Mock
    RouterObserver routerObserver;
    @InjectMocks
    PlanExecutor executor;

    private FakeRouters cloud;
    private final KernelTuning tuning = new SizingModel(SizingAssumptions.defaults()).derive(BIG);
    private final List<String> warnings = new ArrayList<>();
    private long clock;

    @Before
    public void setUp() throws Exception {
        cloud = new FakeRouters(routerDao, routerService);
        cloud.answer(roleProbe, routerObserver);
        ServiceOfferingVO profile = offering(PROFILE_OFFERING, "big", 2, 1000, 2048);
        lenient().when(serviceOfferingDao.findById(PROFILE_OFFERING)).thenReturn(profile);
        ServiceOfferingVO old = offering(OLD_OFFERING, "System Offering For Software Router", 1, 500, 256);
        lenient().when(serviceOfferingDao.findByIdIncludingRemoved(OLD_OFFERING)).thenReturn(old);
        lenient().when(settings.roleWaitSeconds()).thenReturn(60);
        lenient().when(tuningPort.apply(anyLong(), eq(tuning)))
                .thenReturn(new TuningOutcome(true, true, true, "applied", List.of(), "1"));
        lenient().when(tuningPort.verify(anyLong(), eq(tuning)))
                .thenReturn(new TuningOutcome(true, true, false, "all values match", List.of(), "1"));
        // A fake clock: sleeping advances time instead of waiting.
        executor.sleeper = new Sleeper() {
            @Override
            public long nowMillis() {
                return clock;
            }

            @Override
            public void sleep(long millis) {
                clock += millis;
            }
        };
    }

    private RouterObservation observe(long id, RedundantRole role) {
        return new RouterObservation(id, "router-uuid-" + id, cloud.names.get(id),
                RouterRunState.fromName(cloud.states.get(id).name()), role != RedundantRole.NONE, role,
                cloud.offerings.get(id), OLD_SIZE, 7L, null);
    }

    private List<RouterStep> plan(RouterObservation... routers) throws Exception {
        return new RollingPlanner().plan(List.of(routers), new PlanTarget(PROFILE_OFFERING, BIG, 2)).getSteps();
    }

    @Test
    public void singleRouterIsStoppedResizedStartedTunedAndVerifiedInOrder() throws Exception {
        cloud.add(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        List<RouterReport> reports = executor.execute(NETWORK, plan(observe(11L, RedundantRole.NONE)), tuning, false,
                warnings);

        assertEquals(List.of("stop r-11-VM", "update r-11-VM offering 5", "start r-11-VM"), cloud.calls);
        verify(vmDetailsDao).addDetail(11L, VmDetailConstants.NIC_MULTIQUEUE_NUMBER, "2", true);
        verify(bindingStore).touched(NETWORK, 11L, OLD_OFFERING);
        RouterReport report = reports.get(0);
        assertEquals(List.of(StepAction.STOP, StepAction.CHANGE_OFFERING, StepAction.SET_NIC_QUEUES,
                StepAction.START, StepAction.WAIT_RUNNING, StepAction.PUSH_TUNING, StepAction.VERIFY),
                report.getDone());
        assertEquals(1, report.getReboots());
        assertTrue(report.getTuning().isOk());
        assertTrue(report.getVerification().isOk());
        assertTrue(warnings.isEmpty());
    }

    @Test
    public void redundantPairWaitsForTheRestartedBackupItselfToAnswerBeforeThePrimaryIsTouched() throws Exception {
        cloud.add(21L, "r-21-VM", VirtualMachine.State.Running, OLD_OFFERING, VirtualRouter.RedundantState.PRIMARY);
        cloud.add(22L, "r-22-VM", VirtualMachine.State.Running, OLD_OFFERING, VirtualRouter.RedundantState.BACKUP);
        List<RouterStep> steps = plan(observe(21L, RedundantRole.PRIMARY), observe(22L, RedundantRole.BACKUP));
        // The stored role still says BACKUP (stale); the restarted router itself answers nothing readable at first.
        doAnswer(inv -> {
            cloud.calls.add("start r-22-VM");
            cloud.states.put(22L, VirtualMachine.State.Running);
            cloud.roles.put(22L, VirtualRouter.RedundantState.UNKNOWN);
            return null;
        }).when(routerService).startRouter(eq(22L), anyBoolean());
        executor.sleeper = new Sleeper() {
            @Override
            public long nowMillis() {
                return clock;
            }

            @Override
            public void sleep(long millis) {
                clock += millis;
                assertFalse("the primary was touched first", cloud.calls.contains("stop r-21-VM"));
                cloud.roles.put(22L, VirtualRouter.RedundantState.BACKUP);
            }
        };

        List<RouterReport> reports = executor.execute(NETWORK, steps, tuning, false, warnings);

        assertEquals(List.of("stop r-22-VM", "update r-22-VM offering 5", "start r-22-VM",
                "stop r-21-VM", "update r-21-VM offering 5", "start r-21-VM"), cloud.calls);
        assertEquals(PlanExecutor.POLL_MILLIS, clock);
        assertTrue(reports.get(0).getNotes().toString(), reports.get(0).getNotes().toString()
                .contains("reports BACKUP after its restart (asked the router)"));
        assertTrue(warnings.isEmpty());
    }

    @Test
    public void aRoleThatNeverShowsFailsThePlanBeforeThePeerIsTouched() throws Exception {
        cloud.add(21L, "r-21-VM", VirtualMachine.State.Running, OLD_OFFERING, VirtualRouter.RedundantState.BACKUP);
        cloud.add(22L, "r-22-VM", VirtualMachine.State.Running, OLD_OFFERING, VirtualRouter.RedundantState.PRIMARY);
        doAnswer(inv -> {
            long id = inv.getArgument(0, Long.class);
            cloud.calls.add("start " + cloud.names.get(id));
            cloud.states.put(id, VirtualMachine.State.Running);
            cloud.roles.put(id, VirtualRouter.RedundantState.FAULT);
            return null;
        }).when(routerService).startRouter(anyLong(), anyBoolean());

        ServerApiException e = assertThrows(ServerApiException.class, () -> executor.execute(NETWORK,
                plan(observe(21L, RedundantRole.BACKUP), observe(22L, RedundantRole.PRIMARY)), tuning, false,
                warnings));

        assertEquals(ApiErrorCode.INTERNAL_ERROR, e.getErrorCode());
        assertTrue(e.getDescription(), e.getDescription().contains("reported no VRRP role within 60 s after its "
                + "start (last answer: FAULT"));
        assertTrue(e.getDescription(), e.getDescription().contains("not touched: r-22-VM"));
        assertEquals(List.of("stop r-21-VM", "update r-21-VM offering 5", "start r-21-VM"), cloud.calls);
        assertEquals(60_000L, clock);
    }

    @Test
    public void aRedundantRouterIsNotStoppedWhileItsPeerIsDown() throws Exception {
        cloud.add(21L, "r-21-VM", VirtualMachine.State.Running, OLD_OFFERING, VirtualRouter.RedundantState.PRIMARY);
        cloud.add(22L, "r-22-VM", VirtualMachine.State.Running, OLD_OFFERING, VirtualRouter.RedundantState.BACKUP);
        List<RouterStep> steps = plan(observe(21L, RedundantRole.PRIMARY), observe(22L, RedundantRole.BACKUP));
        // While the restarted backup is being tuned, someone else stops it.
        when(tuningPort.apply(eq(22L), eq(tuning))).thenAnswer(inv -> {
            cloud.states.put(22L, VirtualMachine.State.Stopped);
            return new TuningOutcome(true, true, true, "applied", List.of(), "1");
        });

        ServerApiException e = assertThrows(ServerApiException.class,
                () -> executor.execute(NETWORK, steps, tuning, false, warnings));

        assertTrue(e.getDescription(), e.getDescription().contains("at step STOP on router r-21-VM"));
        assertTrue(e.getDescription(), e.getDescription().contains("its peer r-22-VM (router-uuid-22) is Stopped"));
        assertFalse(cloud.calls.contains("stop r-21-VM"));
        assertEquals(VirtualMachine.State.Running, cloud.states.get(21L));
    }

    @Test
    public void noPlanEverStopsARedundantRouterWhileItsPeerIsNotRunning() throws Exception {
        // Invariant over many interleavings: an outsider (HA, an operator, CloudStack) stops, starts or leaves alone
        // the routers at every point the executor hands control away. Whatever happens, the executor's own stop is
        // only ever issued while the other member is Running.
        int plansThatFailed = 0;
        int plansThatFinished = 0;
        for (int seed = 0; seed < 400; seed++) {
            final int current = seed;
            Random random = new Random(seed);
            clock = 0;
            cloud.rows.clear();
            cloud.calls.clear();
            cloud.add(21L, "r-21-VM", VirtualMachine.State.Running, OLD_OFFERING,
                    VirtualRouter.RedundantState.PRIMARY);
            cloud.add(22L, "r-22-VM", VirtualMachine.State.Running, OLD_OFFERING,
                    VirtualRouter.RedundantState.BACKUP);
            Runnable outsider = () -> {
                int roll = random.nextInt(10);
                long id = random.nextBoolean() ? 21L : 22L;
                if (roll == 0) {
                    cloud.states.put(id, VirtualMachine.State.Stopped);
                } else if (roll == 1) {
                    cloud.states.put(id, VirtualMachine.State.Running);
                } else if (roll == 2) {
                    cloud.roles.put(id, VirtualRouter.RedundantState.UNKNOWN);
                } else {
                    cloud.roles.put(id, random.nextBoolean() ? VirtualRouter.RedundantState.BACKUP
                            : VirtualRouter.RedundantState.PRIMARY);
                }
            };
            doAnswer(inv -> {
                long id = inv.getArgument(0, Long.class);
                long peer = id == 21L ? 22L : 21L;
                assertEquals("seed " + current + ": stopped " + cloud.names.get(id) + " while its peer was "
                        + cloud.states.get(peer), VirtualMachine.State.Running, cloud.states.get(peer));
                cloud.calls.add("stop " + cloud.names.get(id));
                cloud.states.put(id, VirtualMachine.State.Stopped);
                outsider.run();
                return null;
            }).when(routerService).stopRouter(anyLong(), anyBoolean());
            doAnswer(inv -> {
                long id = inv.getArgument(0, Long.class);
                cloud.states.put(id, VirtualMachine.State.Running);
                cloud.roles.put(id, VirtualRouter.RedundantState.UNKNOWN);
                outsider.run();
                return null;
            }).when(routerService).startRouter(anyLong(), anyBoolean());
            lenient().when(tuningPort.apply(anyLong(), eq(tuning))).thenAnswer(inv -> {
                outsider.run();
                return new TuningOutcome(true, true, true, "applied", List.of(), "1");
            });
            executor.sleeper = new Sleeper() {
                @Override
                public long nowMillis() {
                    return clock;
                }

                @Override
                public void sleep(long millis) {
                    clock += millis;
                    outsider.run();
                }
            };
            List<RouterStep> steps = plan(observe(21L, RedundantRole.PRIMARY), observe(22L, RedundantRole.BACKUP));
            try {
                executor.execute(NETWORK, steps, tuning, false, new ArrayList<>());
                plansThatFinished++;
            } catch (ServerApiException expected) {
                plansThatFailed++;
            }
        }
        // Both outcomes occur, so the interleavings reached both the guarded and the unguarded paths.
        assertTrue("finished " + plansThatFinished, plansThatFinished > 0);
        assertTrue("failed " + plansThatFailed, plansThatFailed > 0);
    }

    @Test
    public void aFailedStartRevertsTheRouterStartsItAgainAndStopsThePlan() throws Exception {
        cloud.add(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        cloud.add(12L, "r-12-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        List<RouterStep> steps = plan(observe(11L, RedundantRole.NONE), observe(12L, RedundantRole.NONE));
        doAnswer(inv -> {
            long id = inv.getArgument(0, Long.class);
            cloud.calls.add("start " + cloud.names.get(id));
            if (cloud.offerings.get(id) == PROFILE_OFFERING) {
                throw new ConcurrentOperationException("no host has 2048 MiB free");
            }
            cloud.states.put(id, VirtualMachine.State.Running);
            return null;
        }).when(routerService).startRouter(anyLong(), anyBoolean());

        assertApiError(ApiErrorCode.INTERNAL_ERROR, () -> executor.execute(NETWORK, steps, tuning, false, warnings),
                "failed at step START on router r-11-VM", "no host has 2048 MiB free",
                "offering back to System Offering For Software Router", "nic.multiqueue.number back to unset",
                "router started again", "not touched: r-12-VM");

        assertEquals(List.of("stop r-11-VM", "update r-11-VM offering 5", "start r-11-VM",
                "update r-11-VM offering 1", "start r-11-VM"), cloud.calls);
        assertEquals(VirtualMachine.State.Running, cloud.states.get(11L));
        assertEquals(Long.valueOf(OLD_OFFERING), cloud.offerings.get(11L));
        verify(vmDetailsDao).removeDetail(11L, VmDetailConstants.NIC_MULTIQUEUE_NUMBER);
        verify(routerService, never()).stopRouter(eq(12L), anyBoolean());
    }

    @Test
    public void tuningThatIsNotDeliveredIsReportedAndNeverCountsAsSuccess() throws Exception {
        executor.tuningPort = new NotDeliveredTuningPort("agent extension missing on host 7");
        cloud.add(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        List<RouterReport> reports = executor.execute(NETWORK, plan(observe(11L, RedundantRole.NONE)), tuning, false,
                warnings);
        RouterReport report = reports.get(0);
        assertFalse(report.getTuning().isDelivered());
        assertFalse(report.getTuning().isOk());
        assertNull(report.getVerification());
        assertTrue(report.getNotes().contains("not verified: the tuning was not delivered"));
        assertEquals(VirtualMachine.State.Running, cloud.states.get(11L));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0), warnings.get(0).startsWith("Tuning not delivered on r-11-VM: agent extension "
                + "missing on host 7"));
    }

    @Test
    public void valuesNotInForceAfterThePushAreAWarningNotARevert() throws Exception {
        cloud.add(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        when(tuningPort.verify(11L, tuning)).thenReturn(new TuningOutcome(true, false, false,
                "conntrackmax: DRIFT (requested 300000, actual 262144)", List.of(), "1"));
        List<RouterReport> reports = executor.execute(NETWORK, plan(observe(11L, RedundantRole.NONE)), tuning, false,
                warnings);
        assertFalse(reports.get(0).getVerification().isOk());
        assertEquals(Long.valueOf(PROFILE_OFFERING), cloud.offerings.get(11L));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0), warnings.get(0).contains("r-11-VM found values not in force: conntrackmax: DRIFT"));
    }

    @Test
    public void theRouterIsMarkedManagedBeforeItsQueueDetailChanges() throws Exception {
        cloud.add(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        executor.execute(NETWORK, plan(observe(11L, RedundantRole.NONE)), tuning, false, warnings);

        InOrder order = inOrder(vmDetailsDao);
        order.verify(vmDetailsDao).addDetail(11L, "vrscaling.managed", "true", false);
        order.verify(vmDetailsDao).addDetail(11L, VmDetailConstants.NIC_MULTIQUEUE_NUMBER, "2", true);
    }

    @Test
    public void aBudgetLimitedPushIsDeliveredWithAWarningInTheScaleResult() throws Exception {
        cloud.add(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        KeyResult limited = new KeyResult(TuningKey.CONNTRACK_MAX, 1_000_000L, 166_901L, KeyResult.Status.LIMITED,
                "limited to 166901 (requested 1000000): a full table needs 383.5 MiB", 166_901L);
        when(tuningPort.apply(11L, tuning)).thenReturn(new TuningOutcome(true, true, true, "apply ok (1 limited)",
                List.of(limited), "1.1.0"));
        List<RouterReport> reports = executor.execute(NETWORK, plan(observe(11L, RedundantRole.NONE)), tuning, false,
                warnings);

        assertTrue(reports.get(0).getTuning().isOk());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0), warnings.get(0).startsWith("Tuning on r-11-VM: conntrackmax limited to 166901 "
                + "(requested 1000000)"));
    }

    @Test
    public void aPendingPushIsNeitherAFailureNorVerified() throws Exception {
        cloud.add(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        KeyResult pending = new KeyResult(TuningKey.CONNTRACK_MAX, 300_000L, null, KeyResult.Status.PENDING,
                KeyResult.PENDING_MESSAGE);
        when(tuningPort.apply(11L, tuning)).thenReturn(new TuningOutcome(true, true, true, "apply ok (1 pending)",
                List.of(pending), "1.1.0"));
        when(tuningPort.verify(11L, tuning)).thenReturn(new TuningOutcome(true, false, false, "verify failed",
                List.of(pending), "1.1.0"));
        List<RouterReport> reports = executor.execute(NETWORK, plan(observe(11L, RedundantRole.NONE)), tuning, false,
                warnings);

        assertFalse(reports.get(0).getTuning().isOk());
        assertTrue(reports.get(0).getTuning().isPending());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0), warnings.get(0).startsWith("Tuning on r-11-VM: pending conntrackmax=300000: not "
                + "in the kernel yet"));
        assertTrue(reports.get(0).getNotes().toString(), reports.get(0).getNotes().contains(
                "not verified yet: settings wait for nf_conntrack to load"));
    }

    @Test
    public void aRouterAlreadyAtTheProfileOnlyGetsTuning() throws Exception {
        cloud.add(11L, "r-11-VM", VirtualMachine.State.Running, PROFILE_OFFERING, null);
        RouterObservation atTarget = new RouterObservation(11L, "router-uuid-11", "r-11-VM", RouterRunState.RUNNING,
                false, RedundantRole.NONE, PROFILE_OFFERING, BIG, 7L, 2);
        List<RouterReport> reports = executor.execute(NETWORK, plan(atTarget), tuning, false, warnings);
        assertTrue(cloud.calls.isEmpty());
        assertEquals(0, reports.get(0).getReboots());
        verify(tuningPort).apply(11L, tuning);
    }

    @Test
    public void theOfferingOfARunningRouterIsNeverChanged() {
        cloud.add(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> executor.changeOffering(11L, PROFILE_OFFERING, false));
        assertTrue(e.getMessage().contains("only while it is Stopped"));
        assertEquals(Long.valueOf(OLD_OFFERING), cloud.offerings.get(11L));
        assertTrue(cloud.calls.isEmpty());
    }

    @Test
    public void theOfferingChangeChecksTheRootVolumeStorageLikeChangeServiceForRouter() {
        cloud.add(11L, "r-11-VM", VirtualMachine.State.Stopped, OLD_OFFERING, null);
        when(vmManager.isRootVolumeOnLocalStorage(11L)).thenReturn(true);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> executor.changeOffering(11L, PROFILE_OFFERING, false));
        assertTrue(e.getMessage(), e.getMessage().contains("root volume is on local storage"));
        assertEquals(Long.valueOf(OLD_OFFERING), cloud.offerings.get(11L));
    }
}
