package org.apache.cloudstack.vrscaling.core.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.cloudstack.vrscaling.core.hypervisor.HypervisorSupport;
import org.apache.cloudstack.vrscaling.core.profile.RouterProfile;

/**
 * Turns desired state (a target) and observed routers into an ordered, safe plan. Pure: no I/O, no clock.
 * Rules: routers already at target only get tuning; redundant pairs restart the non-PRIMARY member first and
 * the PRIMARY last (one planned failover); each router restarts at most once; unsafe inputs are refused.
 */
public final class RollingPlanner {
    /** Stop + start of a KVM router incl. boot and rule reprogramming (planning figure). */
    public static final int DEFAULT_OUTAGE_SECONDS = 60;
    /** VRRP: 3 missed 1 s adverts, then gratuitous ARP. */
    public static final int DEFAULT_FAILOVER_SECONDS = 4;

    private final int outageSeconds;
    private final int failoverSeconds;
    private final int floorMemoryMib;

    public RollingPlanner(int outageSeconds, int failoverSeconds, int floorMemoryMib) {
        if (outageSeconds < 0 || failoverSeconds < 0) {
            throw new IllegalArgumentException("interruption estimates cannot be negative");
        }
        this.outageSeconds = outageSeconds;
        this.failoverSeconds = failoverSeconds;
        this.floorMemoryMib = Math.max(floorMemoryMib, RouterProfile.MIN_MEMORY_MIB);
    }

    public RollingPlanner() {
        this(DEFAULT_OUTAGE_SECONDS, DEFAULT_FAILOVER_SECONDS, RouterProfile.MIN_MEMORY_MIB);
    }

    public RollingPlan plan(List<RouterObservation> routers, PlanTarget target) throws PlanRefusedException {
        List<RouterObservation> live = routers.stream().filter(r -> !r.getState().isGone())
                .collect(Collectors.toList());
        List<Refusal> refusals = refusals(live, target);
        if (!refusals.isEmpty()) {
            throw new PlanRefusedException(refusals);
        }
        List<String> warnings = new ArrayList<>();
        List<RouterObservation> redundant = live.stream().filter(RouterObservation::isRedundant)
                .collect(Collectors.toList());
        boolean primaryKnown = redundant.stream().anyMatch(r -> r.getRole() == RedundantRole.PRIMARY);
        boolean pairRunning = !redundant.isEmpty()
                && redundant.stream().allMatch(r -> r.getState() == RouterRunState.RUNNING);
        if (pairRunning && !primaryKnown && redundant.stream().anyMatch(r -> needsChange(r, target))) {
            warnings.add("No redundant member reports PRIMARY (roles: " + roles(redundant) + "): members are "
                    + "restarted one at a time, each only after the other is Running, and each restart is counted "
                    + "as a possible failover");
        }
        for (RouterObservation router : live) {
            if (router.getSize() != null && needsChange(router, target) && !target.getSize().covers(router.getSize())) {
                warnings.add(String.format(Locale.ROOT, "%s is downsized from %s to %s", router.getName(),
                        router.getSize(), target.getSize()));
            }
        }
        // Say once per hypervisor where the plan leaves NIC queues alone, instead of promising queues it cannot give.
        live.stream().map(RouterObservation::support).filter(h -> !h.setsNicQueues())
                .map(HypervisorSupport::getNicQueueNote).distinct().forEach(warnings::add);
        if (live.isEmpty()) {
            warnings.add("No routers exist yet: the profile applies when CloudStack creates them");
        }

        List<RouterObservation> ordered = new ArrayList<>(live);
        ordered.sort(Comparator.comparingInt((RouterObservation r) -> rank(r, target))
                .thenComparing(RouterObservation::getName));
        List<RouterStep> steps = new ArrayList<>();
        for (RouterObservation router : ordered) {
            steps.add(step(steps.size() + 1, router, target, primaryKnown));
        }
        return new RollingPlan(target.getOfferingId(), steps, warnings);
    }

    private List<Refusal> refusals(List<RouterObservation> live, PlanTarget target) {
        List<Refusal> refusals = new ArrayList<>();
        if (target.getSize().getMemoryMib() < floorMemoryMib) {
            refusals.add(new Refusal(Refusal.Code.BELOW_FLOOR, null, String.format(Locale.ROOT,
                    "target memory %d MiB is below the %d MiB floor for virtual routers",
                    target.getSize().getMemoryMib(), floorMemoryMib)));
        }
        for (RouterObservation router : live) {
            if (router.getState().isUnhealthy()) {
                refusals.add(new Refusal(Refusal.Code.ROUTER_UNHEALTHY, router.getName(), "router "
                        + router.getName() + " is in state " + router.getState() + ": fix or recreate it (restart "
                        + "the network with cleanup) before rescaling"));
            } else if (router.getState().isTransitional()) {
                refusals.add(new Refusal(Refusal.Code.ROUTER_IN_TRANSITION, router.getName(), "router "
                        + router.getName() + " is " + router.getState() + ": retry when it has settled"));
            }
        }
        List<RouterObservation> redundant = live.stream().filter(RouterObservation::isRedundant)
                .collect(Collectors.toList());
        boolean anyRunning = redundant.stream().anyMatch(r -> r.getState() == RouterRunState.RUNNING);
        boolean allRunning = redundant.stream().allMatch(r -> r.getState() == RouterRunState.RUNNING);
        if (anyRunning && (!allRunning || redundant.size() < 2)) {
            refusals.add(new Refusal(Refusal.Code.REDUNDANT_MEMBER_NOT_RUNNING, null, "both members of the "
                    + "redundant pair must be Running so one forwards while the other restarts (found: "
                    + describe(redundant) + ")"));
        }
        long primaries = redundant.stream().filter(r -> r.getRole() == RedundantRole.PRIMARY).count();
        if (primaries > 1) {
            refusals.add(new Refusal(Refusal.Code.SPLIT_BRAIN, null, "more than one redundant member reports "
                    + "PRIMARY (" + describe(redundant) + "): resolve the VRRP split brain first"));
        }
        return refusals;
    }

