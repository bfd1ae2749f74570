package org.apache.cloudstack.vrscaling.lifecycle;

import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.apache.cloudstack.vrscaling.TestSupport.router;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.cloudstack.framework.jobs.dao.AsyncJobDao;
import org.apache.cloudstack.vrscaling.SystemCallContext;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.tuning.TuningOutcome;
import org.apache.cloudstack.vrscaling.core.tuning.TuningPort;
import org.apache.cloudstack.vrscaling.presize.PresizeService;
import org.apache.cloudstack.vrscaling.scale.RouterObserver;
import org.apache.cloudstack.vrscaling.scale.ScaleService;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.network.router.VirtualRouter;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.utils.fsm.StateMachine2;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VirtualMachine.Event;
import com.cloud.vm.VirtualMachine.State;
import com.cloud.vm.dao.DomainRouterDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

/** The real runner's pools: rolling rescales (minutes each) must never hold up a tuning push. Latches, no timing. */
@RunWith(MockitoJUnitRunner.class)
public class BackgroundPoolsTest {
    private static final long ZONE_ID = 1L;
    private static final long PROFILE = 5L;
    private static final long DEFAULT = 1L;
    /** Only bounds a broken run; the test never waits this long when the pools are separate. */
    private static final long GIVE_UP_SECONDS = 30;

    @Rule
    public final SystemCallContext systemCallContext = new SystemCallContext();

    @Mock
    ProfileBindings bindings;
    @Mock
    BindingStore bindingStore;
    @Mock
    RouterObserver routerObserver;
    @Mock
    ScaleService scaleService;
    @Mock
    AsyncJobDao asyncJobDao;
    @Mock
    VrScalingSettings settings;
    @Mock
    LifecycleEvents events;
    @Mock
    PresizeService presizeService;
    @Mock
    ServiceOfferingDao serviceOfferingDao;
    @Mock
    DomainRouterDao routerDao;
    @Mock
    VMInstanceDetailsDao vmDetailsDao;
    @Mock
    TuningPort tuningPort;

    private final LifecycleRunner runner = new LifecycleRunner();
    private final ReconcileService reconcile = new ReconcileService();
    private final RouterStateListener listener = new RouterStateListener();
    private final CountDownLatch rescalesRunning = new CountDownLatch(LifecycleRunner.Pool.RESCALE.threads());
    private final CountDownLatch releaseRescales = new CountDownLatch(1);
    private final CountDownLatch tuned = new CountDownLatch(1);

    @Before
    public void wire() {
        reconcile.bindings = bindings;
        reconcile.bindingStore = bindingStore;
        reconcile.routerObserver = routerObserver;
        reconcile.scaleService = scaleService;
        reconcile.asyncJobDao = asyncJobDao;
        reconcile.settings = settings;
        reconcile.runner = runner;
        reconcile.events = events;
        reconcile.scopeLock = new FakeScopeLock();
        reconcile.presizeService = presizeService;
        reconcile.serviceOfferingDao = serviceOfferingDao;
        listener.routerDao = routerDao;
        listener.vmDetailsDao = vmDetailsDao;
        listener.bindings = bindings;
        listener.bindingStore = bindingStore;
        listener.tuningPort = tuningPort;
        listener.reconcileService = reconcile;
        listener.runner = runner;
        listener.events = events;
        listener.settings = settings;
        listener.serviceOfferingDao = serviceOfferingDao;

        ProfileBindings.Bound bound = new ProfileBindings.Bound(offering(PROFILE, "big", 2, 1000, 2048),
                new SizingModel(SizingAssumptions.defaults()).derive(new RouterSize(2, 1000, 2048)));
        lenient().when(settings.automaticEnabled(ZONE_ID)).thenReturn(true);
        lenient().when(bindings.bound(any())).thenReturn(bound);
        List<DomainRouterVO> offSize = List.of(
                router(31L, "r-31-VM", State.Running, DEFAULT, VirtualRouter.RedundantState.PRIMARY));
        lenient().when(routerObserver.routers(any())).thenReturn(offSize);
        // Each rescale holds its thread until the test lets it go, as a rolling restart holds it for minutes.
        lenient().when(scaleService.rescale(any(), anyLong())).thenAnswer(inv -> {
            rescalesRunning.countDown();
            assertTrue(releaseRescales.await(GIVE_UP_SECONDS, TimeUnit.SECONDS));
            return null;
        });
        runner.start();
    }

    @After
    public void stop() {
        releaseRescales.countDown();
        runner.stop();
    }

    @Test
    public void aTuningPushSubmittedAfterRescalesRunsWhileTheyStillHoldEveryRescaleThread() throws Exception {
        for (int i = 0; i < LifecycleRunner.Pool.RESCALE.threads(); i++) {
            reconcile.request(new BindingScope(BindingScope.Type.NETWORK, 100L + i, "net-uuid-" + i, "web" + i,
                    ZONE_ID), "test");
        }
        assertTrue("rescales started", rescalesRunning.await(GIVE_UP_SECONDS, TimeUnit.SECONDS));

        DomainRouterVO atProfile = router(41L, "r-41-VM", State.Running, PROFILE, null);
        when(atProfile.getDataCenterId()).thenReturn(ZONE_ID);
        when(atProfile.getType()).thenReturn(VirtualMachine.Type.DomainRouter);
        when(routerDao.findById(41L)).thenReturn(atProfile);
        BindingScope other = new BindingScope(BindingScope.Type.NETWORK, 300L, "other-uuid", "other", ZONE_ID);
        when(bindings.scopeOfRouter(atProfile)).thenReturn(other);
        when(tuningPort.apply(anyLong(), any())).thenAnswer(inv -> {
            tuned.countDown();
            return TuningOutcome.notDelivered("test");
        });
        listener.postStateTransitionEvent(new StateMachine2.Transition<>(State.Starting, Event.OperationSucceeded,
                State.Running, null), atProfile, true, null);

        assertTrue("tuning ran while every rescale thread was busy", tuned.await(GIVE_UP_SECONDS, TimeUnit.SECONDS));
        assertEquals("the rescales were still running", 1, releaseRescales.getCount());
    }
}
