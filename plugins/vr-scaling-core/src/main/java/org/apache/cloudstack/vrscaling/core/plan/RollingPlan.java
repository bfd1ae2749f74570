package org.apache.cloudstack.vrscaling.core.plan;

import java.util.Collections;
import java.util.List;

/** The ordered steps that bring a network's routers to a profile, with warnings and totals. */
public final class RollingPlan {
    private final long targetOfferingId;
    private final List<RouterStep> steps;
    private final List<String> warnings;

    RollingPlan(long targetOfferingId, List<RouterStep> steps, List<String> warnings) {
        this.targetOfferingId = targetOfferingId;
        this.steps = Collections.unmodifiableList(steps);
        this.warnings = Collections.unmodifiableList(warnings);
    }

    public long getTargetOfferingId() {
        return targetOfferingId;
    }

    public List<RouterStep> getSteps() {
        return steps;
    }

    public List<String> getWarnings() {
        return warnings;
    }

    public int totalReboots() {
        int total = 0;
        for (RouterStep step : steps) {
            total += step.getReboots();
        }
        return total;
    }

    public int totalInterruptionSeconds() {
        int total = 0;
        for (RouterStep step : steps) {
            total += step.getInterruptionSeconds();
        }
        return total;
    }

    /** True when no router restarts: re-running a finished plan only re-pushes tuning. */
    public boolean restartsNothing() {
        return totalReboots() == 0;
    }
}
