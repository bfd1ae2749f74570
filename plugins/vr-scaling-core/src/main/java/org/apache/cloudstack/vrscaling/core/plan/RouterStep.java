package org.apache.cloudstack.vrscaling.core.plan;

import java.util.Collections;
import java.util.List;

/** One router's part of a plan: what to do, what forwarding sees, and how to undo it on failure. */
public final class RouterStep {
    private final int order;
    private final RouterObservation router;
    private final long targetOfferingId;
    private final int targetNicQueues;
    private final List<StepAction> actions;
    private final List<StepAction> revert;
    private final Interruption interruption;
    private final int interruptionSeconds;
    private final String note;

    RouterStep(int order, RouterObservation router, long targetOfferingId, int targetNicQueues,
               List<StepAction> actions, List<StepAction> revert, Interruption interruption, int interruptionSeconds,
               String note) {
        this.order = order;
        this.router = router;
        this.targetOfferingId = targetOfferingId;
        this.targetNicQueues = targetNicQueues;
        this.actions = Collections.unmodifiableList(actions);
        this.revert = Collections.unmodifiableList(revert);
        this.interruption = interruption;
        this.interruptionSeconds = interruptionSeconds;
        this.note = note;
    }

    /** 1-based position in the plan. */
    public int getOrder() {
        return order;
    }

    public RouterObservation getRouter() {
        return router;
    }

    public long getFromOfferingId() {
        return router.getOfferingId();
    }

    public long getTargetOfferingId() {
        return targetOfferingId;
    }

    public int getFromNicQueues() {
        return router.effectiveNicQueues();
    }

    public int getTargetNicQueues() {
        return targetNicQueues;
    }

    public List<StepAction> getActions() {
        return actions;
    }

    /**
     * What undoes this step if it fails after STOP: offering and queue detail back to the router's previous
     * values, and START when the router was running. Empty when nothing needs undoing.
     */
    public List<StepAction> getRevert() {
        return revert;
    }

    public boolean restarts() {
        return actions.contains(StepAction.STOP);
    }

    public int getReboots() {
        return restarts() ? 1 : 0;
    }

    public Interruption getInterruption() {
        return interruption;
    }

    /** Estimated seconds without forwarding this step causes. */
    public int getInterruptionSeconds() {
        return interruptionSeconds;
    }

    public String getNote() {
        return note;
    }

    @Override
    public String toString() {
        return order + ". " + router.getName() + " " + actions + " (" + interruption + ", ~" + interruptionSeconds
                + " s)";
    }
}
