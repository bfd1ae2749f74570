package org.apache.cloudstack.vrscaling.lifecycle;

import java.util.List;
import java.util.function.Consumer;

import javax.inject.Inject;

import org.apache.cloudstack.api.ApiCommandResourceType;
import org.apache.cloudstack.vrscaling.VrScalingErrors;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.profile.ProfileService;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.network.dao.NetworkDao;
import com.cloud.network.dao.NetworkVO;
import com.cloud.network.vpc.VpcVO;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.dao.DomainRouterDao;

/**
 * Answers "which network/VPC does this router or job belong to, and which profile is bound to it" for the lifecycle
 * hook. Unlike scaleVirtualRouterProfile it never refuses: a network in any state may have a binding.
 */
public class ProfileBindings {
    private static final Logger LOG = LogManager.getLogger(ProfileBindings.class);

    @Inject
    BindingStore bindingStore;
    @Inject
    ProfileService profileService;
    @Inject
    ServiceOfferingDao serviceOfferingDao;
    @Inject
    NetworkDao networkDao;
    @Inject
    VpcDao vpcDao;
    @Inject
    DomainRouterDao routerDao;
    @Inject
    VrScalingSettings settings;
    @Inject
    ScopeLock scopeLock;

    /** A bound profile as the hook needs it: the offering and the tuning for the scope's zone. */
    public static final class Bound {
        private final ServiceOfferingVO offering;
        private final KernelTuning tuning;

        public Bound(ServiceOfferingVO offering, KernelTuning tuning) {
            this.offering = offering;
            this.tuning = tuning;
        }

        public ServiceOfferingVO getOffering() {
            return offering;
        }

        public KernelTuning getTuning() {
            return tuning;
        }

        public int nicQueues() {
            return (int) tuning.value(TuningKey.NIC_QUEUES);
        }
    }

    /** The network or VPC the router serves (a VPC tier's router belongs to its VPC), or null. */
    public BindingScope scopeOfRouter(DomainRouterVO router) {
        if (router.getVpcId() != null) {
            return vpcScope(router.getVpcId());
        }
        List<Long> networks = routerDao.getRouterNetworks(router.getId());
        return networks == null || networks.isEmpty() ? null : networkScope(networks.get(0));
    }

    /** The network or VPC a job ran on, from its instance type and id as ApiServer records them, or null. */
    public BindingScope scopeOfJob(String instanceType, Long instanceId) {
        if (instanceId == null || instanceType == null) {
            return null;
        }
        if (ApiCommandResourceType.Network.toString().equals(instanceType)) {
            return networkScope(instanceId);
        }
        if (ApiCommandResourceType.Vpc.toString().equals(instanceType)) {
            return vpcScope(instanceId);
        }
        return null;
    }

    /** A network scope; a VPC tier resolves to its VPC, which holds the binding and the routers. */
    public BindingScope networkScope(long networkId) {
        NetworkVO network = networkDao.findById(networkId);
        if (network == null) {
            return null;
        }
        if (network.getVpcId() != null) {
            return vpcScope(network.getVpcId());
        }
        return new BindingScope(BindingScope.Type.NETWORK, network.getId(), network.getUuid(), network.getName(),
                network.getDataCenterId());
    }

    public BindingScope vpcScope(long vpcId) {
        VpcVO vpc = vpcDao.findById(vpcId);
        return vpc == null ? null : new BindingScope(BindingScope.Type.VPC, vpc.getId(), vpc.getUuid(), vpc.getName(),
                vpc.getZoneId());
    }

    /** The profile bound to the scope, or null when none is (or the bound one is gone: logged, treated as none). */
    public Bound bound(BindingScope scope) {
        if (scope == null) {
            return null;
        }
        String uuid = bindingStore.boundProfile(scope);
        if (uuid == null || uuid.isEmpty()) {
            return null;
        }
        ServiceOfferingVO offering = serviceOfferingDao.findByUuid(uuid);
        if (offering == null || !profileService.isProfile(offering.getId())) {
            LOG.warn("{} is bound to profile {} which no longer exists; ignoring the binding", scope, uuid);
            return null;
        }
        KernelTuning tuning = profileService.toProfile(offering)
                .effectiveTuning(settings.sizingModel(scope.getZoneId()));
        return new Bound(offering, tuning);
    }

    /**
     * Removes the binding of exactly one network or VPC. Its routers are not touched: they keep their size until
     * CloudStack next recreates them, and lose the tuning file at their next start.
     *
     * @return the scope that was unbound
     */
    public BindingScope unbind(Long networkId, Long vpcId) {
        return unbind(networkId, vpcId, scope -> { });
    }

    /**
     * As {@link #unbind(Long, Long)}, then runs {@code thenUnderTheLock} before the scope's lock is released, so
     * that what follows from the unbind (the pre-sizing switch back) cannot interleave with a plan that starts now.
     */
    public BindingScope unbind(Long networkId, Long vpcId, Consumer<BindingScope> thenUnderTheLock) {
        if ((networkId == null) == (vpcId == null)) {
            throw VrScalingErrors.badInput("Exactly one of networkid or vpcid is required");
        }
        BindingScope scope;
        if (networkId != null) {
            NetworkVO network = networkDao.findById(networkId);
            if (network == null) {
                throw VrScalingErrors.badInput("Unable to find network with id " + networkId);
            }
            if (network.getVpcId() != null) {
                throw VrScalingErrors.badInput("Network " + network.getName() + " (" + network.getUuid() + ") is a "
                        + "VPC tier: its routers belong to the VPC, reset the VPC's profile with vpcid");
            }
            scope = networkScope(networkId);
        } else {
            scope = vpcScope(vpcId);
            if (scope == null) {
                throw VrScalingErrors.badInput("Unable to find VPC with id " + vpcId);
            }
        }
        // Under the scope's lock, as every writer: a scale holds it from before its plan is marked RUNNING.
        ScopeLock.Held held = scopeLock.tryLock(scope);
        try {
            if (held == null || bindingStore.planRunning(scope)) {
                // The plan (an API scale or the automatic rescale) ends by syncing the offering with the binding.
                throw VrScalingErrors.refused(scope + " is being rescaled by a VR Scale plan: reset it once the plan "
                        + "has finished (its progress is in the vrscaling.step detail); nothing was changed");
            }
            if (!bindingStore.unbind(scope)) {
                throw VrScalingErrors.badInput(scope + " has no virtual router profile");
            }
            bindingStore.automaticReset(scope);
            thenUnderTheLock.accept(scope);
        } finally {
            if (held != null) {
                held.close();
            }
        }
        LOG.info("Virtual router profile binding removed from {}; its routers keep their size until CloudStack "
                + "recreates them and lose the tuning file at their next start", scope);
        return scope;
    }
}
