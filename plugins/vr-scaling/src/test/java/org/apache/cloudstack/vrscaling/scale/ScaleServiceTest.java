package org.apache.cloudstack.vrscaling.scale;

import static org.apache.cloudstack.vrscaling.TestSupport.assertApiError;
import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.apache.cloudstack.vrscaling.TestSupport.router;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.cloudstack.api.ApiErrorCode;
import org.apache.cloudstack.api.ServerApiException;
import org.apache.cloudstack.framework.jobs.dao.AsyncJobDao;
import org.apache.cloudstack.management.ManagementServerHost;
import org.apache.cloudstack.vrscaling.VrScalingErrors;
import org.apache.cloudstack.vrscaling.VrScalingEventTypes;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.core.plan.RouterStep;
import org.apache.cloudstack.vrscaling.core.plan.StepAction;
import org.apache.cloudstack.vrscaling.core.profile.RouterProfile;
import org.apache.cloudstack.vrscaling.core.profile.TuningOverrides;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.lifecycle.FakeScopeLock;
import org.apache.cloudstack.vrscaling.lifecycle.LifecycleEvents;
import org.apache.cloudstack.vrscaling.presize.PresizeService;
import org.apache.cloudstack.vrscaling.profile.ProfileService;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.InjectMocks;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.cluster.ManagementServerHostVO;
import com.cloud.cluster.dao.ManagementServerHostDao;
import com.cloud.exception.ConcurrentOperationException;
import com.cloud.network.Network;
import com.cloud.network.VpcVirtualNetworkApplianceService;
import com.cloud.network.dao.NetworkDao;
import com.cloud.network.dao.NetworkVO;
import com.cloud.network.router.VirtualRouter;
import com.cloud.network.vpc.Vpc;
import com.cloud.network.vpc.VpcVO;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VMInstanceDetailVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VirtualMachineManager;
import com.cloud.vm.VmDetailConstants;
import com.cloud.vm.dao.DomainRouterDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

@RunWith(MockitoJUnitRunner.class)
public class ScaleServiceTest {
    private static final long NETWORK_ID = 100L;
    private static final long VPC_ID = 200L;
    private static final long PROFILE_ID = 5L;
    private static final long OLD_OFFERING = 1L;

    @Mock
    ProfileService profileService;
    @Mock
    BindingStore bindingStore;
    @Mock
    PlanExecutor planExecutor;
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
    PresizeService presizeService;
    @Mock
    AsyncJobDao asyncJobDao;
    @Mock
    LifecycleEvents events;
    @Mock
    CapacityCheck capacityCheck;
    @Mock
    ManagementServerHostDao managementServerHostDao;
    @InjectMocks
    ScaleService service;

    private final FakeScopeLock scopeLock = new FakeScopeLock();

    private ServiceOfferingVO profileOffering;
    private NetworkVO network;

    @Before
    public void setUp() {
        RouterObserver observer = new RouterObserver();
        observer.routerDao = routerDao;
        observer.serviceOfferingDao = serviceOfferingDao;
        observer.vmDetailsDao = vmDetailsDao;
        service.routerObserver = observer;
        service.managementServer = "ms-1";
        service.managementServerId = 1L;
        service.scopeLock = scopeLock;

        profileOffering = offering(PROFILE_ID, "big", 2, 1000, 2048);
        ServiceOfferingVO old = offering(OLD_OFFERING, "System Offering For Software Router", 1, 500, 256);
        lenient().when(serviceOfferingDao.findByIdIncludingRemoved(OLD_OFFERING)).thenReturn(old);
        lenient().when(serviceOfferingDao.findByIdIncludingRemoved(PROFILE_ID)).thenReturn(profileOffering);
        lenient().when(profileService.findProfileOffering(PROFILE_ID)).thenReturn(profileOffering);
        lenient().when(profileService.findProfileOffering(404L))
                .thenThrow(VrScalingErrors.badInput("Unable to find virtual router profile with id 404"));
        lenient().when(profileService.toProfile(profileOffering)).thenReturn(new RouterProfile("big",
                new RouterSize(2, 1000, 2048), TuningOverrides.none()));
        lenient().when(profileService.findOfferingIncludingRemoved(OLD_OFFERING)).thenReturn(old);
        lenient().when(settings.sizingModel(any())).thenReturn(new SizingModel(SizingAssumptions.defaults()));

        network = network(NETWORK_ID, Network.State.Implemented, null);
    }

    @After
    public void nothingElseWasTouched() throws Exception {
        // No test may stop or start a router through the service directly: only the executor does.
        verify(routerService, never()).stopRouter(anyLong(), anyBoolean());
    }

