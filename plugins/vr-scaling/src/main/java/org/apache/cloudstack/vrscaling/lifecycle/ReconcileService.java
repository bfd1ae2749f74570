package org.apache.cloudstack.vrscaling.lifecycle;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.cloudstack.api.ApiCommandResourceType;
import org.apache.cloudstack.api.ServerApiException;
import org.apache.cloudstack.framework.jobs.dao.AsyncJobDao;
import org.apache.cloudstack.framework.jobs.impl.AsyncJobVO;
import org.apache.cloudstack.vrscaling.VrScalingEventTypes;
import org.apache.cloudstack.vrscaling.VrScalingLabels;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.presize.PresizeService;
import org.apache.cloudstack.vrscaling.scale.RouterObserver;
import org.apache.cloudstack.vrscaling.scale.RouterReport;
import org.apache.cloudstack.vrscaling.scale.ScaleReport;
import org.apache.cloudstack.vrscaling.scale.ScaleService;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VirtualMachine;

/**
 * Brings a bound network/VPC whose routers run another size back to its profile, with the same rolling plan as
 * scaleVirtualRouterProfile (BACKUP first, one reboot each, revert on failure). It waits for CloudStack's own jobs
 * on the network/VPC to finish first. Everything it decides is read from the database, so any management server
 * may run it; the in-memory set only folds requests that arrive together on this one. Rescales run on the runner's
 * rescale pool, never on the quick one that pushes tuning. Each rescale records a start event (scope, profile,
 * reason, routers off-size) and a finish or failure event linked to it, so operators see it while it runs.
 */
public class ReconcileService {
    static final long RETRY_DELAY_SECONDS = 30;
    /** 20 x 30 s: longer than a rolling restart of a redundant pair takes; after that an operator should look. */
    static final int MAX_RETRIES = 20;
    /** After an automatic rescale failed, the next waits this long, doubling with each failure in a row... */
    static final long BACKOFF_FIRST_MILLIS = 15 * 60_000L;
    /** ...up to a day. An API scale, a reset or a success starts afresh. */
    static final long BACKOFF_MAX_MILLIS = 24 * 3_600_000L;

    private static final Logger LOG = LogManager.getLogger(ReconcileService.class);

    @Inject
    ProfileBindings bindings;
    @Inject
    BindingStore bindingStore;
    @Inject
    RouterObserver routerObserver;
    @Inject
    ScaleService scaleService;
    @Inject
    AsyncJobDao asyncJobDao;
    @Inject
    VrScalingSettings settings;
    @Inject
    LifecycleRunner runner;
    @Inject
    LifecycleEvents events;
    @Inject
    ScopeLock scopeLock;
    @Inject
    PresizeService presizeService;
    @Inject
    ServiceOfferingDao serviceOfferingDao;

    private final Set<BindingScope> queued = ConcurrentHashMap.newKeySet();
    LongSupplier clock = System::currentTimeMillis;

    /** Queues a reconcile of the scope; a request for a scope already queued here is folded into it. */
    public void request(BindingScope scope, String why) {
        if (scope == null) {
            return;
        }
        if (!queued.add(scope)) {
            LOG.debug("Reconcile of {} already queued; folded in: {}", scope, why);
            return;
        }
        if (!runner.submitRescale("reconcile " + scope + " after " + why, () -> attempt(scope, 1, why))) {
            queued.remove(scope);
        }
    }

    /**
     * Queues a reconcile of every bound network and VPC. Used at start-up: a request waiting in memory on a
     * management server that went down is lost, but the binding and the routers' offerings are in the database.
     * Scopes whose routers all run their profile cost a few reads and change nothing.
     *
     * @return how many scopes were queued
     */
    public int requestAllBound(String why) {
        int queuedNow = 0;
        for (BindingScope.Type type : BindingScope.Type.values()) {
            for (Long id : bindingStore.boundIds(type)) {
                BindingScope scope = type == BindingScope.Type.VPC ? bindings.vpcScope(id) : bindings.networkScope(id);
                if (scope != null && scope.getType() == type) {
                    request(scope, why);
                    queuedNow++;
                }
            }
        }
        return queuedNow;
    }

