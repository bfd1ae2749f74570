package org.apache.cloudstack.vrscaling.scale;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.inject.Inject;

import org.apache.cloudstack.vrscaling.VrScalingErrors;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.core.plan.RouterStep;
import org.apache.cloudstack.vrscaling.core.plan.StepAction;

import com.cloud.capacity.Capacity;
import com.cloud.capacity.CapacityManager;
import com.cloud.capacity.CapacityVO;
import com.cloud.capacity.dao.CapacityDao;
import com.cloud.host.HostVO;
import com.cloud.resource.ResourceManager;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VirtualMachine;

/**
 * Before anything stops: does each router the plan resizes fit, at its new size, on a host it may start on? Asks
 * CloudStack's capacity manager (the same checks its planners make: CPU cores and speed, free CPU and memory with
 * the cluster's overcommit, reserved capacity counted). A router's current host counts what it frees by stopping.
 * A redundant router that fits only where its peer runs gets a warning: CloudStack places it there only as its
 * last resort, and the pair then shares one host.
 */
public class CapacityCheck {
    /** Hosts named in a refusal; a zone can have hundreds. */
    static final int HOSTS_LISTED = 5;
    private static final long MIB = 1024L * 1024L;

    @Inject
    ResourceManager resourceManager;
    @Inject
    CapacityManager capacityManager;
    @Inject
    CapacityDao capacityDao;
    @Inject
    ServiceOfferingDao serviceOfferingDao;

    /**
     * Returns warnings for the plan; throws UNSUPPORTED_ACTION_ERROR, naming the router, the size it needs and
     * what the hosts have free, when a router fits on no host.
     */
    public List<String> check(BindingScope scope, List<RouterStep> steps, List<DomainRouterVO> routers,
                              ServiceOfferingVO target) {
        List<String> warnings = new ArrayList<>();
        for (RouterStep step : steps) {
            if (!step.getActions().contains(StepAction.CHANGE_OFFERING)) {
                continue;
            }
            DomainRouterVO router = find(routers, step.getRouter().getId());
            if (router == null) {
                continue;
            }
            String warning = checkRouter(scope, router, routers, target);
            if (warning != null) {
                warnings.add(warning);
            }
        }
        return warnings;
    }

    private String checkRouter(BindingScope scope, DomainRouterVO router, List<DomainRouterVO> routers,
                               ServiceOfferingVO target) {
        ServiceOfferingVO current = serviceOfferingDao.findByIdIncludingRemoved(router.getServiceOfferingId());
        Set<Long> peerHosts = peerHosts(router, routers);
        List<HostVO> hosts = resourceManager.listAllUpAndEnabledHostsInOneZoneByHypervisor(
                router.getHypervisorType(), router.getDataCenterId());
        List<String> fitting = new ArrayList<>();
        List<String> fittingApart = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (HostVO host : hosts) {
            String miss = miss(host, router, current, target);
            if (miss == null) {
                fitting.add(host.getName());
                if (!peerHosts.contains(host.getId())) {
                    fittingApart.add(host.getName());
                }
            } else if (misses.size() < HOSTS_LISTED) {
                misses.add(miss);
            }
        }
        String need = String.format(Locale.ROOT, "%d x %d MHz and %d MiB", target.getCpu(), target.getSpeed(),
                target.getRamSize());
        if (fitting.isEmpty()) {
            throw VrScalingErrors.refused(String.format(Locale.ROOT, "Refused, nothing was changed: router %s (%s) of "
                    + "%s needs %s (profile %s) and no Up and Enabled %s host of its zone can start it at that size%s. "
                    + "Free capacity or pick a smaller profile.", router.getInstanceName(), router.getUuid(), scope,
                    need, target.getName(), router.getHypervisorType(),
                    hosts.isEmpty() ? " (there is none)" : ": " + String.join("; ", misses)
                            + (hosts.size() > misses.size() ? "; ..." : "")));
        }
        if (router.getIsRedundantRouter() && fittingApart.isEmpty()) {
            return String.format(Locale.ROOT, "%s fits at %s only on %s, where its peer runs: CloudStack starts it "
                    + "there only as a last resort, and both members then share one host", router.getInstanceName(),
                    need, String.join(", ", fitting));
        }
        return null;
    }

    /** Why the router cannot start on the host at the target size, with the numbers; null when it can. */
    private String miss(HostVO host, DomainRouterVO router, ServiceOfferingVO current, ServiceOfferingVO target) {
        if (!capacityManager.checkIfHostHasCpuCapability(host, target.getCpu(), target.getSpeed())) {
            return String.format(Locale.ROOT, "%s has %d x %d MHz cores", host.getName(), host.getCpus(),
                    host.getSpeed());
        }
        long cpu = (long) target.getCpu() * target.getSpeed();
        long ram = target.getRamSize() * MIB;
        boolean here = router.getState() == VirtualMachine.State.Running && router.getHostId() != null
                && router.getHostId() == host.getId();
        if (here && current != null) {
            // Stopping the router frees its current size on this host.
            cpu = Math.max(0, cpu - (long) current.getCpu() * current.getSpeed());
            ram = Math.max(0, ram - current.getRamSize() * MIB);
        }
        float cpuRatio = capacityManager.getClusterOverProvisioningFactor(host.getClusterId(),
                Capacity.CAPACITY_TYPE_CPU);
        float memoryRatio = capacityManager.getClusterOverProvisioningFactor(host.getClusterId(),
                Capacity.CAPACITY_TYPE_MEMORY);
        if (capacityManager.checkIfHostHasCapacity(host, (int) cpu, ram, false, cpuRatio, memoryRatio, true)) {
            return null;
        }
        return String.format(Locale.ROOT, "%s has %s MHz and %s MiB free%s", host.getName(),
                free(host, Capacity.CAPACITY_TYPE_CPU, cpuRatio, 1), free(host, Capacity.CAPACITY_TYPE_MEMORY,
                        memoryRatio, MIB), here ? " besides the router's current size" : "");
    }

    /** Total with overcommit, minus used and reserved, as CloudStack counts it; "?" without a capacity row. */
    private String free(HostVO host, short type, float ratio, long unit) {
        CapacityVO row = capacityDao.findByHostIdType(host.getId(), type);
        if (row == null) {
            return "?";
        }
        long free = (long) (row.getTotalCapacity() * ratio) - row.getUsedCapacity() - row.getReservedCapacity();
        return String.valueOf(Math.max(0, free) / unit);
    }

    private static Set<Long> peerHosts(DomainRouterVO router, List<DomainRouterVO> routers) {
        Set<Long> hosts = new HashSet<>();
        if (!router.getIsRedundantRouter()) {
            return hosts;
        }
        for (DomainRouterVO other : routers) {
            if (other.getId() != router.getId() && other.getIsRedundantRouter()
                    && other.getState() == VirtualMachine.State.Running && other.getHostId() != null) {
                hosts.add(other.getHostId());
            }
        }
        return hosts;
    }

    private static DomainRouterVO find(List<DomainRouterVO> routers, long id) {
        for (DomainRouterVO router : routers) {
            if (router.getId() == id) {
                return router;
            }
        }
        return null;
    }
}
