package org.apache.cloudstack.vrscaling.scale;

import static org.apache.cloudstack.vrscaling.TestSupport.assertApiError;
import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyFloat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyShort;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.apache.cloudstack.api.ApiErrorCode;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.core.plan.PlanTarget;
import org.apache.cloudstack.vrscaling.core.plan.RedundantRole;
import org.apache.cloudstack.vrscaling.core.plan.RollingPlanner;
import org.apache.cloudstack.vrscaling.core.plan.RouterObservation;
import org.apache.cloudstack.vrscaling.core.plan.RouterRunState;
import org.apache.cloudstack.vrscaling.core.plan.RouterStep;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.InjectMocks;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.capacity.Capacity;
import com.cloud.capacity.CapacityManager;
import com.cloud.capacity.CapacityVO;
import com.cloud.capacity.dao.CapacityDao;
import com.cloud.host.HostVO;
import com.cloud.hypervisor.Hypervisor.HypervisorType;
import com.cloud.resource.ResourceManager;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VirtualMachine;

@RunWith(MockitoJUnitRunner.class)
public class CapacityCheckTest {
    private static final long OLD = 1L;
    private static final long PROFILE = 5L;
    private static final long MIB = 1024L * 1024L;
    private static final BindingScope NETWORK = new BindingScope(BindingScope.Type.NETWORK, 100L, "net-uuid", "web",
            1L);

    @Mock
    ResourceManager resourceManager;
    @Mock
    CapacityManager capacityManager;
    @Mock
    CapacityDao capacityDao;
    @Mock
    ServiceOfferingDao serviceOfferingDao;
    @InjectMocks
    CapacityCheck check;

    private final ServiceOfferingVO old = offering(OLD, "small", 1, 500, 256);
    private final ServiceOfferingVO big = offering(PROFILE, "big", 8, 2000, 16384);

    @Before
    public void setUp() {
        lenient().when(serviceOfferingDao.findByIdIncludingRemoved(OLD)).thenReturn(old);
        lenient().when(capacityManager.getClusterOverProvisioningFactor(any(), anyShort())).thenReturn(1f);
        lenient().when(capacityManager.checkIfHostHasCpuCapability(any(), anyInt(), anyInt())).thenReturn(true);
    }

    @Test
    public void aSizeNoHostCanCarryIsRefusedWithTheNumbersOfEveryHost() {
        HostVO fewCores = host(1L, "h1", 4, 2000, 10);
        HostVO full = host(2L, "h2", 16, 2400, 10);
        hosts(fewCores, full);
        when(capacityManager.checkIfHostHasCpuCapability(fewCores, 8, 2000)).thenReturn(false);
        capacityRow(2L, Capacity.CAPACITY_TYPE_CPU, 38_400, 36_000, 1_400);
        capacityRow(2L, Capacity.CAPACITY_TYPE_MEMORY, 65_536 * MIB, 60_000 * MIB, 512 * MIB);
        DomainRouterVO router = router(11L, "r-11-VM", 1L, false);

        String message = assertApiError(ApiErrorCode.UNSUPPORTED_ACTION_ERROR,
                () -> check.check(NETWORK, steps(router), List.of(router), big)).getDescription();

        assertTrue(message, message.startsWith("Refused, nothing was changed: router r-11-VM (router-uuid-11) of "
                + "network web (net-uuid) needs 8 x 2000 MHz and 16384 MiB (profile big)"));
        assertTrue(message, message.contains("h1 has 4 x 2000 MHz cores"));
        assertTrue(message, message.contains("h2 has 1000 MHz and 5024 MiB free"));
    }

    @Test
    public void theHostARouterRunsOnCountsWhatItFreesByStopping() {
        HostVO own = host(1L, "h1", 16, 2400, 10);
        hosts(own);
        DomainRouterVO router = router(11L, "r-11-VM", 1L, false);
        // Only the difference between the profile and the current size has to be free there.
        when(capacityManager.checkIfHostHasCapacity(eq(own), eq(8 * 2000 - 500), eq((16384L - 256) * MIB),
                anyBoolean(), anyFloat(), anyFloat(), eq(true))).thenReturn(true);

        assertTrue(check.check(NETWORK, steps(router), List.of(router), big).isEmpty());
    }