    /** One try; returns what it did, for logs and tests. */
    Outcome attempt(BindingScope scope, int attempt, String why) {
        boolean retrying = false;
        try {
            Outcome outcome = tryOnce(scope, attempt, why);
            retrying = outcome == Outcome.RETRY_LATER;
            return outcome;
        } finally {
            if (!retrying) {
                queued.remove(scope);
            }
        }
    }

    /** What an attempt did. */
    enum Outcome { DISABLED, UNBOUND, NOTHING_TO_DO, RETRY_LATER, GAVE_UP, SCALED, FAILED, BACKED_OFF }

    private Outcome tryOnce(BindingScope scope, int attempt, String why) {
        if (!settings.automaticEnabled(scope.getZoneId())) {
            LOG.info("Not rescaling {} after {}: vrscaling.automatic.enabled is false for its zone", scope, why);
            return Outcome.DISABLED;
        }
        ProfileBindings.Bound bound = bindings.bound(scope);
        if (bound == null) {
            LOG.debug("Not rescaling {} after {}: no profile is bound", scope, why);
            return Outcome.UNBOUND;
        }
        String busy = busyWith(scope);
        ScopeLock.Held held = null;
        if (busy == null) {
            held = scopeLock.tryLock(scope);
            if (held == null) {
                busy = "another management server is rescaling it";
            }
        }
        if (busy != null) {
            return waitOrGiveUp(scope, attempt, why, busy, bound);
        }
        try {
            return rescaleIfOffSize(scope, why, bound);
        } finally {
            held.close();
        }
    }

    private Outcome waitOrGiveUp(BindingScope scope, int attempt, String why, String busy,
                                 ProfileBindings.Bound bound) {
        if (attempt > MAX_RETRIES) {
            String message = String.format(Locale.ROOT, "Automatic rescale of %s to profile %s after %s gave up: "
                    + "%s for %d attempts over %d s. Run scaleVirtualRouterProfile once it is done.", scope,
                    VrScalingLabels.profile(bound.getOffering()), why, busy, MAX_RETRIES,
                    MAX_RETRIES * RETRY_DELAY_SECONDS);
            LOG.warn(message);
            bindingStore.note(scope, message);
            events.warn(VrScalingEventTypes.RECONCILE, message, scope);
            return Outcome.GAVE_UP;
        }
        LOG.info("Rescale of {} waits: {} (attempt {} of {}, next in {} s)", scope, busy, attempt, MAX_RETRIES,
                RETRY_DELAY_SECONDS);
        if (!runner.scheduleRescale("reconcile " + scope + " after " + why, () -> attempt(scope, attempt + 1, why),
                RETRY_DELAY_SECONDS)) {
            return Outcome.GAVE_UP;
        }
        return Outcome.RETRY_LATER;
    }

