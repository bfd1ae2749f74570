package org.apache.cloudstack.vrscaling.scale;

import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.cloudstack.framework.jobs.AsyncJob;
import org.apache.cloudstack.framework.jobs.dao.AsyncJobDao;
import org.apache.cloudstack.framework.jobs.impl.AsyncJobVO;
import org.apache.cloudstack.jobs.JobInfo;
import org.apache.cloudstack.vrscaling.SystemCallContext;
import org.apache.cloudstack.vrscaling.VrScalingEventTypes;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.core.profile.RouterProfile;
import org.apache.cloudstack.vrscaling.core.profile.TuningOverrides;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.tuning.TuningPort;
import org.apache.cloudstack.vrscaling.lifecycle.LifecycleEvents;
import org.apache.cloudstack.vrscaling.lifecycle.LifecycleWiring;
import org.apache.cloudstack.vrscaling.presize.DerivedNetworkOfferings;
import org.apache.cloudstack.vrscaling.presize.DerivedVpcOfferings;
import org.apache.cloudstack.vrscaling.presize.PresizeService;
import org.apache.cloudstack.vrscaling.presize.PresizeWiring;
import org.apache.cloudstack.vrscaling.profile.ProfileService;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.exception.ConcurrentOperationException;
import com.cloud.network.Network;
import com.cloud.network.VpcVirtualNetworkApplianceService;
import com.cloud.network.dao.NetworkDao;
import com.cloud.network.dao.NetworkVO;
import com.cloud.network.router.VirtualRouter;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.offerings.NetworkOfferingVO;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.utils.fsm.StateMachine2;
import com.cloud.utils.db.SearchCriteria;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VirtualMachine.Event;
import com.cloud.vm.VirtualMachine.State;
import com.cloud.vm.VirtualMachineManager;
import com.cloud.vm.dao.DomainRouterDao;
import com.cloud.vm.dao.NicDao;
import com.cloud.vm.dao.VMInstanceDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

/**
 * restartNetwork cleanup=true on a bound redundant network, as VR Scale sees it: CloudStack replaces both routers
 * by new VMs at its default offering (state-machine transitions while its job runs), then publishes job.state.
 * The real listener, subscriber, reconcile, ScaleService, PlanExecutor and planner run over faked CloudStack.
 * With pre-sizing on, the real pre-sizing service and offering switcher join them (only the derived-offering
 * factory, tested on its own, is a mock): the restart's new routers are born at the profile's size.
 */
@RunWith(MockitoJUnitRunner.class)
public class RestartWithCleanupFlowTest {
    private static final long NETWORK_ID = 100L;
    private static final long DEFAULT = 1L;
    private static final long PROFILE = 5L;
    private static final long SOURCE_OFFERING = 10L;
    private static final long DERIVED_OFFERING = 20L;
    private static final String PROFILE_UUID = "offering-uuid-5";
    private static final long RESTART_JOB = 9L;
    private static final String RESTART_CMD = "org.apache.cloudstack.api.command.user.network.RestartNetworkCmd";

    /** The real CallContext needs it to register the system user the background work runs as. */
    @Rule
    public final SystemCallContext systemCallContext = new SystemCallContext();

    @Mock
    ProfileService profileService;
    @Mock
    BindingStore bindingStore;
    @Mock
    NetworkDao networkDao;
    @Mock
    VpcDao vpcDao;
    @Mock
    DomainRouterDao routerDao;
    @Mock
    VirtualMachineManager vmManager;
    @Mock
    VpcVirtualNetworkApplianceService routerService;
    @Mock
    VrScalingSettings settings;
    @Mock
    ServiceOfferingDao serviceOfferingDao;
    @Mock
    VMInstanceDetailsDao vmDetailsDao;
    @Mock
    TuningPort tuningPort;
    @Mock
    AsyncJobDao asyncJobDao;
    @Mock
    LifecycleEvents events;
    @Mock
    DerivedNetworkOfferings networkOfferings;
    @Mock
    DerivedVpcOfferings vpcOfferings;
    @Mock
    NicDao nicDao;
    @Mock
    VMInstanceDao vmInstanceDao;

    private final Map<Long, String> queueDetails = new HashMap<>();
    private final AtomicBoolean planRunning = new AtomicBoolean();
    private final List<Long> capacityFailsAtProfileSize = new ArrayList<>();
    private FakeRouters cloud;
    private LifecycleWiring hook;
    private int profileQueues;
    private RealScaleServices services;
    private final AtomicLong networkOffering = new AtomicLong(SOURCE_OFFERING);
    private final AtomicReference<BindingStore.PresizeRecord> record = new AtomicReference<>();

