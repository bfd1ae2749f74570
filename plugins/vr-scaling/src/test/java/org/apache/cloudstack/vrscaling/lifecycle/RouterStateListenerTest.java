package org.apache.cloudstack.vrscaling.lifecycle;

import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;

import org.apache.cloudstack.vrscaling.SystemCallContext;
import org.apache.cloudstack.vrscaling.VrScalingEventTypes;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.tuning.TuningOutcome;
import org.apache.cloudstack.vrscaling.core.tuning.TuningPort;
import org.apache.cloudstack.vrscaling.tuning.AgentTuningPort;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.hypervisor.Hypervisor.HypervisorType;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.utils.fsm.StateMachine2;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VMInstanceDetailVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VirtualMachine.Event;
import com.cloud.vm.VirtualMachine.State;
import com.cloud.vm.VmDetailConstants;
import com.cloud.vm.dao.DomainRouterDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

@RunWith(MockitoJUnitRunner.class)
public class RouterStateListenerTest {
    private static final long ROUTER_ID = 31L;
    private static final long ZONE_ID = 1L;
    private static final long DEFAULT_OFFERING = 1L;
    private static final long PROFILE_OFFERING = 5L;

    /** The real CallContext needs it to register the system user the background work runs as. */
    @Rule
    public final SystemCallContext systemCallContext = new SystemCallContext();

    @Mock
    DomainRouterDao routerDao;
    @Mock
    VMInstanceDetailsDao vmDetailsDao;
    @Mock
    ProfileBindings bindings;
    @Mock
    BindingStore bindingStore;
    @Mock
    TuningPort tuningPort;
    @Mock
    ReconcileService reconcileService;
    @Mock
    LifecycleEvents events;
    @Mock
    VrScalingSettings settings;
    @Mock
    ServiceOfferingDao serviceOfferingDao;

    private final ManualRunner runner = new ManualRunner();
    private final RouterStateListener listener = new RouterStateListener();
    private final BindingScope scope = new BindingScope(BindingScope.Type.NETWORK, 100L, "net-uuid", "web", ZONE_ID);
    private final KernelTuning tuning = new SizingModel(SizingAssumptions.defaults())
            .derive(new RouterSize(2, 1000, 2048));
    private ProfileBindings.Bound bound;
    private DomainRouterVO router;
    private VirtualMachine vo;

    @Before
    public void wire() {
        listener.routerDao = routerDao;
        listener.vmDetailsDao = vmDetailsDao;
        listener.bindings = bindings;
        listener.bindingStore = bindingStore;
        listener.tuningPort = tuningPort;
        listener.reconcileService = reconcileService;
        listener.runner = runner;
        listener.events = events;
        listener.settings = settings;
        listener.serviceOfferingDao = serviceOfferingDao;
        ServiceOfferingVO small = offering(DEFAULT_OFFERING, "small", 1, 500, 256);
        lenient().when(serviceOfferingDao.findByIdIncludingRemoved(DEFAULT_OFFERING)).thenReturn(small);

        ServiceOfferingVO profile = offering(PROFILE_OFFERING, "big", 2, 1000, 2048);
        bound = new ProfileBindings.Bound(profile, tuning);
        router = routerAt(PROFILE_OFFERING, State.Running);
        vo = routerVm();
        lenient().when(routerDao.findById(ROUTER_ID)).thenReturn(router);
        lenient().when(settings.automaticEnabled(ZONE_ID)).thenReturn(true);
        lenient().when(bindings.scopeOfRouter(router)).thenReturn(scope);
        lenient().when(bindings.bound(scope)).thenReturn(bound);
        lenient().when(tuningPort.apply(anyLong(), any()))
                .thenReturn(new TuningOutcome(true, true, true, "applied", List.of(), "1"));
        lenient().when(tuningPort.verify(anyLong(), any()))
                .thenReturn(new TuningOutcome(true, true, false, "all values match", List.of(), "1"));
    }

