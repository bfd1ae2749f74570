package org.apache.cloudstack.vrscaling.scale;

import static org.apache.cloudstack.vrscaling.TestSupport.assertApiError;
import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.cloudstack.api.ApiErrorCode;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.core.profile.RouterProfile;
import org.apache.cloudstack.vrscaling.core.profile.TuningOverrides;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.tuning.TuningOutcome;
import org.apache.cloudstack.vrscaling.core.tuning.TuningPort;
import org.apache.cloudstack.vrscaling.profile.ProfileService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.exception.ConcurrentOperationException;
import com.cloud.network.Network;
import com.cloud.network.VirtualNetworkApplianceService;
import com.cloud.network.dao.NetworkDao;
import com.cloud.network.dao.NetworkVO;
import com.cloud.network.router.VirtualRouter;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.vm.VMInstanceDetailVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VirtualMachineManager;
import com.cloud.vm.VmDetailConstants;
import com.cloud.vm.dao.DomainRouterDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

/** The scale flow end to end over the real services, with CloudStack faked underneath. */
@RunWith(MockitoJUnitRunner.class)
public class ScaleFlowTest {
    private static final long NETWORK_ID = 100L;
    private static final long OLD = 1L;
    private static final long PROFILE = 5L;

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
    VirtualNetworkApplianceService routerService;
    @Mock
    VrScalingSettings settings;
    @Mock
    ServiceOfferingDao serviceOfferingDao;
    @Mock
    VMInstanceDetailsDao vmDetailsDao;
    @Mock
    TuningPort tuningPort;

    private final ScaleService service = new ScaleService();
    private final Map<Long, String> queueDetails = new HashMap<>();
    private FakeRouters cloud;

    @Before
    public void wire() throws Exception {
        cloud = new FakeRouters(routerDao, routerService);
        ServiceOfferingVO old = offering(OLD, "System Offering For Software Router", 1, 500, 256);
        ServiceOfferingVO profile = offering(PROFILE, "big", 2, 1000, 2048);
        lenient().when(serviceOfferingDao.findByIdIncludingRemoved(OLD)).thenReturn(old);
        lenient().when(serviceOfferingDao.findByIdIncludingRemoved(PROFILE)).thenReturn(profile);
        lenient().when(serviceOfferingDao.findById(PROFILE)).thenReturn(profile);
        when(profileService.findProfileOffering(PROFILE)).thenReturn(profile);
        when(profileService.toProfile(profile)).thenReturn(new RouterProfile("big", new RouterSize(2, 1000, 2048),
                TuningOverrides.none()));
        lenient().when(profileService.findOfferingIncludingRemoved(OLD)).thenReturn(old);
        when(settings.sizingModel(any())).thenReturn(new SizingModel(SizingAssumptions.defaults()));
        lenient().when(settings.roleWaitSeconds()).thenReturn(60);
        lenient().when(tuningPort.apply(anyLong(), any()))
                .thenReturn(new TuningOutcome(true, true, true, "applied", List.of(), "1"));
        lenient().when(tuningPort.verify(anyLong(), any()))
                .thenReturn(new TuningOutcome(true, true, false, "all values match", List.of(), "1"));

        // vm_instance_details for nic.multiqueue.number, kept in a map.
        lenient().when(vmDetailsDao.findDetail(anyLong(), eq(VmDetailConstants.NIC_MULTIQUEUE_NUMBER)))
                .thenAnswer(inv -> {
                    String value = queueDetails.get(inv.getArgument(0, Long.class));
                    if (value == null) {
                        return null;
                    }
                    VMInstanceDetailVO detail = mock(VMInstanceDetailVO.class);
                    when(detail.getValue()).thenReturn(value);
                    return detail;
                });
        lenient().doAnswer(inv -> queueDetails.put(inv.getArgument(0), inv.getArgument(2))).when(vmDetailsDao)
                .addDetail(anyLong(), eq(VmDetailConstants.NIC_MULTIQUEUE_NUMBER), anyString(), anyBoolean());

        NetworkVO network = mock(NetworkVO.class);
        when(network.getId()).thenReturn(NETWORK_ID);
        when(network.getName()).thenReturn("web");
        when(network.getUuid()).thenReturn("net-uuid");
        when(network.getState()).thenReturn(Network.State.Implemented);
        when(network.getDataCenterId()).thenReturn(1L);
        when(network.getVpcId()).thenReturn(null);
        when(networkDao.findById(NETWORK_ID)).thenReturn(network);

        RouterObserver observer = new RouterObserver();
        observer.routerDao = routerDao;
        observer.serviceOfferingDao = serviceOfferingDao;
        observer.vmDetailsDao = vmDetailsDao;
        PlanExecutor executor = new PlanExecutor();
        executor.routerService = routerService;
        executor.routerDao = routerDao;
        executor.vmDetailsDao = vmDetailsDao;
        executor.serviceOfferingDao = serviceOfferingDao;
        executor.vmManager = vmManager;
        executor.tuningPort = tuningPort;
        executor.bindingStore = bindingStore;
        executor.settings = settings;
        executor.sleeper = new Sleeper() {
            @Override
            public long nowMillis() {
                return 0;
            }

            @Override
            public void sleep(long millis) {
                throw new AssertionError("nothing should need waiting here");
            }
        };
        service.profileService = profileService;
        service.bindingStore = bindingStore;
        service.routerObserver = observer;
        service.planExecutor = executor;
        service.networkDao = networkDao;
        service.vpcDao = vpcDao;
        service.routerDao = routerDao;
        service.vmManager = vmManager;
        service.routerService = routerService;
        service.settings = settings;
        service.managementServer = "ms-1";
    }

