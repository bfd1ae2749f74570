package org.apache.cloudstack.vrscaling.presize;

import java.util.Locale;

import javax.inject.Inject;

import org.apache.cloudstack.vrscaling.VrScalingEventTypes;
import org.apache.cloudstack.vrscaling.VrScalingLabels;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.core.presize.PresizeDecision;
import org.apache.cloudstack.vrscaling.core.presize.PresizeRule;
import org.apache.cloudstack.vrscaling.core.presize.PresizeState;
import org.apache.cloudstack.vrscaling.lifecycle.LifecycleEvents;
import org.apache.cloudstack.vrscaling.lifecycle.ProfileBindings;
import org.apache.cloudstack.vrscaling.lifecycle.ScopeLock;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.network.dao.NetworkDao;
import com.cloud.network.dao.NetworkVO;
import com.cloud.network.vpc.VpcOfferingVO;
import com.cloud.network.vpc.VpcVO;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.offerings.NetworkOfferingVO;
import com.cloud.service.ServiceOfferingVO;

/**
 * Pre-sizing (vrscaling.presize.enabled): keeps a bound network/VPC on a derived copy of its offering whose router
 * offering is the profile, and puts it back on its own offering when unbound or switched off. The decision is the
 * core's {@link PresizeRule}; this class reads the state, carries the decision out and records what it did.
 * It never throws: pre-sizing only saves a reboot, and the rescale after a restart still covers a scope it skips.
 */
public class PresizeService {
    private static final Logger LOG = LogManager.getLogger(PresizeService.class);

    @Inject
    BindingStore bindingStore;
    @Inject
    ProfileBindings bindings;
    @Inject
    DerivedNetworkOfferings networkOfferings;
    @Inject
    DerivedVpcOfferings vpcOfferings;
    @Inject
    OfferingSwitcher switcher;
    @Inject
    NetworkDao networkDao;
    @Inject
    VpcDao vpcDao;
    @Inject
    VrScalingSettings settings;
    @Inject
    LifecycleEvents events;
    @Inject
    ScopeLock scopeLock;

    /**
     * Brings the scope's offering in line with its binding.
     *
     * @return what changed or why pre-sizing was refused, for reports; null when nothing changed
     */
    public String sync(BindingScope scope) {
        if (scope == null) {
            return null;
        }
        try {
            return syncOrThrow(scope);
        } catch (PresizeRefusedException e) {
            String message = "Pre-sizing of " + scope + " refused, nothing switched: " + e.getMessage()
                    + ". Routers CloudStack recreates are rescaled after its job instead (one extra reboot each).";
            LOG.warn(message);
            bindingStore.note(scope, message);
            events.warn(VrScalingEventTypes.PRESIZE, message, scope);
            return message;
        } catch (RuntimeException e) {
            String message = "Pre-sizing of " + scope + " failed: " + e.getMessage();
            LOG.warn(message, e);
            bindingStore.note(scope, message);
            events.warn(VrScalingEventTypes.PRESIZE, message, scope);
            return message;
        }
    }

    /**
     * Syncs every network/VPC that carries a switch record: the ones whose binding is gone, or whose zone switched
     * pre-sizing off, go back to their own offering. Used at start-up and after a forced profile delete.
     *
     * @return how many scopes were synced
     */
    public int syncAllRecorded(String why) {
        int synced = 0;
        for (BindingScope.Type type : BindingScope.Type.values()) {
            for (Long id : bindingStore.presizedIds(type)) {
                BindingScope scope = type == BindingScope.Type.VPC ? bindings.vpcScope(id) : bindings.networkScope(id);
                if (scope != null && scope.getType() == type && syncUnderTheLock(scope, why)) {
                    synced++;
                }
            }
        }
        return synced;
    }

    /** Outside a plan, under the scope's lock as every writer; a plan holding it syncs the offering as it ends. */
    private boolean syncUnderTheLock(BindingScope scope, String why) {
        ScopeLock.Held held = scopeLock.tryLock(scope);
        if (held == null) {
            LOG.info("Pre-sizing check of {} ({}) skipped: a VR Scale plan or reset holds its lock and brings the "
                    + "offering in line with the binding when it ends", scope, why);
            return false;
        }
        try {
            LOG.debug("Pre-sizing check of {} ({})", scope, why);
            sync(scope);
            return true;
        } finally {
            held.close();
        }
    }

    private String syncOrThrow(BindingScope scope) {
        Current current = current(scope);
        if (current == null) {
            return null;
        }
        ServiceOfferingVO profile = boundProfile(scope);
        BindingStore.PresizeRecord record = bindingStore.presizeRecord(scope);
        PresizeState state = new PresizeState(settings.presizeEnabled(scope.getZoneId()),
                profile == null ? null : profile.getId(), current.offeringId, current.routerOfferingId,
                record == null ? null : record.getSourceOfferingId(),
                record == null ? null : record.getDerivedOfferingId(), record == null ? null : record.getProfileId());
        PresizeDecision decision = PresizeRule.decide(state);
        LOG.debug("Pre-sizing of {}: {}", scope, decision);
        if (decision.isDropRecord()) {
            bindingStore.clearPresize(scope);
            removeIfUnused(scope, record.getDerivedOfferingId());
            LOG.info("{} no longer uses the offering VR Scale switched it to; switch record dropped", scope);
        }
        switch (decision.getAction()) {
            case SWITCH_TO_DERIVED:
                return switchToDerived(scope, current.offeringId, decision.getSourceOfferingId(), profile,
                        decision.isDropRecord() ? null : record);
            case RESTORE_SOURCE:
                return restore(scope, current.offeringId, record);
            default:
                return null;
        }
    }

