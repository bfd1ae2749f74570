package org.apache.cloudstack.vrscaling.scale;

import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.apache.cloudstack.vrscaling.TestSupport.router;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.core.plan.RedundantRole;
import org.apache.cloudstack.vrscaling.core.plan.RouterObservation;
import org.apache.cloudstack.vrscaling.core.plan.RouterRunState;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.InjectMocks;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.network.router.VirtualRouter;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VMInstanceDetailVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VmDetailConstants;
import com.cloud.vm.dao.DomainRouterDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

@RunWith(MockitoJUnitRunner.class)
public class RouterObserverTest {
    @Mock
    DomainRouterDao routerDao;
    @Mock
    ServiceOfferingDao serviceOfferingDao;
    @Mock
    VMInstanceDetailsDao vmDetailsDao;
    @InjectMocks
    RouterObserver observer;

    @Test
    public void aRedundantRouterIsDescribedWithRoleSizeAndQueues() {
        DomainRouterVO router = router(21L, "r-21-VM", VirtualMachine.State.Running, 1L,
                VirtualRouter.RedundantState.BACKUP);
        ServiceOfferingVO offering = offering(1L, "default", 1, 500, 256);
        when(serviceOfferingDao.findByIdIncludingRemoved(1L)).thenReturn(offering);
        VMInstanceDetailVO queues = mock(VMInstanceDetailVO.class);
        when(queues.getValue()).thenReturn("4");
        when(vmDetailsDao.findDetail(21L, VmDetailConstants.NIC_MULTIQUEUE_NUMBER)).thenReturn(queues);

        RouterObservation seen = observer.observe(router);

        assertEquals(RouterRunState.RUNNING, seen.getState());
        assertTrue(seen.isRedundant());
        assertEquals(RedundantRole.BACKUP, seen.getRole());
        assertEquals(new RouterSize(1, 500, 256), seen.getSize());
        assertEquals(Integer.valueOf(4), seen.getNicQueues());
        assertEquals("r-21-VM", seen.getName());
    }

    @Test
    public void anOddOfferingOrQueueDetailStillYieldsAnObservation() {
        DomainRouterVO router = router(11L, "r-11-VM", VirtualMachine.State.Stopped, 2L, null);
        ServiceOfferingVO zeroMhz = offering(2L, "legacy", 1, 0, 256);
        when(serviceOfferingDao.findByIdIncludingRemoved(2L)).thenReturn(zeroMhz);
        VMInstanceDetailVO queues = mock(VMInstanceDetailVO.class);
        when(queues.getValue()).thenReturn("many");
        when(vmDetailsDao.findDetail(11L, VmDetailConstants.NIC_MULTIQUEUE_NUMBER)).thenReturn(queues);

        RouterObservation seen = observer.observe(router);

        assertNull(seen.getSize());
        assertNull(seen.getNicQueues());
        assertEquals(RedundantRole.NONE, seen.getRole());
        assertEquals(1, seen.effectiveNicQueues());
    }

    @Test
    public void vpcRoutersExcludeInternalLoadBalancersAndAreSortedByName() {
        DomainRouterVO b = router(2L, "r-2-VM", VirtualMachine.State.Running, 1L, null);
        DomainRouterVO a = router(1L, "r-1-VM", VirtualMachine.State.Running, 1L, null);
        DomainRouterVO lb = router(3L, "b-3-VM", VirtualMachine.State.Running, 1L, null);
        when(lb.getRole()).thenReturn(VirtualRouter.Role.INTERNAL_LB_VM);
        when(routerDao.listByVpcId(200L)).thenReturn(List.of(b, lb, a));

        List<DomainRouterVO> routers = observer.routers(new BindingScope(BindingScope.Type.VPC, 200L, "u", "n", 1L));

        assertEquals(List.of(a, b), routers);
    }
}
