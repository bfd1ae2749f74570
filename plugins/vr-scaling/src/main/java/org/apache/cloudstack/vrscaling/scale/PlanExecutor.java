package org.apache.cloudstack.vrscaling.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.inject.Inject;

import org.apache.cloudstack.vrscaling.VrScalingDetails;
import org.apache.cloudstack.vrscaling.VrScalingErrors;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.core.plan.RouterObservation;
import org.apache.cloudstack.vrscaling.core.plan.RouterStep;
import org.apache.cloudstack.vrscaling.core.plan.StepAction;
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.tuning.TuningOutcome;
import org.apache.cloudstack.vrscaling.core.tuning.TuningPort;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.network.VpcVirtualNetworkApplianceService;
import com.cloud.network.router.VirtualRouter;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VirtualMachineManager;
import com.cloud.vm.VmDetailConstants;
import com.cloud.vm.dao.DomainRouterDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

/**
 * Runs a plan's steps with CloudStack's own services. Each action is dumb and idempotent; a failure reverts the
 * router it happened on (previous offering and queue detail, started again) and stops the plan.
 */
public class PlanExecutor {
    static final long POLL_MILLIS = 5_000L;
    /** A revert's start can meet a passing shortage (a host reconnecting, capacity being freed): try a few times. */
    static final int REVERT_START_ATTEMPTS = 3;
    static final long REVERT_START_RETRY_MILLIS = 30_000L;

    private static final Logger LOG = LogManager.getLogger(PlanExecutor.class);

    /** CloudStack has two router managers (the VPC one extends the other) and injects them by the VPC type. */
    @Inject
    VpcVirtualNetworkApplianceService routerService;
    @Inject
    DomainRouterDao routerDao;
    @Inject
    VMInstanceDetailsDao vmDetailsDao;
    @Inject
    ServiceOfferingDao serviceOfferingDao;
    @Inject
    VirtualMachineManager vmManager;
    @Inject
    TuningPort tuningPort;
    @Inject
    BindingStore bindingStore;
    @Inject
    VrScalingSettings settings;
    @Inject
    RouterRoleProbe roleProbe;
    @Inject
    RouterObserver routerObserver;

    Sleeper sleeper = Sleeper.SYSTEM;