    @Before
    public void wire() throws Exception {
        cloud = new FakeRouters(routerDao, routerService);
        ServiceOfferingVO old = offering(DEFAULT, "System Offering For Software Router", 1, 500, 256);
        ServiceOfferingVO profile = offering(PROFILE, "big", 2, 1000, 2048);
        lenient().when(serviceOfferingDao.findByIdIncludingRemoved(DEFAULT)).thenReturn(old);
        lenient().when(serviceOfferingDao.findByIdIncludingRemoved(PROFILE)).thenReturn(profile);
        lenient().when(serviceOfferingDao.findById(PROFILE)).thenReturn(profile);
        lenient().when(serviceOfferingDao.findByUuid(PROFILE_UUID)).thenReturn(profile);
        lenient().when(profileService.findProfileOffering(PROFILE)).thenReturn(profile);
        lenient().when(profileService.isProfile(PROFILE)).thenReturn(true);
        RouterProfile big = new RouterProfile("big", new RouterSize(2, 1000, 2048), TuningOverrides.none());
        lenient().when(profileService.toProfile(profile)).thenReturn(big);
        lenient().when(profileService.findOfferingIncludingRemoved(DEFAULT)).thenReturn(old);
        SizingModel model = new SizingModel(SizingAssumptions.defaults());
        profileQueues = (int) model.derive(big.getSize()).value(TuningKey.NIC_QUEUES);
        lenient().when(settings.sizingModel(any())).thenReturn(model);
        lenient().when(settings.roleWaitSeconds()).thenReturn(60);
        lenient().when(settings.automaticEnabled(anyLong())).thenReturn(true);
        RealScaleServices.tuningAlwaysWorks(tuningPort);

        // The network is bound; the plan's progress keys say whether a plan runs, as in the database.
        lenient().when(bindingStore.boundProfile(any())).thenReturn(PROFILE_UUID);
        lenient().doAnswer(inv -> {
            planRunning.set(true);
            return null;
        }).when(bindingStore).planStarted(any(), anyString(), anyLong(), anyLong());
        lenient().doAnswer(inv -> {
            planRunning.set(false);
            return null;
        }).when(bindingStore).planFinished(any(), anyLong(), anyBoolean(), anyString());
        lenient().when(bindingStore.planRunning(any())).thenAnswer(inv -> planRunning.get());

        RealScaleServices.keepQueueDetailsIn(queueDetails, vmDetailsDao);
        RealScaleServices.isolatedNetwork(networkDao, NETWORK_ID);
        lenient().when(routerDao.getRouterNetworks(anyLong())).thenReturn(List.of(NETWORK_ID));
        services = new RealScaleServices(profileService, bindingStore, networkDao, vpcDao, routerDao,
                vmManager, routerService, settings, serviceOfferingDao, vmDetailsDao, tuningPort);
        RouterObserver observer = services.observer;
        ScaleService scale = services.scale;

        hook = new LifecycleWiring(bindingStore, profileService, serviceOfferingDao, networkDao, vpcDao, routerDao,
                vmDetailsDao, settings, tuningPort, observer, scale, asyncJobDao, events);

        // A start through CloudStack's router service runs the VM state machine, so the listener sees it too.
        doAnswer(inv -> {
            long id = inv.getArgument(0, Long.class);
            cloud.calls.add("start " + cloud.names.get(id));
            transition(id, State.Stopped, Event.StartRequested, State.Starting);
            if (cloud.offerings.get(id) == PROFILE && capacityFailsAtProfileSize.contains(id)) {
                cloud.states.put(id, State.Stopped);
                throw new ConcurrentOperationException("no capacity for 2 vCPUs on any host");
            }
            cloud.states.put(id, State.Running);
            transition(id, State.Starting, Event.OperationSucceeded, State.Running);
            return cloud.rows.get(id);
        }).when(routerService).startRouter(anyLong(), anyBoolean());
    }

