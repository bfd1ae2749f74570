package org.apache.cloudstack.vrscaling.diagnosis;

import org.apache.cloudstack.vrscaling.core.diagnosis.Diagnosis;
import org.apache.cloudstack.vrscaling.core.diagnosis.VrMeasurements;
import org.apache.cloudstack.vrscaling.core.plan.RouterObservation;

/** One router's diagnosis: the measurements and findings, or why it could not be measured. */
public final class RouterDiagnosis {
    private final RouterObservation router;
    private final VrMeasurements measurements;
    private final Diagnosis diagnosis;
    private final String problem;

    private RouterDiagnosis(RouterObservation router, VrMeasurements measurements, Diagnosis diagnosis,
                            String problem) {
        this.router = router;
        this.measurements = measurements;
        this.diagnosis = diagnosis;
        this.problem = problem;
    }

    static RouterDiagnosis measured(RouterObservation router, VrMeasurements measurements, Diagnosis diagnosis) {
        return new RouterDiagnosis(router, measurements, diagnosis, null);
    }

    static RouterDiagnosis notMeasured(RouterObservation router, String problem) {
        return new RouterDiagnosis(router, null, null, problem);
    }

    public RouterObservation getRouter() {
        return router;
    }

    /** Null when the router could not be measured. */
    public VrMeasurements getMeasurements() {
        return measurements;
    }

    /** Null when the router could not be measured. */
    public Diagnosis getDiagnosis() {
        return diagnosis;
    }

    /** Why there are no measurements (router not running, agent extension missing, unreachable); else null. */
    public String getProblem() {
        return problem;
    }

    public boolean isMeasured() {
        return diagnosis != null;
    }
}
