package org.apache.cloudstack.vrscaling.lifecycle;

import java.util.Locale;

import javax.inject.Inject;

import org.apache.cloudstack.vrscaling.VrScalingDetails;
import org.apache.cloudstack.vrscaling.VrScalingEventTypes;
import org.apache.cloudstack.vrscaling.VrScalingLabels;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.core.hypervisor.HypervisorSupport;
import org.apache.cloudstack.vrscaling.core.lifecycle.LifecycleAction;
import org.apache.cloudstack.vrscaling.core.lifecycle.RouterTransitionRule;
import org.apache.cloudstack.vrscaling.core.tuning.TuningOutcome;
import org.apache.cloudstack.vrscaling.core.tuning.TuningPort;
import org.apache.cloudstack.vrscaling.tuning.AgentTuningPort;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.hypervisor.Hypervisor.HypervisorType;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.utils.fsm.StateListener;
import com.cloud.utils.fsm.StateMachine2;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VMInstanceDetailVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VmDetailConstants;
import com.cloud.vm.dao.DomainRouterDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

/**
 * Keeps routers of bound networks/VPCs at their profile across every start CloudStack makes (start, reboot, HA,
 * restarts, template upgrade): NIC queues before the start command is built, tuning once Running, and a rescale
 * request for a router that came up at another size. Runs on the management server that made the transition;
 * nothing it does may fail that transition, so every path ends in a log line, never an exception.
 */