    // ---- Stopped --StartRequested--> Starting ----

    @Test
    public void startOfABoundRouterAtProfileSizeWritesTheProfilesQueueCountBeforeTheStartCommand() {
        fire(State.Stopped, Event.StartRequested, State.Starting);

        verify(vmDetailsDao).addDetail(ROUTER_ID, VmDetailConstants.NIC_MULTIQUEUE_NUMBER,
                String.valueOf(bound.nicQueues()), true);
        assertTrue("written on the transition thread, nothing queued", runner.ran.isEmpty());
    }

    @Test
    public void startWithTheRightQueueCountAlreadyInPlaceWritesNothing() {
        VMInstanceDetailVO detail = mock(VMInstanceDetailVO.class);
        when(detail.getValue()).thenReturn(String.valueOf(bound.nicQueues()));
        when(vmDetailsDao.findDetail(ROUTER_ID, VmDetailConstants.NIC_MULTIQUEUE_NUMBER)).thenReturn(detail);

        fire(State.Stopped, Event.StartRequested, State.Starting);

        verify(vmDetailsDao, never()).addDetail(anyLong(), anyString(), anyString(), anyBoolean());
    }

    @Test
    public void startOfARouterBornAtAnotherSizeLeavesItsQueuesToTheRescale() {
        router = routerAt(DEFAULT_OFFERING, State.Starting);
        when(routerDao.findById(ROUTER_ID)).thenReturn(router);
        when(bindings.scopeOfRouter(router)).thenReturn(scope);

        fire(State.Stopped, Event.StartRequested, State.Starting);

        verify(vmDetailsDao, never()).addDetail(anyLong(), anyString(), anyString(), anyBoolean());
    }

    @Test
    public void startOfARouterVrScaleTunedBeforeItsNetworkWasUnboundGivesTheQueueCountBack() {
        when(bindings.bound(scope)).thenReturn(null);
        when(vmDetailsDao.findDetail(ROUTER_ID, AgentTuningPort.DIGEST_DETAIL))
                .thenReturn(mock(VMInstanceDetailVO.class));

        fire(State.Stopped, Event.StartRequested, State.Starting);

        verify(vmDetailsDao).removeDetail(ROUTER_ID, VmDetailConstants.NIC_MULTIQUEUE_NUMBER);
        verify(vmDetailsDao, never()).addDetail(anyLong(), anyString(), anyString(), anyBoolean());
    }

    @Test
    public void startOfARouterWhoseTuningNeverSucceededStillGivesTheQueueCountBackAfterUnbind() {
        // Marked when VR Scale first set its queues or pushed; no digest because no push fully succeeded.
        when(bindings.bound(scope)).thenReturn(null);
        when(vmDetailsDao.findDetail(ROUTER_ID, "vrscaling.managed")).thenReturn(mock(VMInstanceDetailVO.class));

        fire(State.Stopped, Event.StartRequested, State.Starting);

        verify(vmDetailsDao).removeDetail(ROUTER_ID, VmDetailConstants.NIC_MULTIQUEUE_NUMBER);
        verify(vmDetailsDao, never()).removeDetail(ROUTER_ID, "vrscaling.managed");
    }

    @Test
    public void aBoundRouterOffKvmGetsNoQueueCount() {
        // nic.multiqueue.number is read only by KVM; the plan leaves queues alone elsewhere, so does the hook.
        for (HypervisorType hypervisor : List.of(HypervisorType.XenServer, HypervisorType.VMware,
                HypervisorType.Simulator)) {
            when(router.getHypervisorType()).thenReturn(hypervisor);
            fire(State.Stopped, Event.StartRequested, State.Starting);
        }
        verify(vmDetailsDao, never()).addDetail(anyLong(), anyString(), anyString(), anyBoolean());
    }