    @Test
    public void bothNewRedundantRoutersEndAtTheProfileSizeWithOneFailoverAfterTheRestartJob() {
        restartWithCleanupCreatesNewRoutersAtTheDefaultOffering();

        // While CloudStack's job runs nothing is touched: the hook waits for it.
        assertTrue("touched during CloudStack's restart: " + cloud.calls, cloud.calls.isEmpty());
        assertTrue("queues follow the size, set by the rescale", queueDetails.isEmpty());

        restartJobCompletes();
        hook.runner.releaseDelayed();

        assertEquals(List.of("stop r-32-VM", "update r-32-VM offering 5", "start r-32-VM",
                "stop r-31-VM", "update r-31-VM offering 5", "start r-31-VM"), cloud.calls);
        assertEquals("one failover: the PRIMARY stopped once, after its BACKUP came back", 1,
                cloud.calls.stream().filter("stop r-31-VM"::equals).count());
        assertEquals(Long.valueOf(PROFILE), cloud.offerings.get(31L));
        assertEquals(Long.valueOf(PROFILE), cloud.offerings.get(32L));
        assertEquals(State.Running, cloud.states.get(31L));
        assertEquals(State.Running, cloud.states.get(32L));
        assertEquals(String.valueOf(profileQueues), queueDetails.get(31L));
        assertEquals(String.valueOf(profileQueues), queueDetails.get(32L));
        // The plan pushed the tuning; the listener saw those starts and left them to the plan.
        verify(tuningPort, times(2)).apply(anyLong(), any());
        verify(events).info(eq(VrScalingEventTypes.RECONCILE),
                contains("router r-31-VM (router-uuid-31), router r-32-VM (router-uuid-32)"), any(), anyLong());

        // A late or repeated job.state finds nothing to do.
        cloud.calls.clear();
        hook.subscriber.onPublishMessage("ms-2", AsyncJob.Topics.JOB_STATE, RESTART_JOB);
        hook.runner.releaseDelayed();
        assertTrue(cloud.calls.isEmpty());
    }

    @Test
    public void onAManagementServerThatDidNotRunTheRestartTheJobMessageAloneRescales() {
        // The transitions happened on another management server: this one only gets job.state.
        cloud.add(31L, "r-31-VM", State.Running, DEFAULT, VirtualRouter.RedundantState.PRIMARY);
        cloud.add(32L, "r-32-VM", State.Running, DEFAULT, VirtualRouter.RedundantState.BACKUP);
        routersOfTheNetwork(31L, 32L);

        restartJobCompletes();

        assertEquals(List.of("stop r-32-VM", "update r-32-VM offering 5", "start r-32-VM",
                "stop r-31-VM", "update r-31-VM offering 5", "start r-31-VM"), cloud.calls);
        assertTrue(hook.runner.delayed.isEmpty());
    }

    @Test
    public void aFailedDeferredRescaleLeavesTheRoutersRunningAtTheOldSizeWithAnEventSayingWhy() {
        capacityFailsAtProfileSize.add(32L);
        restartWithCleanupCreatesNewRoutersAtTheDefaultOffering();

        restartJobCompletes();
        hook.runner.releaseDelayed();

        assertEquals(List.of("stop r-32-VM", "update r-32-VM offering 5", "start r-32-VM", "update r-32-VM offering 1",
                "start r-32-VM"), cloud.calls);
        assertEquals(Long.valueOf(DEFAULT), cloud.offerings.get(31L));
        assertEquals(Long.valueOf(DEFAULT), cloud.offerings.get(32L));
        assertEquals(State.Running, cloud.states.get(31L));
        assertEquals(State.Running, cloud.states.get(32L));
        verify(events).error(eq(VrScalingEventTypes.RECONCILE), contains("no capacity for 2 vCPUs"), any(),
                anyLong());
        verify(bindingStore).note(any(), contains("keep running at their current size"));
        verify(events, never()).info(any(), any(), any());
        verify(events, never()).info(any(), any(), any(), anyLong());
    }