    private static boolean needsChange(RouterObservation router, PlanTarget target) {
        return router.getOfferingId() != target.getOfferingId()
                || router.effectiveNicQueues() != targetQueues(router, target);
    }

    /** The profile's queues where the hypervisor honours nic.multiqueue.number (KVM); elsewhere what it has. */
    private static int targetQueues(RouterObservation router, PlanTarget target) {
        return router.support().setsNicQueues() ? target.getNicQueues() : router.effectiveNicQueues();
    }

    /** Tuning-only first, then single routers, then non-PRIMARY members, PRIMARY last. */
    private static int rank(RouterObservation router, PlanTarget target) {
        if (!needsChange(router, target)) {
            return 0;
        }
        switch (router.getRole()) {
            case NONE:
                return 1;
            case BACKUP:
                return 2;
            case FAULT:
                return 3;
            case UNKNOWN:
                return 4;
            default:
                return 5;
        }
    }

    private RouterStep step(int order, RouterObservation router, PlanTarget target, boolean primaryKnown) {
        boolean running = router.getState() == RouterRunState.RUNNING;
        int queues = targetQueues(router, target);
        if (!needsChange(router, target)) {
            if (running) {
                return new RouterStep(order, router, target.getOfferingId(), queues,
                        List.of(StepAction.PUSH_TUNING, StepAction.VERIFY), List.of(), Interruption.NONE, 0,
                        "already at the profile's size: tuning only, no restart");
            }
            return new RouterStep(order, router, target.getOfferingId(), queues, List.of(), List.of(),
                    Interruption.NONE, 0, "already at the profile's size and stopped: tuning is pushed when it "
                    + "next starts");
        }
        List<StepAction> changes = new ArrayList<>();
        if (router.getOfferingId() != target.getOfferingId()) {
            changes.add(StepAction.CHANGE_OFFERING);
        }
        if (router.effectiveNicQueues() != targetQueues(router, target)) {
            changes.add(StepAction.SET_NIC_QUEUES);
        }
        if (!running) {
            return new RouterStep(order, router, target.getOfferingId(), queues, changes,
                    new ArrayList<>(changes), Interruption.NONE, 0,
                    "stopped: only its offering/queue settings change; the new size applies when it next starts");
        }
        List<StepAction> actions = new ArrayList<>();
        actions.add(StepAction.STOP);
        actions.addAll(changes);
        actions.add(StepAction.START);
        actions.add(StepAction.WAIT_RUNNING);
        if (router.isRedundant()) {
            actions.add(StepAction.WAIT_REDUNDANT_ROLE);
        }
        actions.add(StepAction.PUSH_TUNING);
        actions.add(StepAction.VERIFY);
        List<StepAction> revert = new ArrayList<>(changes);
        revert.add(StepAction.START);

        if (!router.isRedundant()) {
            return new RouterStep(order, router, target.getOfferingId(), queues, actions, revert,
                    Interruption.OUTAGE, outageSeconds, "the network's only router: no forwarding while it restarts");
        }
        if (router.getRole() == RedundantRole.PRIMARY) {
            return new RouterStep(order, router, target.getOfferingId(), queues, actions, revert,
                    Interruption.FAILOVER, failoverSeconds,
                    "PRIMARY, restarted last: its peer, already at the new size, takes over (one planned failover)");
        }
        if (!primaryKnown) {
            return new RouterStep(order, router, target.getOfferingId(), queues, actions, revert,
                    Interruption.FAILOVER, failoverSeconds,
                    "role " + router.getRole() + ": may be forwarding, so its restart is counted as a failover");
        }
        return new RouterStep(order, router, target.getOfferingId(), queues, actions, revert,
                Interruption.NONE, 0, router.getRole() + ", restarted first while the PRIMARY forwards; the plan "
                + "waits until it is back as BACKUP before touching the PRIMARY");
    }

    private static String describe(List<RouterObservation> routers) {
        return routers.stream().map(RouterObservation::toString).collect(Collectors.joining(", "));
    }

    private static String roles(List<RouterObservation> routers) {
        return routers.stream().map(r -> r.getName() + "=" + r.getRole()).collect(Collectors.joining(", "));
    }
}
