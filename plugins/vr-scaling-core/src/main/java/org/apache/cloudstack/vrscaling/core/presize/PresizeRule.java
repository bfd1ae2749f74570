package org.apache.cloudstack.vrscaling.core.presize;

import java.util.Objects;

import org.apache.cloudstack.vrscaling.core.presize.PresizeDecision.Action;

/**
 * Decides whether a network/VPC should use a derived offering that starts its routers at the bound profile, so
 * routers CloudStack recreates (restart with cleanup) need no second reboot. Pure: the caller reads the state and
 * carries the decision out.
 *
 * <p>The rule never restores from a stale record: when the scope's offering is no longer the derived one VR Scale
 * switched it to, someone (an operator's updateNetwork) changed it on purpose, and that choice stands.
 */
public final class PresizeRule {
    private PresizeRule() {
    }

    public static PresizeDecision decide(PresizeState state) {
        Objects.requireNonNull(state, "state");
        boolean wanted = state.isEnabled() && state.getBoundProfileId() != null;
        boolean stale = state.hasRecord() && state.getRecordedDerivedId() != state.getCurrentOfferingId();

        if (state.hasRecord() && !stale) {
            if (!wanted) {
                return new PresizeDecision(Action.RESTORE_SOURCE, state.getRecordedSourceId(), false,
                        state.isEnabled() ? "no profile is bound any more" : "pre-sizing is switched off for the zone");
            }
            if (state.getBoundProfileId().equals(state.getRecordedProfileId())) {
                return new PresizeDecision(Action.NOTHING, null, false,
                        "already on the derived offering for the bound profile");
            }
            return new PresizeDecision(Action.SWITCH_TO_DERIVED, state.getRecordedSourceId(), false,
                    "the bound profile changed; derive again from the original offering");
        }

        String staleNote = stale ? "the offering was changed since VR Scale switched it; " : "";
        if (!wanted) {
            return new PresizeDecision(Action.NOTHING, null, stale, staleNote
                    + (state.isEnabled() ? "no profile is bound" : "pre-sizing is switched off for the zone"));
        }
        if (state.getBoundProfileId().equals(state.getCurrentRouterOfferingId())) {
            return new PresizeDecision(Action.NOTHING, null, stale, staleNote
                    + "the offering already starts routers at the bound profile");
        }
        return new PresizeDecision(Action.SWITCH_TO_DERIVED, state.getCurrentOfferingId(), stale, staleNote
                + "new routers would start at another size than the bound profile");
    }
}