    @Test
    public void aFirstPlanThatHasNotBoundYetKeepsTheQueueCountItJustSet() {
        // Seen on the real simulator server: the first scale of an unbound network marks the router, sets its
        // queues and starts it; the scope is bound only when the plan has succeeded.
        when(bindings.bound(scope)).thenReturn(null);
        when(vmDetailsDao.findDetail(ROUTER_ID, "vrscaling.managed")).thenReturn(mock(VMInstanceDetailVO.class));
        when(bindingStore.planRunning(scope)).thenReturn(true);

        fire(State.Stopped, Event.StartRequested, State.Starting);
        fire(State.Starting, Event.OperationSucceeded, State.Running);

        verify(vmDetailsDao, never()).removeDetail(anyLong(), anyString());
        verify(tuningPort, never()).remove(anyLong());
    }

    @Test
    public void aBoundRouterIsMarkedManagedBeforeItsQueueCountIsWritten() {
        fire(State.Stopped, Event.StartRequested, State.Starting);

        InOrder order = inOrder(vmDetailsDao);
        order.verify(vmDetailsDao).addDetail(ROUTER_ID, "vrscaling.managed", "true", false);
        order.verify(vmDetailsDao).addDetail(ROUTER_ID, VmDetailConstants.NIC_MULTIQUEUE_NUMBER,
                String.valueOf(bound.nicQueues()), true);
    }

    @Test
    public void startOfARouterOfAnUnboundNetworkVrScaleNeverTunedTouchesNoDetail() {
        when(bindings.bound(scope)).thenReturn(null);

        fire(State.Stopped, Event.StartRequested, State.Starting);

        verify(vmDetailsDao, never()).removeDetail(anyLong(), anyString());
        verify(vmDetailsDao, never()).addDetail(anyLong(), anyString(), anyString(), anyBoolean());
    }

    // ---- -> Running ----

    @Test
    public void runningRouterAtProfileSizeGetsTheTuningAppliedThenVerifiedOffTheTransitionThread() {
        fire(State.Starting, Event.OperationSucceeded, State.Running);

        assertEquals(List.of("tuning of router r-31-VM"), runner.ran);
        InOrder order = inOrder(tuningPort);
        order.verify(tuningPort).apply(ROUTER_ID, tuning);
        order.verify(tuningPort).verify(ROUTER_ID, tuning);
        verifyNoInteractions(reconcileService, events);
    }

    @Test
    public void haOrOutOfBandPowerOnIsTreatedAsAStart() {
        fire(State.Stopped, Event.FollowAgentPowerOnReport, State.Running);

        verify(tuningPort).apply(ROUTER_ID, tuning);
    }

    @Test
    public void runningRouterBornAtAnotherSizeAsksForARescaleOfItsNetworkInsteadOfTuning() {
        router = routerAt(DEFAULT_OFFERING, State.Running);
        when(routerDao.findById(ROUTER_ID)).thenReturn(router);
        when(bindings.scopeOfRouter(router)).thenReturn(scope);

        fire(State.Starting, Event.OperationSucceeded, State.Running);

        // The reason ends up in the rescale's events: names and uuids, not ids.
        verify(reconcileService).request(eq(scope),
                eq("router r-31-VM (router-uuid-31) came up at offering small (offering-uuid-1)"));
        verify(tuningPort, never()).apply(anyLong(), any());
    }

    @Test
    public void runningDuringAVrScalePlanIsLeftToThePlanWhichPushesItsOwnTuning() {
        when(bindingStore.planRunning(scope)).thenReturn(true);

        fire(State.Starting, Event.OperationSucceeded, State.Running);

        verifyNoInteractions(tuningPort, reconcileService);
    }

