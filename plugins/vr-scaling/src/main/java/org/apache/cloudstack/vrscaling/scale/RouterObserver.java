package org.apache.cloudstack.vrscaling.scale;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.inject.Inject;

import org.apache.cloudstack.api.ResourceDetail;
import org.apache.cloudstack.vrscaling.VrScalingErrors;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.core.plan.RedundantRole;
import org.apache.cloudstack.vrscaling.core.plan.RouterObservation;
import org.apache.cloudstack.vrscaling.core.plan.RouterRunState;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;

import com.cloud.network.router.VirtualRouter;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VmDetailConstants;
import com.cloud.vm.dao.DomainRouterDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

/** Reads routers from CloudStack and describes them the way the core planner understands. */
public class RouterObserver {
    @Inject
    DomainRouterDao routerDao;
    @Inject
    ServiceOfferingDao serviceOfferingDao;
    @Inject
    VMInstanceDetailsDao vmDetailsDao;

    /**
     * Refuses an internal load-balancer VM (a DomainRouter row too) named as routerid: VR Scale neither scales nor
     * measures it; every routerid entry point calls this.
     */
    public static DomainRouterVO requireVirtualRouter(DomainRouterVO router) {
        if (router.getRole() != null && router.getRole() != VirtualRouter.Role.VIRTUAL_ROUTER) {
            throw VrScalingErrors.badInput(router.getInstanceName() + " is a " + router.getRole()
                    + " appliance, not a virtual router");
        }
        return router;
    }

    /** The virtual routers of a network or VPC (internal LB VMs excluded), by name for stable output. */
    public List<DomainRouterVO> routers(BindingScope scope) {
        List<DomainRouterVO> found = scope.isVpc() ? routerDao.listByVpcId(scope.getId())
                : routerDao.listByNetworkAndRole(scope.getId(), VirtualRouter.Role.VIRTUAL_ROUTER);
        List<DomainRouterVO> routers = new ArrayList<>();
        if (found != null) {
            for (DomainRouterVO router : found) {
                if (router.getRole() == null || router.getRole() == VirtualRouter.Role.VIRTUAL_ROUTER) {
                    routers.add(router);
                }
            }
        }
        routers.sort(Comparator.comparing(DomainRouterVO::getInstanceName));
        return routers;
    }

    public RouterObservation observe(DomainRouterVO router) {
        ServiceOfferingVO offering = serviceOfferingDao.findByIdIncludingRemoved(router.getServiceOfferingId());
        RedundantRole role = router.getIsRedundantRouter()
                ? RedundantRole.fromName(router.getRedundantState() == null ? "UNKNOWN"
                        : router.getRedundantState().name())
                : RedundantRole.NONE;
        return new RouterObservation(router.getId(), router.getUuid(), router.getInstanceName(),
                RouterRunState.fromName(router.getState() == null ? null : router.getState().name()),
                router.getIsRedundantRouter(), role, router.getServiceOfferingId(), sizeOf(offering),
                router.getHostId(), nicQueues(router.getId()),
                router.getHypervisorType() == null ? null : router.getHypervisorType().name());
    }

    public List<RouterObservation> observe(List<DomainRouterVO> routers) {
        List<RouterObservation> observations = new ArrayList<>();
        for (DomainRouterVO router : routers) {
            observations.add(observe(router));
        }
        return observations;
    }

    /** The router's nic.multiqueue.number detail, or null when unset or unreadable (one queue per NIC). */
    public Integer nicQueues(long routerId) {
        ResourceDetail detail = vmDetailsDao.findDetail(routerId, VmDetailConstants.NIC_MULTIQUEUE_NUMBER);
        if (detail == null || detail.getValue() == null) {
            return null;
        }
        try {
            return Integer.valueOf(detail.getValue().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static RouterSize sizeOf(ServiceOfferingVO offering) {
        if (offering == null || offering.getCpu() == null || offering.getSpeed() == null
                || offering.getRamSize() == null) {
            return null;
        }
        try {
            return new RouterSize(offering.getCpu(), offering.getSpeed(), offering.getRamSize());
        } catch (IllegalArgumentException e) {
            // Odd legacy offerings (e.g. 0 MHz) are still routers: plan them, just without a size to compare.
            return null;
        }
    }
}