public class RouterStateListener
        implements StateListener<VirtualMachine.State, VirtualMachine.Event, VirtualMachine> {
    private static final Logger LOG = LogManager.getLogger(RouterStateListener.class);

    @Inject
    DomainRouterDao routerDao;
    @Inject
    VMInstanceDetailsDao vmDetailsDao;
    @Inject
    ProfileBindings bindings;
    @Inject
    BindingStore bindingStore;
    @Inject
    TuningPort tuningPort;
    @Inject
    ReconcileService reconcileService;
    @Inject
    LifecycleRunner runner;
    @Inject
    LifecycleEvents events;
    @Inject
    VrScalingSettings settings;
    @Inject
    ServiceOfferingDao serviceOfferingDao;

    @Override
    public boolean preStateTransitionEvent(VirtualMachine.State oldState, VirtualMachine.Event event,
                                           VirtualMachine.State newState, VirtualMachine vo, boolean status,
                                           Object opaque) {
        return true;
    }

    @Override
    public boolean postStateTransitionEvent(StateMachine2.Transition<VirtualMachine.State, VirtualMachine.Event> t,
                                            VirtualMachine vo, boolean status, Object opaque) {
        try {
            // status=false: the transition's database update lost a race; the VM did not change state.
            if (!status || t == null || vo == null || vo.getType() != VirtualMachine.Type.DomainRouter) {
                return true;
            }
            LifecycleAction action = RouterTransitionRule.decide(name(t.getCurrentState()), name(t.getEvent()),
                    name(t.getToState()));
            long routerId = vo.getId();
            if (action == LifecycleAction.PREPARE_START) {
                // Synchronous on purpose: the start command copies vm_instance_details right after this returns.
                prepareStart(routerId);
            } else if (action == LifecycleAction.ROUTER_RUNNING) {
                runner.submit("tuning of router " + vo.getInstanceName(), () -> routerRunning(routerId));
            }
        } catch (Throwable e) {
            LOG.warn("VR Scale ignored a failure while handling a state change of {}: {}", vo, e.getMessage(), e);
        }
        return true;
    }

    /** Puts the profile's NIC queue count on a router of a bound scope, or removes VR Scale's one after unbind. */
    void prepareStart(long routerId) {
        DomainRouterVO router = routerDao.findById(routerId);
        if (router == null || !settings.automaticEnabled(router.getDataCenterId())) {
            return;
        }
        BindingScope scope = bindings.scopeOfRouter(router);
        ProfileBindings.Bound bound = bindings.bound(scope);
        if (bound == null) {
            if (scope != null && wasTouched(routerId) && !planRunning(scope, router.getInstanceName())) {
                // The scope was unbound: give the queue count back to CloudStack's default sizing on this boot.
                // The mark stays until the tuning file is gone too (at Running).
                vmDetailsDao.removeDetail(routerId, VmDetailConstants.NIC_MULTIQUEUE_NUMBER);
                LOG.info("Router {} of unbound {}: removed VR Scale's {}", router.getInstanceName(), scope,
                        VmDetailConstants.NIC_MULTIQUEUE_NUMBER);
            }
            return;
        }
        if (router.getServiceOfferingId() != bound.getOffering().getId()) {
            // Born (or reverted) at another size: the queues follow the size, so the rescale sets them with it.
            LOG.info("Router {} of {} starts at offering {} instead of profile {}; it is rescaled once Running",
                    router.getInstanceName(), scope, router.getServiceOfferingId(), bound.getOffering().getName());
            return;
        }
        HypervisorType hypervisor = router.getHypervisorType();
        if (!HypervisorSupport.of(hypervisor == null ? null : hypervisor.name()).setsNicQueues()) {
            // nic.multiqueue.number is a KVM setting: elsewhere the plan leaves the queues alone, and so does this.
            return;
        }
        String queues = String.valueOf(bound.nicQueues());
        VMInstanceDetailVO current = vmDetailsDao.findDetail(routerId, VmDetailConstants.NIC_MULTIQUEUE_NUMBER);
        if (current == null || !queues.equals(current.getValue())) {
            // Marked first: whatever happens next, a later unbind cleans this router up.
            vmDetailsDao.addDetail(routerId, VrScalingDetails.ROUTER_MANAGED, Boolean.TRUE.toString(), false);
            vmDetailsDao.addDetail(routerId, VmDetailConstants.NIC_MULTIQUEUE_NUMBER, queues, true);
            LOG.info("Router {} of {}: {}={} for this start (profile {})", router.getInstanceName(), scope,
                    VmDetailConstants.NIC_MULTIQUEUE_NUMBER, queues, bound.getOffering().getName());
        }
    }

    /** Off the transition thread: tuning for a bound scope, a rescale request, or tuning removal after unbind. */
    void routerRunning(long routerId) {
        DomainRouterVO router = routerDao.findById(routerId);
        if (router == null || router.getState() != VirtualMachine.State.Running
                || !settings.automaticEnabled(router.getDataCenterId())) {
            return;
        }
        String name = router.getInstanceName();
        BindingScope scope = bindings.scopeOfRouter(router);
        ProfileBindings.Bound bound = bindings.bound(scope);
        if (bound == null) {
            if (scope != null && wasTouched(routerId) && !planRunning(scope, name)) {
                TuningOutcome removed = tuningPort.remove(routerId);
                if (removed.isOk()) {
                    LOG.info("Router {} of unbound {}: VR Scale tuning file removed", name, scope);
                } else {
                    LOG.warn("Router {} of unbound {}: removing VR Scale's tuning file did not succeed ({}); "
                            + "retried at its next start", name, scope, removed);
                }
            }
            return;
        }
        if (bindingStore.planRunning(scope)) {
            LOG.debug("Router {} of {} is Running during a VR Scale plan; the plan pushes its tuning", name, scope);
            return;
        }
        if (router.getServiceOfferingId() != bound.getOffering().getId()) {
            // The reason ends up in the rescale's events: names and uuids, not ids.
            reconcileService.request(scope, String.format(Locale.ROOT, "%s came up at %s",
                    VrScalingLabels.router(router), VrScalingLabels.offering(
                            serviceOfferingDao.findByIdIncludingRemoved(router.getServiceOfferingId()))));
            return;
        }
        pushTuning(router, scope, bound);
    }

    private void pushTuning(DomainRouterVO router, BindingScope scope, ProfileBindings.Bound bound) {
        String name = router.getInstanceName();
        String label = VrScalingLabels.router(router);
        String profile = VrScalingLabels.profile(bound.getOffering());
        TuningOutcome applied = tuningPort.apply(router.getId(), bound.getTuning());
        if (!applied.isDelivered()) {
            // Typically the agent extension is missing on the host: say so, but not as an event on every boot.
            LOG.warn("Tuning of router {} ({}) not delivered: {}", name, scope, applied.getMessage());
            return;
        }
        if (applied.isPending()) {
            // Persisted in the router; its module-load hook applies it when nf_conntrack loads. No digest yet, so
            // the next start pushes and verifies again.
            LOG.info("Tuning of router {} ({}) to profile {} is pending: {}", name, scope,
                    bound.getOffering().getName(), applied.getMessage());
            return;
        }
        if (!applied.isOk()) {
            events.warn(VrScalingEventTypes.TUNING, "Tuning of " + label + " of " + scope + " to " + profile
                    + " failed: " + applied.getMessage(), scope);
            return;
        }
        if (!applied.getLimited().isEmpty()) {
            LOG.warn("Tuning of router {} ({}) to profile {} is limited: {}", name, scope,
                    bound.getOffering().getName(), String.join("; ", applied.getWarnings()));
        }
        TuningOutcome verified = tuningPort.verify(router.getId(), bound.getTuning());
        if (verified.isDelivered() && !verified.isOk()) {
            events.warn(VrScalingEventTypes.TUNING, "The " + label + " of " + scope + " was tuned to " + profile
                    + " but values are not in force: " + verified.getMessage(), scope);
            return;
        }
        LOG.info("Router {} of {} tuned to profile {} ({}; verify: {})", name, scope, bound.getOffering().getName(),
                applied.getMessage(), verified);
    }

    /**
     * A scope's first plan binds only once it has succeeded, so while it runs the scope still looks unbound and the
     * routers it restarts carry its mark: they are the plan's, not left-overs of an unbind to clean up.
     */
    private boolean planRunning(BindingScope scope, String routerName) {
        if (!bindingStore.planRunning(scope)) {
            return false;
        }
        LOG.debug("Router {} of {} changes state during a VR Scale plan that has not bound its profile yet; left to "
                + "the plan", routerName, scope);
        return true;
    }

    /**
     * VR Scale changed this router before: it marks a router before its first queue change or push (the digest,
     * written only after a fully successful push, marks routers tuned before the mark existed). Such a router's queue
     * detail and tuning file are VR Scale's, whether its pushes succeeded or not.
     */
    private boolean wasTouched(long routerId) {
        return vmDetailsDao.findDetail(routerId, VrScalingDetails.ROUTER_MANAGED) != null
                || vmDetailsDao.findDetail(routerId, AgentTuningPort.DIGEST_DETAIL) != null;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
