package org.apache.cloudstack.vrscaling.core.advisor;

import java.util.Collections;
import java.util.List;

import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;

/** The advisor's answer: the recommended size, its tuning, and the reasoning behind it. */
public final class Advice {
    private final Workload workload;
    private final SizeRung recommended;
    private final KernelTuning tuning;
    private final long conntrackEntriesNeeded;
    private final int cpusNeeded;
    private final boolean feasible;
    private final List<String> reasons;
    private final List<String> rejected;
    private final List<String> warnings;

    Advice(Workload workload, SizeRung recommended, KernelTuning tuning, long conntrackEntriesNeeded,
           int cpusNeeded, boolean feasible, List<String> reasons, List<String> rejected, List<String> warnings) {
        this.workload = workload;
        this.recommended = recommended;
        this.tuning = tuning;
        this.conntrackEntriesNeeded = conntrackEntriesNeeded;
        this.cpusNeeded = cpusNeeded;
        this.feasible = feasible;
        this.reasons = Collections.unmodifiableList(reasons);
        this.rejected = Collections.unmodifiableList(rejected);
        this.warnings = Collections.unmodifiableList(warnings);
    }

    public Workload getWorkload() {
        return workload;
    }

    /** The smallest rung that holds the workload, or the largest rung when none does (then not feasible). */
    public SizeRung getRecommended() {
        return recommended;
    }

    public KernelTuning getTuning() {
        return tuning;
    }

    public long getConntrackEntriesNeeded() {
        return conntrackEntriesNeeded;
    }

    public int getCpusNeeded() {
        return cpusNeeded;
    }

    public boolean isFeasible() {
        return feasible;
    }

    /** How each requirement was computed. */
    public List<String> getReasons() {
        return reasons;
    }

    /** Why each smaller rung was not enough. */
    public List<String> getRejected() {
        return rejected;
    }

    /** Limits no size can fix. */
    public List<String> getWarnings() {
        return warnings;
    }
}