    /**
     * Runs every step in order and returns what happened to each router. Throws INTERNAL_ERROR after reverting
     * the router whose step failed; routers later in the plan are not touched.
     */
    public List<RouterReport> execute(BindingScope scope, List<RouterStep> steps, KernelTuning tuning,
                                      boolean targetLocalStorage, List<String> warnings) {
        List<RouterReport> reports = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            RouterReport report = new RouterReport(steps.get(i));
            reports.add(report);
            runStep(scope, steps, i, tuning, targetLocalStorage, report, warnings, reports);
        }
        return reports;
    }

    private void runStep(BindingScope scope, List<RouterStep> steps, int index, KernelTuning tuning,
                         boolean targetLocal, RouterReport report, List<String> warnings, List<RouterReport> reports) {
        RouterStep step = steps.get(index);
        RouterObservation router = step.getRouter();
        boolean offeringChanged = false;
        boolean queuesChanged = false;
        StepAction current = null;
        try {
            for (StepAction action : step.getActions()) {
                current = action;
                bindingStore.step(scope, String.format(Locale.ROOT, "%d/%d %s %s", index + 1, steps.size(),
                        router.getName(), action));
                switch (action) {
                    case STOP:
                        checkPeersRunning(scope, router);
                        // Recorded first, so a clean-up after a crash knows this router may need starting.
                        bindingStore.touched(scope, router.getId(), router.getOfferingId());
                        routerService.stopRouter(router.getId(), false);
                        break;
                    case CHANGE_OFFERING:
                        offeringChanged = changeOffering(router.getId(), step.getTargetOfferingId(), targetLocal);
                        break;
                    case SET_NIC_QUEUES:
                        setNicQueues(router.getId(), step.getTargetNicQueues());
                        queuesChanged = true;
                        break;
                    case START:
                        routerService.startRouter(router.getId(), true);
                        break;
                    case WAIT_RUNNING:
                        waitRunning(router);
                        break;
                    case WAIT_REDUNDANT_ROLE:
                        waitRole(router, report);
                        break;
                    case PUSH_TUNING:
                        report.tuning(push(router.getId(), tuning));
                        if (!report.getTuning().isOk() && !report.getTuning().isPending()) {
                            warnings.add("Tuning " + (report.getTuning().isDelivered() ? "failed" : "not delivered")
                                    + " on " + router.getName() + ": " + report.getTuning().getMessage()
                                    + " (its size change stands; run the scale again to re-push)");
                        }
                        // Limited (the router's RAM budget) and pending (nf_conntrack not loaded): delivered, but
                        // not what was asked, or not yet.
                        for (String warning : report.getTuning().getWarnings()) {
                            warnings.add("Tuning on " + router.getName() + ": " + warning);
                        }
                        break;
                    case VERIFY:
                        verify(router.getId(), tuning, report);
                        if (report.getVerification() != null && report.getVerification().isPending()) {
                            report.note("not verified yet: settings wait for nf_conntrack to load");
                        } else if (report.getVerification() != null && report.getVerification().isDelivered()
                                && !report.getVerification().isOk()) {
                            warnings.add("Verification on " + router.getName() + " found values not in force: "
                                    + report.getVerification().getMessage());
                        }
                        break;
                    default:
                        throw new IllegalStateException("unknown step action " + action);
                }
                report.done(action);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String reverted = revert(step, offeringChanged, queuesChanged, report);
            String message = String.format(Locale.ROOT, "Scaling %s failed at step %s on router %s (%s): %s. "
                    + "Reverted: %s. The plan stopped there%s%s.", scope, current, router.getName(), router.getUuid(),
                    e.getMessage(), reverted, summary(reports, step), untouched(steps, index));
            LOG.warn(message, e);
            throw VrScalingErrors.failed(message);
        }
    }

    /** Points a stopped router at the target offering after the checks changeServiceForRouter makes. */
    boolean changeOffering(long routerId, long targetOfferingId, boolean targetLocal) {
        DomainRouterVO router = routerDao.findById(routerId);
        if (router == null) {
            throw new IllegalStateException("the router no longer exists");
        }
        if (router.getServiceOfferingId() == targetOfferingId) {
            return false;
        }
        if (router.getState() != VirtualMachine.State.Stopped) {
            throw new IllegalStateException("the router is " + router.getState() + ", and CloudStack changes a "
                    + "router's offering only while it is Stopped");
        }
        ServiceOfferingVO offering = serviceOfferingDao.findById(targetOfferingId);
        if (offering == null || !offering.isSystemUse()) {
            throw new IllegalStateException("offering " + targetOfferingId + " is gone or not a system offering");
        }
        if (vmManager.isRootVolumeOnLocalStorage(routerId) != targetLocal) {
            throw new IllegalStateException("the router's root volume is on " + (targetLocal ? "shared" : "local")
                    + " storage and the profile is for " + (targetLocal ? "local" : "shared") + " storage");
        }
        router.setServiceOfferingId(targetOfferingId);
        if (!routerDao.update(routerId, router)) {
            throw new IllegalStateException("the database refused the offering change");
        }
        return true;
    }

    private void setNicQueues(long routerId, int queues) {
        // Marked first: whatever happens next, a later unbind cleans this router up.
        vmDetailsDao.addDetail(routerId, VrScalingDetails.ROUTER_MANAGED, Boolean.TRUE.toString(), false);
        vmDetailsDao.addDetail(routerId, VmDetailConstants.NIC_MULTIQUEUE_NUMBER, String.valueOf(queues), true);
    }

    private void waitRunning(RouterObservation router) throws InterruptedException {
        int seconds = settings.roleWaitSeconds();
        long deadline = sleeper.nowMillis() + seconds * 1000L;
        while (true) {
            DomainRouterVO now = routerDao.findById(router.getId());
            VirtualMachine.State state = now == null ? null : now.getState();
            if (state == VirtualMachine.State.Running) {
                return;
            }
            if (state != VirtualMachine.State.Starting) {
                throw new IllegalStateException("the router is " + state + " after its start, not Running");
            }
            if (sleeper.nowMillis() >= deadline) {
                throw new IllegalStateException("the router is still Starting after " + seconds + " s");
            }
            sleeper.sleep(POLL_MILLIS);
        }
    }

    /**
     * Waits for the restarted router itself to answer CheckRouterCommand with BACKUP or PRIMARY. Without that answer
     * within the bound the plan fails here, on the router just restarted, before its peer is touched.
     */
    private void waitRole(RouterObservation router, RouterReport report) throws InterruptedException {
        int seconds = settings.roleWaitSeconds();
        long deadline = sleeper.nowMillis() + seconds * 1000L;
        VirtualRouter.RedundantState last = null;
        while (true) {
            DomainRouterVO now = routerDao.findById(router.getId());
            if (now == null || now.getState() != VirtualMachine.State.Running) {
                throw new IllegalStateException("the router is " + (now == null ? "gone" : now.getState())
                        + " while waiting for its VRRP role");
            }
            last = roleProbe.ask(now);
            if (last == VirtualRouter.RedundantState.BACKUP || last == VirtualRouter.RedundantState.PRIMARY) {
                report.note("reports " + last + " after its restart (asked the router)");
                return;
            }
            if (sleeper.nowMillis() >= deadline) {
                throw new IllegalStateException(String.format(Locale.ROOT, "the router reported no VRRP role within "
                        + "%d s after its start (last answer: %s; vrscaling.rvr.role.wait.seconds): its peer was not "
                        + "touched and keeps forwarding", seconds, last));
            }
            sleeper.sleep(POLL_MILLIS);
        }
    }

    /**
     * Right before a redundant router is stopped, every other member of its pair must be Running: read now, not
     * from the plan, because CloudStack, an operator or HA can have stopped the peer since.
     */
    private void checkPeersRunning(BindingScope scope, RouterObservation router) {
        if (!router.isRedundant()) {
            return;
        }
        for (DomainRouterVO peer : routerObserver.routers(scope)) {
            if (peer.getId() == router.getId() || !peer.getIsRedundantRouter()
                    || peer.getState() == VirtualMachine.State.Destroyed
                    || peer.getState() == VirtualMachine.State.Expunging) {
                continue;
            }
            if (peer.getState() != VirtualMachine.State.Running) {
                throw new IllegalStateException("its peer " + peer.getInstanceName() + " (" + peer.getUuid() + ") is "
                        + peer.getState() + ", not Running: stopping this router now would leave the pair with no "
                        + "member forwarding, so it was not stopped");
            }
        }
    }

    private TuningOutcome push(long routerId, KernelTuning tuning) {
        try {
            return tuningPort.apply(routerId, tuning);
        } catch (RuntimeException e) {
            // A tuning problem never undoes a size change that worked: report it, a re-run pushes again.
            return TuningOutcome.notDelivered("tuning push failed: " + e.getMessage());
        }
    }

    private void verify(long routerId, KernelTuning tuning, RouterReport report) {
        if (report.getTuning() == null || !report.getTuning().isDelivered()) {
            report.note("not verified: the tuning was not delivered");
            return;
        }
        try {
            report.verification(tuningPort.verify(routerId, tuning));
        } catch (RuntimeException e) {
            report.verification(TuningOutcome.notDelivered("verification failed: " + e.getMessage()));
        }
    }

    /** Undoes what the step changed on its router and starts it if the plan stopped it. Never throws. */
    private String revert(RouterStep step, boolean offeringChanged, boolean queuesChanged, RouterReport report) {
        RouterObservation router = step.getRouter();
        List<String> done = new ArrayList<>();
        DomainRouterVO now = routerDao.findById(router.getId());
        VirtualMachine.State state = now == null ? null : now.getState();
        if (offeringChanged || queuesChanged) {
            if (state == VirtualMachine.State.Stopped) {
                if (offeringChanged) {
                    try {
                        now.setServiceOfferingId(router.getOfferingId());
                        routerDao.update(router.getId(), now);
                        done.add("offering back to " + offeringLabel(router.getOfferingId()));
                    } catch (RuntimeException e) {
                        done.add("offering NOT restored (" + e.getMessage() + ")");
                    }
                }
                if (queuesChanged) {
                    try {
                        if (router.getNicQueues() == null) {
                            vmDetailsDao.removeDetail(router.getId(), VmDetailConstants.NIC_MULTIQUEUE_NUMBER);
                        } else {
                            setNicQueues(router.getId(), router.getNicQueues());
                        }
                        done.add("nic.multiqueue.number back to "
                                + (router.getNicQueues() == null ? "unset" : router.getNicQueues()));
                    } catch (RuntimeException e) {
                        done.add("nic.multiqueue.number NOT restored (" + e.getMessage() + ")");
                    }
                }
            } else {
                done.add("offering and queue settings kept: the router is " + state + ", not Stopped");
            }
        }
        if (step.restarts()) {
            if (state == VirtualMachine.State.Stopped) {
                String failure = startAgain(router.getId());
                if (failure == null) {
                    done.add("router started again");
                    report.done(StepAction.START);
                } else {
                    done.add(String.format(Locale.ROOT, "router could NOT be started again in %d attempts %d s "
                            + "apart (%s): start it by hand", REVERT_START_ATTEMPTS, REVERT_START_RETRY_MILLIS / 1000,
                            failure));
                }
            } else {
                done.add("router left " + state);
            }
        }
        return done.isEmpty() ? "nothing had changed" : String.join(", ", done);
    }

    /** Starts the router, retrying; returns null once it started, else the last failure. */
    private String startAgain(long routerId) {
        String failure = null;
        for (int attempt = 1; attempt <= REVERT_START_ATTEMPTS; attempt++) {
            try {
                routerService.startRouter(routerId, true);
                return null;
            } catch (Exception e) {
                failure = e.getMessage();
                LOG.warn("Starting router {} again after a failed step: attempt {} of {} failed: {}", routerId,
                        attempt, REVERT_START_ATTEMPTS, failure);
            }
            if (attempt < REVERT_START_ATTEMPTS) {
                try {
                    sleeper.sleep(REVERT_START_RETRY_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return failure + " (retries interrupted)";
                }
            }
        }
        return failure;
    }

    private String offeringLabel(long offeringId) {
        ServiceOfferingVO offering = serviceOfferingDao.findByIdIncludingRemoved(offeringId);
        return offering == null ? String.valueOf(offeringId) : offering.getName() + " (" + offering.getUuid() + ")";
    }

    private static String untouched(List<RouterStep> steps, int failedIndex) {
        List<String> names = new ArrayList<>();
        for (RouterStep later : steps.subList(failedIndex + 1, steps.size())) {
            names.add(later.getRouter().getName());
        }
        return names.isEmpty() ? "" : "; not touched: " + String.join(", ", names);
    }

    private static String summary(List<RouterReport> reports, RouterStep failed) {
        List<String> before = new ArrayList<>();
        for (RouterReport report : reports) {
            if (report.getStep() != failed) {
                before.add(report.getStep().getRouter().getName());
            }
        }
        return before.isEmpty() ? "" : "; routers finished before it: " + String.join(", ", before);
    }
}
