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
import org.apache.cloudstack.vrscaling.core.tuning.TuningPort;
import org.apache.cloudstack.vrscaling.profile.ProfileService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.exception.ConcurrentOperationException;
import com.cloud.network.VpcVirtualNetworkApplianceService;
import com.cloud.network.dao.NetworkDao;
import com.cloud.network.router.VirtualRouter;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VirtualMachineManager;
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
    VpcVirtualNetworkApplianceService routerService;
    @Mock
    VrScalingSettings settings;
    @Mock
    ServiceOfferingDao serviceOfferingDao;
    @Mock
    VMInstanceDetailsDao vmDetailsDao;
    @Mock
    TuningPort tuningPort;

    private ScaleService service;
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
        RealScaleServices.tuningAlwaysWorks(tuningPort);
        RealScaleServices.keepQueueDetailsIn(queueDetails, vmDetailsDao);
        RealScaleServices.isolatedNetwork(networkDao, NETWORK_ID);
        service = new RealScaleServices(profileService, bindingStore, networkDao, vpcDao, routerDao, vmManager,
                routerService, settings, serviceOfferingDao, vmDetailsDao, tuningPort).scale;
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