    private Outcome rescaleIfOffSize(BindingScope scope, String why, ProfileBindings.Bound bound) {
        List<DomainRouterVO> offSize = routerObserver.routers(scope).stream()
                .filter(r -> r.getState() != VirtualMachine.State.Destroyed
                        && r.getState() != VirtualMachine.State.Expunging)
                .filter(r -> r.getServiceOfferingId() != bound.getOffering().getId())
                .collect(Collectors.toList());
        if (offSize.isEmpty()) {
            LOG.debug("{} already runs profile {} on every router", scope, bound.getOffering().getName());
            // Keeps the offering in line with the binding and the zone's pre-sizing switch for the next restart
            // (a rescale below does the same when it has finished).
            presizeService.sync(scope);
            return Outcome.NOTHING_TO_DO;
        }
        String profile = VrScalingLabels.profile(bound.getOffering());
        String names = offSize.stream().map(VrScalingLabels::router).collect(Collectors.joining(", "));
        Long retryAfter = bindingStore.automaticRetryAfter(scope);
        if (retryAfter != null && clock.getAsLong() < retryAfter) {
            // Each failed try can cost the routers a restart: after failures, the automatic path waits.
            LOG.info("Not rescaling {} to {} after {}: {} automatic attempt(s) failed in a row; next not before {} "
                    + "(scaleVirtualRouterProfile or resetVirtualRouterProfile starts afresh)", scope, profile, why,
                    bindingStore.automaticFailures(scope), Instant.ofEpochMilli(retryAfter));
            return Outcome.BACKED_OFF;
        }
        LOG.info("Rescaling {} to {} after {}: {} run(s) another size", scope, profile, why, names);
        long startEventId = events.started(VrScalingEventTypes.RECONCILE, String.format(Locale.ROOT,
                "Automatic rescale of %s to %s started after %s; routers at another size: %s", scope, profile, why,
                offSizeLabels(offSize)), scope);
        try {
            // This thread holds the scope's lock: the locked entry point, not the API's.
            ScaleReport report = scaleService.rescale(scope, bound.getOffering().getId());
            int reboots = report.getRouters().stream().mapToInt(RouterReport::getReboots).sum();
            String message = String.format(Locale.ROOT, "Rescaled %s to %s after %s: %s, %d reboot(s)%s",
                    scope, profile, why, names, reboots,
                    report.getWarnings().isEmpty() ? "" : "; " + String.join("; ", report.getWarnings()));
            LOG.info(message);
            events.info(VrScalingEventTypes.RECONCILE, message, scope, startEventId);
            if (retryAfter != null) {
                bindingStore.automaticReset(scope);
            }
            return Outcome.SCALED;
        } catch (RuntimeException e) {
            String cause = e instanceof ServerApiException ? ((ServerApiException) e).getDescription() : e.getMessage();
            int failures = bindingStore.automaticFailures(scope) + 1;
            long delay = Math.min(BACKOFF_MAX_MILLIS, BACKOFF_FIRST_MILLIS << Math.min(failures - 1, 10));
            long next = clock.getAsLong() + delay;
            bindingStore.automaticFailed(scope, failures, next);
            String message = String.format(Locale.ROOT, "Automatic rescale of %s to %s after %s failed; routers not "
                    + "rescaled keep running at their current size: %s. Failure %d in a row: no automatic rescale of "
                    + "it before %s (scaleVirtualRouterProfile or resetVirtualRouterProfile starts afresh)", scope,
                    profile, why, cause, failures, Instant.ofEpochMilli(next));
            LOG.warn(message, e);
            bindingStore.note(scope, message);
            events.error(VrScalingEventTypes.RECONCILE, message, scope, startEventId);
            return Outcome.FAILED;
        }
    }

    /** "router r-31-VM (uuid) at offering small (uuid), ...": what the start event says is off-size. */
    private String offSizeLabels(List<DomainRouterVO> offSize) {
        Map<Long, String> offerings = new HashMap<>();
        return offSize.stream()
                .map(r -> VrScalingLabels.router(r) + " at " + offerings.computeIfAbsent(r.getServiceOfferingId(),
                        id -> VrScalingLabels.offering(serviceOfferingDao.findByIdIncludingRemoved(id))))
                .collect(Collectors.joining(", "));
    }

    /** Why the scope must not be touched now (CloudStack's job or a VR Scale plan on it), or null. */
    private String busyWith(BindingScope scope) {
        String type = (scope.isVpc() ? ApiCommandResourceType.Vpc : ApiCommandResourceType.Network).toString();
        AsyncJobVO job = asyncJobDao.findInstancePendingAsyncJob(type, scope.getId());
        if (job != null) {
            return "job " + job.getUuid() + " (" + simpleName(job.getCmd()) + ") is still running on it";
        }
        // A VPC tier's restart, a router's stop or a VM deploy that (re)implements the network is not recorded on
        // the scope itself, and its job belongs to whoever called (an admin's restart is the admin's job): the same
        // check as the API's, by the uuids the job's parameters name, plus a VR Scale plan running on it.
        return scaleService.busyWith(scope);
    }

    private static String simpleName(String className) {
        return className == null ? "unknown command" : className.substring(className.lastIndexOf('.') + 1);
    }
}