    private String switchToDerived(BindingScope scope, long currentOfferingId, long sourceOfferingId,
                                   ServiceOfferingVO profile, BindingStore.PresizeRecord previous) {
        long derivedId;
        String derivedName;
        int usageEvents = 0;
        if (scope.isVpc()) {
            VpcOfferingVO derived = vpcOfferings.findOrCreate(sourceOfferingId, profile);
            derivedId = derived.getId();
            derivedName = VrScalingLabels.vpcOffering(derived);
        } else {
            NetworkOfferingVO derived = networkOfferings.findOrCreate(sourceOfferingId, profile);
            derivedId = derived.getId();
            derivedName = VrScalingLabels.networkOffering(derived);
        }
        try {
            if (scope.isVpc()) {
                switcher.switchVpc(scope.getId(), currentOfferingId, derivedId);
            } else {
                usageEvents = switcher.switchNetwork(scope.getId(), currentOfferingId, derivedId);
            }
        } catch (RuntimeException e) {
            // A copy made for this switch must not stay behind unused.
            removeIfUnused(scope, derivedId);
            throw e;
        }
        bindingStore.recordPresize(scope, new BindingStore.PresizeRecord(sourceOfferingId, derivedId,
                profile.getId()));
        if (previous != null && previous.getDerivedOfferingId() != derivedId) {
            removeIfUnused(scope, previous.getDerivedOfferingId());
        }
        String message = String.format(Locale.ROOT, "%s now uses %s (copy of %s whose routers start at %s): "
                + "routers CloudStack creates for it from now on start at the profile's size%s", scope, derivedName,
                offeringLabel(scope, sourceOfferingId), VrScalingLabels.profile(profile), scope.isVpc() ? ""
                : String.format(Locale.ROOT, "; %d NIC(s) got network offering usage events", usageEvents));
        LOG.info(message);
        events.info(VrScalingEventTypes.PRESIZE, message, scope);
        return message;
    }

    private String restore(BindingScope scope, long currentOfferingId, BindingStore.PresizeRecord record) {
        int usageEvents = 0;
        if (scope.isVpc()) {
            switcher.switchVpc(scope.getId(), currentOfferingId, record.getSourceOfferingId());
        } else {
            usageEvents = switcher.switchNetwork(scope.getId(), currentOfferingId, record.getSourceOfferingId());
        }
        bindingStore.clearPresize(scope);
        removeIfUnused(scope, record.getDerivedOfferingId());
        String message = String.format(Locale.ROOT, "%s is back on its own %s: new routers start at "
                + "CloudStack's default size again%s", scope, offeringLabel(scope, record.getSourceOfferingId()),
                scope.isVpc() ? ""
                : String.format(Locale.ROOT, "; %d NIC(s) got network offering usage events", usageEvents));
        LOG.info(message);
        events.info(VrScalingEventTypes.PRESIZE, message, scope);
        return message;
    }

    /** The scope's kind of offering by name and uuid, for events. */
    private String offeringLabel(BindingScope scope, long offeringId) {
        return scope.isVpc() ? VrScalingLabels.vpcOffering(vpcOfferings.find(offeringId))
                : VrScalingLabels.networkOffering(networkOfferings.find(offeringId));
    }

    private void removeIfUnused(BindingScope scope, long derivedOfferingId) {
        if (scope.isVpc()) {
            vpcOfferings.removeIfUnused(derivedOfferingId);
        } else {
            networkOfferings.removeIfUnused(derivedOfferingId);
        }
    }

    private ServiceOfferingVO boundProfile(BindingScope scope) {
        ProfileBindings.Bound bound = bindings.bound(scope);
        return bound == null ? null : bound.getOffering();
    }

    /** The offering the scope uses now and the router offering that offering names; null for a scope gone. */
    private Current current(BindingScope scope) {
        if (scope.isVpc()) {
            VpcVO vpc = vpcDao.findById(scope.getId());
            if (vpc == null) {
                return null;
            }
            VpcOfferingVO offering = vpcOfferings.find(vpc.getVpcOfferingId());
            return new Current(vpc.getVpcOfferingId(), offering == null ? null : offering.getServiceOfferingId());
        }
        NetworkVO network = networkDao.findById(scope.getId());
        if (network == null || network.getVpcId() != null) {
            return null;
        }
        NetworkOfferingVO offering = networkOfferings.find(network.getNetworkOfferingId());
        return new Current(network.getNetworkOfferingId(), offering == null ? null : offering.getServiceOfferingId());
    }

    private static final class Current {
        private final long offeringId;
        private final Long routerOfferingId;

        Current(long offeringId, Long routerOfferingId) {
            this.offeringId = offeringId;
            this.routerOfferingId = routerOfferingId;
        }
    }
}