    @Test
    public void withPresizingTheRestartsNewRoutersStartAtTheProfileAndNeedNoSecondReboot() {
        switchPresizingOn();
        // A redundant pair at the default size; the admin scales it to the profile.
        cloud.add(21L, "r-21-VM", State.Running, DEFAULT, VirtualRouter.RedundantState.PRIMARY);
        cloud.add(22L, "r-22-VM", State.Running, DEFAULT, VirtualRouter.RedundantState.BACKUP);
        routersOfTheNetwork(21L, 22L);
        ScaleReport report = services.scale.scale(NETWORK_ID, null, null, PROFILE, false);

        assertEquals("the rescale itself: one reboot each", 2,
                cloud.calls.stream().filter(c -> c.startsWith("stop ")).count());
        assertEquals("the network now names the profile for new routers", DERIVED_OFFERING, networkOffering.get());
        assertEquals(SOURCE_OFFERING, record.get().getSourceOfferingId());
        assertTrue(report.getWarnings().toString(),
                report.getWarnings().stream().anyMatch(w -> w.contains("now uses network offering VRScale-N10-P5")));

        // restartNetwork cleanup=true: CloudStack replaces both routers, sizing them from the network's offering.
        cloud.calls.clear();
        AsyncJobVO running = job(JobInfo.Status.IN_PROGRESS);
        when(asyncJobDao.findInstancePendingAsyncJob("Network", NETWORK_ID)).thenReturn(running);
        cloud.add(31L, "r-31-VM", State.Stopped, offeringCloudStackPicksForNewRouters(),
                VirtualRouter.RedundantState.PRIMARY);
        routersOfTheNetwork(31L);
        bootAsCloudStackDoes(31L);
        cloud.add(32L, "r-32-VM", State.Stopped, offeringCloudStackPicksForNewRouters(),
                VirtualRouter.RedundantState.BACKUP);
        routersOfTheNetwork(31L, 32L);
        bootAsCloudStackDoes(32L);
        restartJobCompletes();
        hook.runner.releaseDelayed();

        assertEquals(Long.valueOf(PROFILE), cloud.offerings.get(31L));
        assertEquals(Long.valueOf(PROFILE), cloud.offerings.get(32L));
        assertTrue("no second reboot: " + cloud.calls, cloud.calls.isEmpty());
        verify(events, never()).info(eq(VrScalingEventTypes.RECONCILE), anyString(), any());
        verify(events, never()).info(eq(VrScalingEventTypes.RECONCILE), anyString(), any(), anyLong());
        // The new routers got their tuning at Running, as after any start.
        verify(tuningPort, times(4)).apply(anyLong(), any());
    }

    @Test
    public void withPresizingAResetSwitchesTheNetworkBackSoNewRoutersStartAtTheDefaultAgain() {
        switchPresizingOn();
        cloud.add(21L, "r-21-VM", State.Running, DEFAULT, null);
        routersOfTheNetwork(21L);
        services.scale.scale(NETWORK_ID, null, null, PROFILE, false);
        assertEquals(DERIVED_OFFERING, networkOffering.get());

        when(bindingStore.unbind(any())).thenAnswer(inv -> {
            when(bindingStore.boundProfile(any())).thenReturn(null);
            return true;
        });
        hook.bindings.unbind(NETWORK_ID, null);
        services.scale.presizeService.sync(hook.bindings.networkScope(NETWORK_ID));

        assertEquals(SOURCE_OFFERING, networkOffering.get());
        verify(bindingStore).clearPresize(any());
        verify(networkOfferings).removeIfUnused(DERIVED_OFFERING);
        assertEquals(DEFAULT, offeringCloudStackPicksForNewRouters());
    }

    /** vrscaling.presize.enabled for the zone; the network's offering and the switch record kept as in the database. */
    private void switchPresizingOn() {
        lenient().when(settings.presizeEnabled(anyLong())).thenReturn(true);
        NetworkVO row = networkDao.findById(NETWORK_ID);
        lenient().when(row.getNetworkOfferingId()).thenAnswer(inv -> networkOffering.get());
        lenient().doAnswer(inv -> {
            networkOffering.set(inv.getArgument(0, Long.class));
            return null;
        }).when(row).setNetworkOfferingId(anyLong());
        lenient().when(bindingStore.presizeRecord(any())).thenAnswer(inv -> record.get());
        lenient().doAnswer(inv -> {
            record.set(inv.getArgument(1));
            return null;
        }).when(bindingStore).recordPresize(any(), any());
        NetworkOfferingVO source = networkOffering(null);
        NetworkOfferingVO derived = networkOffering(PROFILE);
        lenient().when(derived.getId()).thenReturn(DERIVED_OFFERING);
        lenient().when(derived.getName()).thenReturn("VRScale-N10-P5");
        lenient().when(networkOfferings.find(SOURCE_OFFERING)).thenReturn(source);
        lenient().when(networkOfferings.find(DERIVED_OFFERING)).thenReturn(derived);
        lenient().when(networkOfferings.findOrCreate(eq(SOURCE_OFFERING), any())).thenReturn(derived);
        PresizeService presize = PresizeWiring.presizeService(bindingStore, hook.bindings, networkOfferings,
                vpcOfferings, PresizeWiring.switcher(networkDao, vpcDao, nicDao, vmInstanceDao), networkDao, vpcDao,
                settings, events);
        services.scale.presizeService = presize;
        hook.usePresize(presize);
    }