    private NetworkVO network(long id, Network.State state, Long vpcId) {
        NetworkVO vo = mock(NetworkVO.class);
        lenient().when(vo.getId()).thenReturn(id);
        lenient().when(vo.getUuid()).thenReturn("net-uuid-" + id);
        lenient().when(vo.getName()).thenReturn("web");
        lenient().when(vo.getState()).thenReturn(state);
        lenient().when(vo.getVpcId()).thenReturn(vpcId);
        lenient().when(vo.getDataCenterId()).thenReturn(1L);
        lenient().when(networkDao.findById(id)).thenReturn(vo);
        return vo;
    }

    private VpcVO vpc(long id, Vpc.State state) {
        VpcVO vo = mock(VpcVO.class);
        lenient().when(vo.getId()).thenReturn(id);
        lenient().when(vo.getUuid()).thenReturn("vpc-uuid-" + id);
        lenient().when(vo.getName()).thenReturn("prod-vpc");
        lenient().when(vo.getState()).thenReturn(state);
        lenient().when(vo.getZoneId()).thenReturn(1L);
        lenient().when(vpcDao.findById(id)).thenReturn(vo);
        return vo;
    }

    private void networkRouters(DomainRouterVO... routers) {
        when(routerDao.listByNetworkAndRole(NETWORK_ID, VirtualRouter.Role.VIRTUAL_ROUTER))
                .thenReturn(List.of(routers));
    }

    private void assertNothingChanged() {
        verify(planExecutor, never()).execute(any(), anyList(), any(), anyBoolean(), anyList());
        verify(bindingStore, never()).bind(any(), anyString());
        verify(bindingStore, never()).planStarted(any(), anyString(), anyLong(), anyLong());
        verifyNoInteractions(routerService);
    }