    @Test
    public void aRedundantRouterThatFitsOnlyWhereItsPeerRunsIsWarnedAbout() {
        HostVO peerHost = host(2L, "h2", 16, 2400, 10);
        HostVO other = host(3L, "h3", 16, 2400, 10);
        hosts(peerHost, other);
        DomainRouterVO member = router(21L, "r-21-VM", 1L, true);
        DomainRouterVO peer = router(22L, "r-22-VM", 2L, true);
        when(capacityManager.checkIfHostHasCapacity(eq(peerHost), anyInt(), anyLong(), anyBoolean(), anyFloat(),
                anyFloat(), anyBoolean())).thenReturn(true);

        List<String> warnings = check.check(NETWORK, steps(member), List.of(member, peer), big);

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0), warnings.get(0).startsWith("r-21-VM fits at 8 x 2000 MHz and 16384 MiB only on "
                + "h2, where its peer runs"));
    }

    @Test
    public void aStepThatKeepsTheOfferingIsNotChecked() {
        DomainRouterVO router = router(11L, "r-11-VM", 1L, false);
        RouterObservation atSize = new RouterObservation(11L, "router-uuid-11", "r-11-VM", RouterRunState.RUNNING,
                false, RedundantRole.NONE, PROFILE, new RouterSize(8, 2000, 16384), 1L, null);

        assertTrue(check.check(NETWORK, plan(atSize), List.of(router), big).isEmpty());
        verify(resourceManager, never()).listAllUpAndEnabledHostsInOneZoneByHypervisor(any(), anyLong());
    }

    private void hosts(HostVO... hosts) {
        when(resourceManager.listAllUpAndEnabledHostsInOneZoneByHypervisor(HypervisorType.KVM, 1L))
                .thenReturn(List.of(hosts));
    }

    private void capacityRow(long hostId, short type, long total, long used, long reserved) {
        CapacityVO row = mock(CapacityVO.class);
        when(row.getTotalCapacity()).thenReturn(total);
        when(row.getUsedCapacity()).thenReturn(used);
        when(row.getReservedCapacity()).thenReturn(reserved);
        when(capacityDao.findByHostIdType(hostId, type)).thenReturn(row);
    }

    private static HostVO host(long id, String name, int cpus, long speed, long clusterId) {
        HostVO host = mock(HostVO.class);
        lenient().when(host.getId()).thenReturn(id);
        lenient().when(host.getName()).thenReturn(name);
        lenient().when(host.getCpus()).thenReturn(cpus);
        lenient().when(host.getSpeed()).thenReturn(speed);
        lenient().when(host.getClusterId()).thenReturn(clusterId);
        return host;
    }

    private static DomainRouterVO router(long id, String name, long hostId, boolean redundant) {
        DomainRouterVO router = mock(DomainRouterVO.class);
        lenient().when(router.getId()).thenReturn(id);
        lenient().when(router.getUuid()).thenReturn("router-uuid-" + id);
        lenient().when(router.getInstanceName()).thenReturn(name);
        lenient().when(router.getState()).thenReturn(VirtualMachine.State.Running);
        lenient().when(router.getHostId()).thenReturn(hostId);
        lenient().when(router.getServiceOfferingId()).thenReturn(OLD);
        lenient().when(router.getIsRedundantRouter()).thenReturn(redundant);
        lenient().when(router.getHypervisorType()).thenReturn(HypervisorType.KVM);
        lenient().when(router.getDataCenterId()).thenReturn(1L);
        return router;
    }

    private static List<RouterStep> steps(DomainRouterVO router) {
        return plan(new RouterObservation(router.getId(), router.getUuid(), router.getInstanceName(),
                RouterRunState.RUNNING, false, RedundantRole.NONE, OLD, new RouterSize(1, 500, 256), 1L, null));
    }

    private static List<RouterStep> plan(RouterObservation router) {
        try {
            return new RollingPlanner().plan(List.of(router), new PlanTarget(PROFILE, new RouterSize(8, 2000, 16384),
                    2)).getSteps();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