    private static NetworkOfferingVO networkOffering(Long routerOffering) {
        NetworkOfferingVO offering = mock(NetworkOfferingVO.class);
        lenient().when(offering.getServiceOfferingId()).thenReturn(routerOffering);
        return offering;
    }

    /** CloudStack's findServiceOfferingId(): the network offering's router offering, else the default. */
    private long offeringCloudStackPicksForNewRouters() {
        Long fromOffering = networkOffering.get() == DERIVED_OFFERING ? Long.valueOf(PROFILE) : null;
        return fromOffering == null ? DEFAULT : fromOffering;
    }

    /** CloudStack's rolling restart: new routers, each Stopped -> Starting -> Running, while its job runs. */
    private void restartWithCleanupCreatesNewRoutersAtTheDefaultOffering() {
        AsyncJobVO running = job(JobInfo.Status.IN_PROGRESS);
        when(asyncJobDao.findInstancePendingAsyncJob("Network", NETWORK_ID)).thenReturn(running);
        cloud.add(31L, "r-31-VM", State.Stopped, DEFAULT, VirtualRouter.RedundantState.PRIMARY);
        routersOfTheNetwork(31L);
        bootAsCloudStackDoes(31L);
        cloud.add(32L, "r-32-VM", State.Stopped, DEFAULT, VirtualRouter.RedundantState.BACKUP);
        routersOfTheNetwork(31L, 32L);
        bootAsCloudStackDoes(32L);
    }

    private void bootAsCloudStackDoes(long id) {
        transition(id, State.Stopped, Event.StartRequested, State.Starting);
        cloud.states.put(id, State.Starting);
        transition(id, State.Starting, Event.OperationRetry, State.Starting);
        cloud.states.put(id, State.Running);
        transition(id, State.Starting, Event.OperationSucceeded, State.Running);
        transition(id, State.Running, Event.FollowAgentPowerOnReport, State.Running);
    }

    private void restartJobCompletes() {
        when(asyncJobDao.findInstancePendingAsyncJob("Network", NETWORK_ID)).thenReturn(null);
        AsyncJobVO done = job(JobInfo.Status.SUCCEEDED);
        // job.state: some network here is bound, and the finished jobs are read in one query.
        lenient().when(bindingStore.anyBoundKnown()).thenReturn(new BindingStore.AnyBound(true, System.nanoTime()));
        @SuppressWarnings("unchecked")
        SearchCriteria<AsyncJobVO> criteria = mock(SearchCriteria.class);
        when(asyncJobDao.createSearchCriteria()).thenReturn(criteria);
        when(asyncJobDao.searchIncludingRemoved(criteria, null, null, false)).thenReturn(List.of(done));
        hook.subscriber.onPublishMessage("ms-1", AsyncJob.Topics.JOB_STATE, RESTART_JOB);
    }

    private void routersOfTheNetwork(Long... ids) {
        List<DomainRouterVO> rows = new ArrayList<>();
        for (Long id : ids) {
            rows.add(cloud.rows.get(id));
        }
        when(routerDao.listByNetworkAndRole(NETWORK_ID, VirtualRouter.Role.VIRTUAL_ROUTER)).thenReturn(rows);
    }

    private void transition(long id, State from, Event event, State to) {
        VirtualMachine vm = mock(VirtualMachine.class);
        when(vm.getType()).thenReturn(VirtualMachine.Type.DomainRouter);
        lenient().when(vm.getId()).thenReturn(id);
        lenient().when(vm.getInstanceName()).thenReturn(cloud.names.get(id));
        assertTrue(hook.listener.postStateTransitionEvent(new StateMachine2.Transition<>(from, event, to, null), vm,
                true, null));
    }

    private AsyncJobVO job(JobInfo.Status status) {
        AsyncJobVO job = mock(AsyncJobVO.class);
        lenient().when(job.getId()).thenReturn(RESTART_JOB);
        lenient().when(job.getCmd()).thenReturn(RESTART_CMD);
        lenient().when(job.getStatus()).thenReturn(status);
        lenient().when(job.getInstanceType()).thenReturn("Network");
        lenient().when(job.getInstanceId()).thenReturn(NETWORK_ID);
        return job;
    }
}