    @Test
    public void runningRouterOfAnUnboundNetworkVrScaleTunedGetsItsTuningFileRemoved() {
        when(bindings.bound(scope)).thenReturn(null);
        when(vmDetailsDao.findDetail(ROUTER_ID, AgentTuningPort.DIGEST_DETAIL))
                .thenReturn(mock(VMInstanceDetailVO.class));
        when(tuningPort.remove(ROUTER_ID)).thenReturn(new TuningOutcome(true, true, true, "removed", List.of(), "1"));

        fire(State.Starting, Event.OperationSucceeded, State.Running);

        verify(tuningPort).remove(ROUTER_ID);
        verify(tuningPort, never()).apply(anyLong(), any());
    }

    @Test
    public void runningRouterWhosePushFailedBeforeTheUnbindGetsItsTuningFileRemovedToo() {
        when(bindings.bound(scope)).thenReturn(null);
        when(vmDetailsDao.findDetail(ROUTER_ID, "vrscaling.managed")).thenReturn(mock(VMInstanceDetailVO.class));
        when(tuningPort.remove(ROUTER_ID)).thenReturn(new TuningOutcome(true, true, false, "removed", List.of(), "1"));

        fire(State.Starting, Event.OperationSucceeded, State.Running);

        verify(tuningPort).remove(ROUTER_ID);
        verify(tuningPort, never()).apply(anyLong(), any());
    }

    @Test
    public void runningRouterOfAnUnboundNetworkVrScaleNeverTunedIsLeftAlone() {
        when(bindings.bound(scope)).thenReturn(null);

        fire(State.Starting, Event.OperationSucceeded, State.Running);

        verifyNoInteractions(tuningPort, reconcileService);
    }

    @Test
    public void tuningTheRouterRejectedIsRecordedAsAnEvent() {
        when(tuningPort.apply(anyLong(), any()))
                .thenReturn(new TuningOutcome(true, false, false, "nf_conntrack_max: failed", List.of(), "1"));

        fire(State.Starting, Event.OperationSucceeded, State.Running);

        verify(events).warn(eq(VrScalingEventTypes.TUNING), contains("nf_conntrack_max: failed"), eq(scope));
        verify(events).warn(any(), contains("router r-31-VM (router-uuid-31) of network web (net-uuid) to profile "
                + "big (offering-uuid-5)"), any());
        verify(tuningPort, never()).verify(anyLong(), any());
    }

    @Test
    public void valuesNotInForceAfterApplyAreRecordedAsAnEvent() {
        when(tuningPort.verify(anyLong(), any()))
                .thenReturn(new TuningOutcome(true, false, false, "tcp_fin_timeout drift", List.of(), "1"));

        fire(State.Starting, Event.OperationSucceeded, State.Running);

        verify(events).warn(eq(VrScalingEventTypes.TUNING), contains("tcp_fin_timeout drift"), eq(scope));
        verify(events).warn(any(), contains("router r-31-VM (router-uuid-31) of network web (net-uuid) was tuned to "
                + "profile big (offering-uuid-5)"), any());
    }

    @Test
    public void tuningNotDeliveredIsLoggedWithoutAnEventOnEveryBoot() {
        when(tuningPort.apply(anyLong(), any())).thenReturn(TuningOutcome.notDelivered("agent extension missing"));

        fire(State.Starting, Event.OperationSucceeded, State.Running);

        verifyNoInteractions(events);
        verify(tuningPort, never()).verify(anyLong(), any());
    }

    // ---- what is ignored ----

    @Test
    public void userVmsAndSystemVmsOtherThanRoutersAreIgnored() {
        for (VirtualMachine.Type type : List.of(VirtualMachine.Type.User, VirtualMachine.Type.ConsoleProxy,
                VirtualMachine.Type.SecondaryStorageVm)) {
            VirtualMachine other = mock(VirtualMachine.class);
            when(other.getType()).thenReturn(type);
            assertTrue(listener.postStateTransitionEvent(transition(State.Stopped, Event.StartRequested,
                    State.Starting), other, true, null));
            assertTrue(listener.postStateTransitionEvent(transition(State.Starting, Event.OperationSucceeded,
                    State.Running), other, true, null));
        }
        verifyNoInteractions(routerDao, vmDetailsDao, tuningPort, reconcileService);
        assertTrue(runner.ran.isEmpty());
    }

