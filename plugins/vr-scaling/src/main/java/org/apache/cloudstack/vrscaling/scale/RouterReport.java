package org.apache.cloudstack.vrscaling.scale;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.cloudstack.vrscaling.core.plan.RouterStep;
import org.apache.cloudstack.vrscaling.core.plan.StepAction;
import org.apache.cloudstack.vrscaling.core.tuning.TuningOutcome;

/** What was planned and done for one router; mutable while its step runs. */
public final class RouterReport {
    private final RouterStep step;
    private final List<StepAction> done = new ArrayList<>();
    private int reboots;
    private TuningOutcome tuning;
    private TuningOutcome verification;
    private final List<String> notes = new ArrayList<>();

    public RouterReport(RouterStep step) {
        this.step = step;
    }

    public RouterStep getStep() {
        return step;
    }

    void done(StepAction action) {
        done.add(action);
        if (action == StepAction.START) {
            reboots++;
        }
    }

    void tuning(TuningOutcome outcome) {
        this.tuning = outcome;
    }

    void verification(TuningOutcome outcome) {
        this.verification = outcome;
    }

    void note(String note) {
        notes.add(note);
    }

    public List<StepAction> getDone() {
        return Collections.unmodifiableList(done);
    }

    public int getReboots() {
        return reboots;
    }

    /** Null when no push was attempted (dry run, stopped router). */
    public TuningOutcome getTuning() {
        return tuning;
    }

    public TuningOutcome getVerification() {
        return verification;
    }

    public List<String> getNotes() {
        return Collections.unmodifiableList(notes);
    }
}
