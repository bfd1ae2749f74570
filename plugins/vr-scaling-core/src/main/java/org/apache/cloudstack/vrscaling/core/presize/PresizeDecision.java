package org.apache.cloudstack.vrscaling.core.presize;

import java.util.Objects;

/** What to do with one scope's offering, and why (the reason goes to the log and the scope's note). */
public final class PresizeDecision {
    /** The offering change to make. */
    public enum Action {
        /** Leave the offering as it is. */
        NOTHING,
        /** Switch to the derived offering of {@link #getSourceOfferingId()} for the bound profile. */
        SWITCH_TO_DERIVED,
        /** Switch back to {@link #getSourceOfferingId()}, the offering VR Scale switched away from. */
        RESTORE_SOURCE
    }

    private final Action action;
    private final Long sourceOfferingId;
    private final boolean dropRecord;
    private final String reason;

    PresizeDecision(Action action, Long sourceOfferingId, boolean dropRecord, String reason) {
        this.action = Objects.requireNonNull(action, "action");
        if (action != Action.NOTHING && sourceOfferingId == null) {
            throw new IllegalArgumentException(action + " needs a source offering");
        }
        this.sourceOfferingId = sourceOfferingId;
        this.dropRecord = dropRecord;
        this.reason = reason;
    }

    public Action getAction() {
        return action;
    }

    /** For SWITCH_TO_DERIVED the offering to derive from; for RESTORE_SOURCE the one to return to. */
    public Long getSourceOfferingId() {
        return sourceOfferingId;
    }

    /**
     * Whether the switch record is stale (someone else changed the offering since): drop it before acting, and never
     * restore from it.
     */
    public boolean isDropRecord() {
        return dropRecord;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String toString() {
        return action + (sourceOfferingId == null ? "" : " (source " + sourceOfferingId + ")")
                + (dropRecord ? ", stale record dropped" : "") + ": " + reason;
    }
}