    @Test
    public void conflictingOrMissingTargetsAreRefusedByName() {
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.scale(NETWORK_ID, VPC_ID, null, PROFILE_ID, false),
                "Exactly one of networkid, vpcid or routerid", "(got networkid, vpcid)");
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.scale(null, null, null, PROFILE_ID, false),
                "Exactly one of networkid, vpcid or routerid");
        assertNothingChanged();
    }

    @Test
    public void unknownIdsAreParamErrors() {
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.scale(404L, null, null, PROFILE_ID, false),
                "Unable to find network with id 404");
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.scale(null, 404L, null, PROFILE_ID, false),
                "Unable to find VPC with id 404");
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.scale(null, null, 404L, PROFILE_ID, false),
                "Unable to find router with id 404");
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.scale(NETWORK_ID, null, null, 404L, false),
                "Unable to find virtual router profile with id 404");
        assertNothingChanged();
    }

    @Test
    public void aVpcTierIsRefusedNamingItsVpc() {
        network(101L, Network.State.Implemented, VPC_ID);
        vpc(VPC_ID, Vpc.State.Enabled);
        assertApiError(ApiErrorCode.UNSUPPORTED_ACTION_ERROR, () -> service.scale(101L, null, null, PROFILE_ID, false),
                "is a tier of VPC vpc-uuid-200 (prod-vpc)", "vpcid=vpc-uuid-200");
        assertNothingChanged();
    }

    @Test
    public void aNetworkThatIsNotImplementedIsRefused() {
        network(102L, Network.State.Allocated, null);
        assertApiError(ApiErrorCode.UNSUPPORTED_ACTION_ERROR, () -> service.scale(102L, null, null, PROFILE_ID, false),
                "is Allocated", "only Implemented or Setup networks");
        assertNothingChanged();
    }

    @Test
    public void aLocalStorageMismatchIsRefused() {
        DomainRouterVO r1 = router(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        networkRouters(r1);
        when(vmManager.isRootVolumeOnLocalStorage(11L)).thenReturn(true);
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.scale(NETWORK_ID, null, null, PROFILE_ID, false),
                "is for shared storage", "root volume of r-11-VM is on local storage", "storagetype=local");
        assertNothingChanged();
    }

    @Test
    public void aRouterInErrorOrUnknownIsRefusedByThePlanner() {
        DomainRouterVO broken = router(11L, "r-11-VM", VirtualMachine.State.Error, OLD_OFFERING, null);
        networkRouters(broken);
        assertApiError(ApiErrorCode.UNSUPPORTED_ACTION_ERROR,
                () -> service.scale(NETWORK_ID, null, null, PROFILE_ID, false),
                "Refused, nothing was changed", "router r-11-VM is in state ERROR");
        DomainRouterVO unknown = router(12L, "r-12-VM", VirtualMachine.State.Unknown, OLD_OFFERING, null);
        networkRouters(unknown);
        assertApiError(ApiErrorCode.UNSUPPORTED_ACTION_ERROR,
                () -> service.scale(NETWORK_ID, null, null, PROFILE_ID, false), "r-12-VM is in state UNKNOWN");
        assertNothingChanged();
    }

    @Test
    public void bothRedundantMembersDownIsRefused() {
        DomainRouterVO a = router(21L, "r-21-VM", VirtualMachine.State.Stopped, OLD_OFFERING,
                VirtualRouter.RedundantState.UNKNOWN);
        DomainRouterVO b = router(22L, "r-22-VM", VirtualMachine.State.Stopped, OLD_OFFERING,
                VirtualRouter.RedundantState.UNKNOWN);
        networkRouters(a, b);
        assertApiError(ApiErrorCode.UNSUPPORTED_ACTION_ERROR,
                () -> service.scale(NETWORK_ID, null, null, PROFILE_ID, false), "No redundant router of network web",
                "is Running", "the network is down");
        assertNothingChanged();
    }

    @Test
    public void oneRedundantMemberDownIsRefused() {
        DomainRouterVO a = router(21L, "r-21-VM", VirtualMachine.State.Running, OLD_OFFERING,
                VirtualRouter.RedundantState.PRIMARY);
        DomainRouterVO b = router(22L, "r-22-VM", VirtualMachine.State.Stopped, OLD_OFFERING,
                VirtualRouter.RedundantState.UNKNOWN);
        networkRouters(a, b);
        assertApiError(ApiErrorCode.UNSUPPORTED_ACTION_ERROR,
                () -> service.scale(NETWORK_ID, null, null, PROFILE_ID, false),
                "both members of the redundant pair must be Running");
        assertNothingChanged();
    }

    @Test
    public void anInternalLoadBalancerVmIsNotARouterToScale() {
        DomainRouterVO lb = router(31L, "b-31-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        when(routerDao.findById(31L)).thenReturn(lb);
        when(lb.getRole()).thenReturn(VirtualRouter.Role.INTERNAL_LB_VM);
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.scale(null, null, 31L, PROFILE_ID, false),
                "b-31-VM is a INTERNAL_LB_VM appliance");
        assertNothingChanged();
    }

    @Test
    public void aSizeNoHostCanCarryIsRefusedInTheDryRunAndTheRealRunBeforeAnythingIsMarkedOrStopped() {
        DomainRouterVO r1 = router(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        networkRouters(r1);
        when(capacityCheck.check(any(), any(), any(), any()))
                .thenThrow(VrScalingErrors.refused("Refused, nothing was changed: router r-11-VM needs ..."));

        for (boolean dryRun : new boolean[] {true, false}) {
            assertApiError(ApiErrorCode.UNSUPPORTED_ACTION_ERROR,
                    () -> service.scale(NETWORK_ID, null, null, PROFILE_ID, dryRun), "router r-11-VM needs");
        }
        assertNothingChanged();
    }

    @Test
    public void aCapacityWarningIsPartOfThePlan() {
        DomainRouterVO r1 = router(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        networkRouters(r1);
        when(capacityCheck.check(any(), any(), any(), any())).thenReturn(List.of("r-11-VM fits only on h2"));

        assertTrue(service.scale(NETWORK_ID, null, null, PROFILE_ID, true).getWarnings()
                .contains("r-11-VM fits only on h2"));
    }

    @Test
    public void aDryRunReturnsThePlanAndChangesNothing() {
        DomainRouterVO r1 = router(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        networkRouters(r1);

        ScaleReport report = service.scale(NETWORK_ID, null, null, PROFILE_ID, true);

        assertTrue(report.isDryRun());
        assertFalse(report.isBound());
        assertEquals(1, report.getRouters().size());
        RouterStep step = report.getRouters().get(0).getStep();
        assertEquals(List.of(StepAction.STOP, StepAction.CHANGE_OFFERING, StepAction.SET_NIC_QUEUES, StepAction.START,
                StepAction.WAIT_RUNNING, StepAction.PUSH_TUNING, StepAction.VERIFY), step.getActions());
        assertEquals(2, step.getTargetNicQueues());
        assertEquals("System Offering For Software Router", report.offering(OLD_OFFERING).getName());
        assertNothingChanged();
    }

    @Test
    public void dryRunDefaultsToTheGlobalSetting() {
        DomainRouterVO r1 = router(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        networkRouters(r1);
        when(settings.defaultDryRun()).thenReturn(true);
        assertTrue(service.scale(NETWORK_ID, null, null, PROFILE_ID, null).isDryRun());
        assertNothingChanged();
    }

    @Test
    public void scalingBindsTheProfileRecordsProgressAndRunsThePlan() {
        DomainRouterVO r1 = router(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        networkRouters(r1);
        when(planExecutor.execute(any(), anyList(), any(), eq(false), anyList())).thenAnswer(inv -> {
            List<RouterStep> steps = inv.getArgument(1);
            return List.of(new RouterReport(steps.get(0)));
        });

        ScaleReport report = service.scale(NETWORK_ID, null, null, PROFILE_ID, false);

        ArgumentCaptor<BindingScope> scope = ArgumentCaptor.forClass(BindingScope.class);
        verify(bindingStore).bind(scope.capture(), eq("offering-uuid-5"));
        assertEquals(BindingScope.Type.NETWORK, scope.getValue().getType());
        assertEquals(NETWORK_ID, scope.getValue().getId());
        verify(bindingStore).planStarted(eq(scope.getValue()), eq("ms-1"), anyLong(), anyLong());
        verify(bindingStore).planFinished(eq(BindingScope.Type.NETWORK), eq(NETWORK_ID), eq(true), contains("big"));
        assertTrue(report.isBound());
        assertFalse(report.isDryRun());
    }

    @Test
    public void aBindingScaleSyncsPresizingBeforeThePlanIsMarkedFinishedAndReportsIt() {
        DomainRouterVO r1 = router(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        networkRouters(r1);
        when(planExecutor.execute(any(), anyList(), any(), eq(false), anyList())).thenAnswer(inv -> {
            List<RouterStep> steps = inv.getArgument(1);
            return List.of(new RouterReport(steps.get(0)));
        });
        when(presizeService.sync(any())).thenReturn("network web now uses offering VRScale-N10-P5");

        ScaleReport report = service.scale(NETWORK_ID, null, null, PROFILE_ID, false);

        InOrder order = inOrder(planExecutor, presizeService, bindingStore);
        order.verify(planExecutor).execute(any(), anyList(), any(), eq(false), anyList());
        order.verify(presizeService).sync(argThat(scope -> scope.getId() == NETWORK_ID));
        order.verify(bindingStore).planFinished(eq(BindingScope.Type.NETWORK), eq(NETWORK_ID), eq(true), anyString());
        assertTrue(report.getWarnings().toString(),
                report.getWarnings().contains("network web now uses offering VRScale-N10-P5"));
    }

    @Test
    public void presizingIsLeftAloneByDryRunsSingleRoutersAndFailedPlans() {
        DomainRouterVO r1 = router(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        networkRouters(r1);
        when(routerDao.findById(11L)).thenReturn(r1);
        when(routerDao.getRouterNetworks(11L)).thenReturn(List.of(NETWORK_ID));
        when(planExecutor.execute(any(), anyList(), any(), anyBoolean(), anyList()))
                .thenAnswer(inv -> List.of(new RouterReport(inv.<List<RouterStep>>getArgument(1).get(0))))
                .thenThrow(VrScalingErrors.failed("Scaling network web failed at step START on router r-11-VM"));

        service.scale(NETWORK_ID, null, null, PROFILE_ID, true);
        service.scale(null, null, 11L, PROFILE_ID, false);
        assertApiError(ApiErrorCode.INTERNAL_ERROR, () -> service.scale(NETWORK_ID, null, null, PROFILE_ID, false),
                "failed at step START");

        verifyNoInteractions(presizeService);
    }

    @Test
    public void anExecutionFailureIsRecordedAsFailedAndReported() {
        DomainRouterVO r1 = router(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        networkRouters(r1);
        when(planExecutor.execute(any(), anyList(), any(), anyBoolean(), anyList()))
                .thenThrow(VrScalingErrors.failed("Scaling network web failed at step START on router r-11-VM"));

        ServerApiException e = assertApiError(ApiErrorCode.INTERNAL_ERROR,
                () -> service.scale(NETWORK_ID, null, null, PROFILE_ID, false),
                "failed at step START on router r-11-VM");

        verify(bindingStore).planFinished(BindingScope.Type.NETWORK, NETWORK_ID, false, e.getDescription());
        // Seen on the simulator: a size the cloud cannot carry must not stay bound, or every later start retries it.
        verify(bindingStore, never()).bind(any(), anyString());
    }

    @Test
    public void aPlanIsMarkedRunningBeforeItsRoutersAreTouchedAndBoundOnlyWhenItSucceeded() {
        DomainRouterVO r1 = router(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        networkRouters(r1);
        when(planExecutor.execute(any(), anyList(), any(), anyBoolean(), anyList())).thenAnswer(inv -> {
            List<RouterStep> steps = inv.getArgument(1);
            return List.of(new RouterReport(steps.get(0)));
        });

        service.scale(NETWORK_ID, null, null, PROFILE_ID, false);

        InOrder order = inOrder(bindingStore, planExecutor);
        order.verify(bindingStore).planStarted(any(), eq("ms-1"), anyLong(), anyLong());
        order.verify(planExecutor).execute(any(), anyList(), any(), anyBoolean(), anyList());
        order.verify(bindingStore).bind(any(), eq("offering-uuid-5"));
        order.verify(bindingStore).planFinished(eq(BindingScope.Type.NETWORK), eq(NETWORK_ID), eq(true), anyString());
    }

    @Test
    public void aScaleWhileAnotherActorHoldsTheScopeIsRefusedAndChangesNothing() {
        DomainRouterVO r1 = router(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        networkRouters(r1);
        scopeLock.held.add(new BindingScope(BindingScope.Type.NETWORK, NETWORK_ID, null, null, 1L));
        when(bindingStore.step(BindingScope.Type.NETWORK, NETWORK_ID)).thenReturn("1/1 r-11-VM START");

        assertApiError(ApiErrorCode.UNSUPPORTED_ACTION_ERROR, () -> service.scale(NETWORK_ID, null, null, PROFILE_ID,
                false), "another VR Scale plan is changing the routers");

        assertNothingChanged();
    }

    @Test
    public void aScaleWhileAPlanIsRecordedRunningIsRefusedNamingItsStep() {
        DomainRouterVO r1 = router(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        networkRouters(r1);
        when(bindingStore.planRunning(any())).thenReturn(true);
        when(bindingStore.step(BindingScope.Type.NETWORK, NETWORK_ID)).thenReturn("1/1 r-11-VM START");
        when(bindingStore.owner(BindingScope.Type.NETWORK, NETWORK_ID)).thenReturn("ms-2");

        assertApiError(ApiErrorCode.UNSUPPORTED_ACTION_ERROR, () -> service.scale(NETWORK_ID, null, null, PROFILE_ID,
                false), "step 1/1 r-11-VM START on management server ms-2");

        assertNothingChanged();
        assertTrue("the scope lock was not given back", scopeLock.held.isEmpty());
    }

    @Test
    public void aRestartOfAVpcTierByAnyAccountMakesTheVpcBusy() {
        // The job belongs to whoever called it (an admin restarting a tenant's tier): found by the tier's uuid.
        vpc(VPC_ID, Vpc.State.Enabled);
        NetworkVO tier = network(101L, Network.State.Implemented, VPC_ID);
        when(networkDao.listByVpc(VPC_ID)).thenReturn(List.of(tier));
        when(asyncJobDao.countPendingJobs(eq("\"" + tier.getUuid() + "\""), any(String[].class))).thenReturn(1L);

        String busy = service.busyWith(new BindingScope(BindingScope.Type.VPC, VPC_ID, "vpc-uuid-200", "shop", 1L));

        assertTrue(busy, busy.contains("naming " + tier.getUuid()));
    }

    @Test
    public void aScaleWhileACloudStackJobNamesTheNetworkOrARouterIsRefused() {
        DomainRouterVO r1 = router(11L, "r-11-VM", VirtualMachine.State.Running, OLD_OFFERING, null);
        networkRouters(r1);
        when(asyncJobDao.countPendingJobs(eq("\"" + r1.getUuid() + "\""), any(String[].class))).thenReturn(1L);

        assertApiError(ApiErrorCode.UNSUPPORTED_ACTION_ERROR, () -> service.scale(NETWORK_ID, null, null, PROFILE_ID,
                false), "a CloudStack job");

        assertNothingChanged();
        // A dry run only reads: it is answered even while CloudStack works on the network.
        assertTrue(service.scale(NETWORK_ID, null, null, PROFILE_ID, true).isDryRun());
    }

    @Test
    public void aSingleRouterIsScaledAloneAndTheBindingIsLeftAsItIs() {
        DomainRouterVO a = router(21L, "r-21-VM", VirtualMachine.State.Running, OLD_OFFERING,
                VirtualRouter.RedundantState.PRIMARY);
        DomainRouterVO b = router(22L, "r-22-VM", VirtualMachine.State.Running, OLD_OFFERING,
                VirtualRouter.RedundantState.BACKUP);
        networkRouters(a, b);
        when(routerDao.findById(22L)).thenReturn(b);
        when(routerDao.getRouterNetworks(22L)).thenReturn(List.of(NETWORK_ID));
        when(planExecutor.execute(any(), anyList(), any(), anyBoolean(), anyList())).thenAnswer(inv -> {
            List<RouterStep> steps = inv.getArgument(1);
            assertEquals(1, steps.size());
            assertEquals("r-22-VM", steps.get(0).getRouter().getName());
            return List.of(new RouterReport(steps.get(0)));
        });

        ScaleReport report = service.scale(null, null, 22L, PROFILE_ID, false);

        verify(bindingStore, never()).bind(any(), anyString());
        assertFalse(report.isBound());
        assertTrue(report.getWarnings().stream().anyMatch(w -> w.contains("Single router r-22-VM")));
    }

    @Test
    public void aVpcIsScaledThroughItsRouters() {
        vpc(VPC_ID, Vpc.State.Enabled);
        DomainRouterVO atProfile = router(41L, "r-41-VM", VirtualMachine.State.Running, PROFILE_ID, null);
        when(routerDao.listByVpcId(VPC_ID)).thenReturn(List.of(atProfile));
        VMInstanceDetailVO queues = mock(VMInstanceDetailVO.class);
        when(queues.getValue()).thenReturn("2");
        when(vmDetailsDao.findDetail(41L, VmDetailConstants.NIC_MULTIQUEUE_NUMBER)).thenReturn(queues);
        ScaleReport report = service.scale(null, VPC_ID, null, PROFILE_ID, true);
        assertTrue(report.getScope().isVpc());
        assertEquals("vpc-uuid-200", report.getScope().getUuid());
        // Already at the profile's offering and queue count: tuning only, no restart.
        assertFalse(report.getRouters().get(0).getStep().restarts());
        assertEquals(List.of(StepAction.PUSH_TUNING, StepAction.VERIFY),
                report.getRouters().get(0).getStep().getActions());
    }

    @Test
    public void callsQueueOnTheNetworkOrTheVpcOfATier() {
        network(101L, Network.State.Implemented, VPC_ID);
        assertEquals(BindingScope.Type.NETWORK, service.syncScope(NETWORK_ID, null, null).getType());
        BindingScope tier = service.syncScope(101L, null, null);
        assertEquals(BindingScope.Type.VPC, tier.getType());
        assertEquals(VPC_ID, tier.getId());
        assertNull(service.syncScope(404L, null, null));
    }

    @Test
    public void startUpCleanUpStartsStoppedRoutersOfInterruptedPlansAndMarksThemFailed() throws Exception {
        when(bindingStore.runningPlans()).thenReturn(List.of(
                new BindingStore.RunningPlan(BindingScope.Type.NETWORK, NETWORK_ID),
                new BindingStore.RunningPlan(BindingScope.Type.VPC, VPC_ID)));
        when(bindingStore.owner(BindingScope.Type.NETWORK, NETWORK_ID)).thenReturn("ms-1");
        when(bindingStore.owner(BindingScope.Type.VPC, VPC_ID)).thenReturn("ms-2");
        // Plans recorded before the owner's msid was: the host name decides.
        when(bindingStore.ownerMsid(any(), anyLong())).thenReturn(null);
        when(bindingStore.step(BindingScope.Type.NETWORK, NETWORK_ID)).thenReturn("2/2 r-12-VM START");
        when(bindingStore.touchedOfferings(BindingScope.Type.NETWORK, NETWORK_ID))
                .thenReturn(touched(11L, OLD_OFFERING, 12L, OLD_OFFERING));
        when(bindingStore.planRunning(any())).thenReturn(true);
        DomainRouterVO done = router(11L, "r-11-VM", VirtualMachine.State.Running, PROFILE_ID, null);
        DomainRouterVO stopped = router(12L, "r-12-VM", VirtualMachine.State.Stopped, PROFILE_ID, null);
        when(routerDao.findById(11L)).thenReturn(done);
        when(routerDao.findById(12L)).thenReturn(stopped);

        assertEquals(1, service.recoverInterruptedPlans());

        verify(routerService).startRouter(12L, true);
        verify(routerService, never()).startRouter(eq(11L), anyBoolean());
        ArgumentCaptor<String> note = ArgumentCaptor.forClass(String.class);
        verify(bindingStore).planFinished(eq(BindingScope.Type.NETWORK), eq(NETWORK_ID), eq(false), note.capture());
        assertTrue(note.getValue(), note.getValue().contains("Interrupted at step '2/2 r-12-VM START'"));
        assertTrue(note.getValue(), note.getValue().contains("Routers started again: r-12-VM (router-uuid-12)"));
        // The next plan overwrites the note: the clean-up stays visible as an event.
        verify(events).warn(eq(VrScalingEventTypes.RECOVERY), eq(note.getValue()),
                argThat(scope -> scope.getId() == NETWORK_ID));
        verify(bindingStore, never()).planFinished(eq(BindingScope.Type.VPC), anyLong(), anyBoolean(), anyString());
    }

    @Test
    public void startUpCleanUpLeavesPlansBegunSinceThisServerStartedOrHeldByALiveActor() throws Exception {
        // Seen on the real server: a plan begun a minute after boot had its stopped router started under it.
        service.serverStartedMillis = 1_000L;
        when(bindingStore.runningPlans()).thenReturn(List.of(
                new BindingStore.RunningPlan(BindingScope.Type.NETWORK, NETWORK_ID),
                new BindingStore.RunningPlan(BindingScope.Type.VPC, VPC_ID)));
        when(bindingStore.owner(any(), anyLong())).thenReturn("ms-1");
        when(bindingStore.started(BindingScope.Type.NETWORK, NETWORK_ID)).thenReturn(2_000L);
        when(bindingStore.started(BindingScope.Type.VPC, VPC_ID)).thenReturn(500L);
        scopeLock.held.add(new BindingScope(BindingScope.Type.VPC, VPC_ID, null, null, 0));

        assertEquals(0, service.recoverInterruptedPlans());

        verifyNoInteractions(routerService);
        verify(bindingStore, never()).planFinished(any(), anyLong(), anyBoolean(), anyString());
    }

    private static Map<Long, Long> touched(long router1, long offering1, long router2, long offering2) {
        Map<Long, Long> touched = new LinkedHashMap<>();
        touched.put(router1, offering1);
        touched.put(router2, offering2);
        return touched;
    }

    private ManagementServerHostVO server(long msid, ManagementServerHost.State state) {
        ManagementServerHostVO server = mock(ManagementServerHostVO.class);
        lenient().when(server.getState()).thenReturn(state);
        when(managementServerHostDao.findByMsid(msid)).thenReturn(server);
        return server;
    }

    @Test
    public void aPlanWhoseManagementServerIsNoLongerUpIsTakenOverAndOneWhoseServerIsUpIsLeft() throws Exception {
        when(bindingStore.runningPlans()).thenReturn(List.of(
                new BindingStore.RunningPlan(BindingScope.Type.NETWORK, NETWORK_ID),
                new BindingStore.RunningPlan(BindingScope.Type.VPC, VPC_ID)));
        when(bindingStore.owner(BindingScope.Type.NETWORK, NETWORK_ID)).thenReturn("ms-2");
        when(bindingStore.ownerMsid(BindingScope.Type.NETWORK, NETWORK_ID)).thenReturn(7L);
        when(bindingStore.owner(BindingScope.Type.VPC, VPC_ID)).thenReturn("ms-3");
        when(bindingStore.ownerMsid(BindingScope.Type.VPC, VPC_ID)).thenReturn(8L);
        server(7L, ManagementServerHost.State.Down);
        server(8L, ManagementServerHost.State.Up);
        when(bindingStore.planRunning(any())).thenReturn(true);
        when(bindingStore.touchedOfferings(BindingScope.Type.NETWORK, NETWORK_ID))
                .thenReturn(touched(11L, OLD_OFFERING, 12L, OLD_OFFERING));
        DomainRouterVO stopped = router(12L, "r-12-VM", VirtualMachine.State.Stopped, PROFILE_ID, null);
        when(routerDao.findById(12L)).thenReturn(stopped);

        assertEquals(1, service.recoverInterruptedPlans());

        verify(routerService).startRouter(12L, true);
        ArgumentCaptor<String> note = ArgumentCaptor.forClass(String.class);
        verify(bindingStore).planFinished(eq(BindingScope.Type.NETWORK), eq(NETWORK_ID), eq(false), note.capture());
        assertTrue(note.getValue(), note.getValue().contains("its management server ms-2 (msid 7) is Down"));
        verify(bindingStore, never()).planFinished(eq(BindingScope.Type.VPC), anyLong(), anyBoolean(), anyString());
    }

    @Test
    public void aPlanOfThisServerIsRecognisedByItsMsidWhateverTheHostNameIsNow() throws Exception {
        // The server came back under another host name: the msid still says the plan was its own.
        service.serverStartedMillis = 1_000L;
        when(bindingStore.runningPlans()).thenReturn(List.of(
                new BindingStore.RunningPlan(BindingScope.Type.NETWORK, NETWORK_ID)));
        when(bindingStore.owner(BindingScope.Type.NETWORK, NETWORK_ID)).thenReturn("old-host-name");
        when(bindingStore.ownerMsid(BindingScope.Type.NETWORK, NETWORK_ID)).thenReturn(1L);
        when(bindingStore.started(BindingScope.Type.NETWORK, NETWORK_ID)).thenReturn(500L);
        when(bindingStore.planRunning(any())).thenReturn(true);

        assertEquals(1, service.recoverInterruptedPlans());

        verify(managementServerHostDao, never()).findByMsid(anyLong());
        verify(bindingStore).planFinished(eq(BindingScope.Type.NETWORK), eq(NETWORK_ID), eq(false),
                contains("management server ms-1 (this one) stopped while the plan ran"));
    }

    @Test
    public void aRouterThatCannotStartAtTheNewSizeIsStartedAtTheOfferingItRanBefore() throws Exception {
        when(bindingStore.runningPlans()).thenReturn(List.of(
                new BindingStore.RunningPlan(BindingScope.Type.NETWORK, NETWORK_ID)));
        when(bindingStore.owner(BindingScope.Type.NETWORK, NETWORK_ID)).thenReturn("ms-1");
        when(bindingStore.planRunning(any())).thenReturn(true);
        Map<Long, Long> touched = new LinkedHashMap<>();
        touched.put(12L, OLD_OFFERING);
        when(bindingStore.touchedOfferings(BindingScope.Type.NETWORK, NETWORK_ID)).thenReturn(touched);
        DomainRouterVO stopped = router(12L, "r-12-VM", VirtualMachine.State.Stopped, PROFILE_ID, null);
        when(routerDao.findById(12L)).thenReturn(stopped);
        when(routerService.startRouter(12L, true))
                .thenThrow(new ConcurrentOperationException("Unable to create a deployment for r-12-VM"))
                .thenReturn(stopped);

        assertEquals(1, service.recoverInterruptedPlans());

        verify(stopped).setServiceOfferingId(OLD_OFFERING);
        verify(routerDao).update(12L, stopped);
        ArgumentCaptor<String> note = ArgumentCaptor.forClass(String.class);
        verify(bindingStore).planFinished(eq(BindingScope.Type.NETWORK), eq(NETWORK_ID), eq(false), note.capture());
        assertTrue(note.getValue(), note.getValue().contains("r-12-VM (router-uuid-12) at its previous offering "
                + "System Offering For Software Router"));
    }

    @Test
    public void anAdministratorClearsAPlanNobodyRunsButNeverALiveOne() throws Exception {
        when(bindingStore.owner(BindingScope.Type.NETWORK, NETWORK_ID)).thenReturn("ms-9");
        when(bindingStore.step(BindingScope.Type.NETWORK, NETWORK_ID)).thenReturn("1/2 r-11-VM START");

        // Alive: its runner holds the scope's lock.
        scopeLock.held.add(new BindingScope(BindingScope.Type.NETWORK, NETWORK_ID, null, null, 1L));
        assertApiError(ApiErrorCode.UNSUPPORTED_ACTION_ERROR, () -> service.clearPlan(NETWORK_ID, null),
                "is alive (step 1/2 r-11-VM START on management server ms-9)");
        scopeLock.held.clear();

        // Nothing recorded RUNNING.
        assertApiError(ApiErrorCode.UNSUPPORTED_ACTION_ERROR, () -> service.clearPlan(NETWORK_ID, null),
                "no VR Scale plan is recorded RUNNING on network web (net-uuid-100)");
        verify(bindingStore, never()).planFinished(any(), anyLong(), anyBoolean(), anyString());

        when(bindingStore.planRunning(any())).thenReturn(true);
        String note = service.clearPlan(NETWORK_ID, null);
        assertTrue(note, note.contains("an administrator cleared it"));
        verify(bindingStore).planFinished(eq(BindingScope.Type.NETWORK), eq(NETWORK_ID), eq(false), eq(note));
        assertTrue("the scope lock was not given back", scopeLock.held.isEmpty());
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.clearPlan(NETWORK_ID, VPC_ID),
                "Exactly one of networkid or vpcid");
    }
}