    @Test
    public void aRedundantPairIsScaledBackupFirstAndARerunOnlyRepushesTuning() {
        cloud.add(21L, "r-21-VM", VirtualMachine.State.Running, OLD, VirtualRouter.RedundantState.PRIMARY);
        cloud.add(22L, "r-22-VM", VirtualMachine.State.Running, OLD, VirtualRouter.RedundantState.BACKUP);
        when(routerDao.listByNetworkAndRole(NETWORK_ID, VirtualRouter.Role.VIRTUAL_ROUTER))
                .thenReturn(List.of(cloud.rows.get(21L), cloud.rows.get(22L)));

        ScaleReport first = service.scale(NETWORK_ID, null, null, PROFILE, false);

        assertEquals(List.of("stop r-22-VM", "update r-22-VM offering 5", "start r-22-VM",
                "stop r-21-VM", "update r-21-VM offering 5", "start r-21-VM"), cloud.calls);
        assertEquals(2, first.getRouters().stream().mapToInt(RouterReport::getReboots).sum());
        assertEquals("2", queueDetails.get(21L));

        cloud.calls.clear();
        ScaleReport again = service.scale(NETWORK_ID, null, null, PROFILE, false);

        assertTrue("a re-run restarts nothing: " + cloud.calls, cloud.calls.isEmpty());
        assertEquals(0, again.getRouters().stream().mapToInt(RouterReport::getReboots).sum());
        verify(tuningPort, times(4)).apply(anyLong(), any());
        verify(bindingStore, times(2)).planFinished(any(), eq(NETWORK_ID), eq(true), anyString());
    }

    @Test
    public void aFailedStartLeavesTheRouterRunningAtItsOldSizeAndThePlanFailed() throws Exception {
        cloud.add(11L, "r-11-VM", VirtualMachine.State.Running, OLD, null);
        when(routerDao.listByNetworkAndRole(NETWORK_ID, VirtualRouter.Role.VIRTUAL_ROUTER))
                .thenReturn(List.of(cloud.rows.get(11L)));
        doAnswer(inv -> {
            long id = inv.getArgument(0, Long.class);
            cloud.calls.add("start " + cloud.names.get(id));
            if (cloud.offerings.get(id) == PROFILE) {
                throw new ConcurrentOperationException("no capacity for 2 vCPUs");
            }
            cloud.states.put(id, VirtualMachine.State.Running);
            return null;
        }).when(routerService).startRouter(anyLong(), anyBoolean());

        assertApiError(ApiErrorCode.INTERNAL_ERROR, () -> service.scale(NETWORK_ID, null, null, PROFILE, false),
                "failed at step START on router r-11-VM", "router started again");

        assertEquals(VirtualMachine.State.Running, cloud.states.get(11L));
        assertEquals(Long.valueOf(OLD), cloud.offerings.get(11L));
        verify(bindingStore).planFinished(any(), eq(NETWORK_ID), eq(false), anyString());
    }
}