    @Test
    public void powerReportsOfARunningRouterAreNoise() {
        fire(State.Running, Event.FollowAgentPowerOnReport, State.Running);
        fire(State.Running, Event.StopRequested, State.Stopping);
        fire(State.Stopping, Event.OperationSucceeded, State.Stopped);
        fire(State.Starting, Event.OperationRetry, State.Starting);

        verifyNoInteractions(routerDao, vmDetailsDao, tuningPort, reconcileService);
        assertTrue(runner.ran.isEmpty());
    }

    @Test
    public void transitionsThatDidNotHappenAreIgnored() {
        assertTrue(listener.postStateTransitionEvent(transition(State.Stopped, Event.StartRequested, State.Starting),
                vo, false, null));
        assertTrue(listener.postStateTransitionEvent(transition(State.Starting, Event.OperationSucceeded,
                State.Running), vo, false, null));

        verifyNoInteractions(routerDao, vmDetailsDao, tuningPort);
    }

    @Test
    public void theAutomaticPathSwitchedOffForTheZoneTouchesNothing() {
        when(settings.automaticEnabled(ZONE_ID)).thenReturn(false);

        fire(State.Stopped, Event.StartRequested, State.Starting);
        fire(State.Starting, Event.OperationSucceeded, State.Running);

        verifyNoInteractions(bindings, vmDetailsDao, tuningPort, reconcileService);
    }

    @Test
    public void aFailureOnTheTransitionThreadNeverReachesTheStateMachine() {
        when(routerDao.findById(ROUTER_ID)).thenThrow(new IllegalStateException("database away"));

        assertTrue(fire(State.Stopped, Event.StartRequested, State.Starting));
        assertTrue(listener.postStateTransitionEvent(transition(State.Stopped, Event.StartRequested, State.Starting),
                null, true, null));
    }

    @Test
    public void aFailureInTheBackgroundTuningIsContained() {
        when(tuningPort.apply(anyLong(), any())).thenThrow(new IllegalStateException("agent exploded"));

        assertTrue(fire(State.Starting, Event.OperationSucceeded, State.Running));
        assertEquals(1, runner.ran.size());
    }

    @Test
    public void theListenerNeverVetoesATransition() {
        assertTrue(listener.preStateTransitionEvent(State.Stopped, Event.StartRequested, State.Starting, vo, true,
                null));
        verifyNoInteractions(routerDao);
    }

    private boolean fire(State from, Event event, State to) {
        return listener.postStateTransitionEvent(transition(from, event, to), vo, true, null);
    }

    private static StateMachine2.Transition<State, Event> transition(State from, Event event, State to) {
        return new StateMachine2.Transition<>(from, event, to, null);
    }

    private VirtualMachine routerVm() {
        VirtualMachine vm = mock(VirtualMachine.class);
        lenient().when(vm.getType()).thenReturn(VirtualMachine.Type.DomainRouter);
        lenient().when(vm.getId()).thenReturn(ROUTER_ID);
        lenient().when(vm.getInstanceName()).thenReturn("r-31-VM");
        return vm;
    }

    private static DomainRouterVO routerAt(long offeringId, State state) {
        DomainRouterVO r = mock(DomainRouterVO.class);
        lenient().when(r.getId()).thenReturn(ROUTER_ID);
        lenient().when(r.getInstanceName()).thenReturn("r-31-VM");
        lenient().when(r.getUuid()).thenReturn("router-uuid-31");
        lenient().when(r.getServiceOfferingId()).thenReturn(offeringId);
        lenient().when(r.getState()).thenReturn(state);
        lenient().when(r.getDataCenterId()).thenReturn(ZONE_ID);
        lenient().when(r.getHypervisorType()).thenReturn(HypervisorType.KVM);
        return r;
    }
}
