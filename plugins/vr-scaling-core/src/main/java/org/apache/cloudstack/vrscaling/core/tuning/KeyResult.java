package org.apache.cloudstack.vrscaling.core.tuning;

import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;

/** One setting as the router reported it after a push or a verification. */
public final class KeyResult {
    /** The outcome for one setting; the names match the VR-side script's report. */
    public enum Status {
        APPLIED, UNCHANGED, MATCH, DRIFT, FAILED, UNSUPPORTED, READ_ONLY, LIMITED;

        /** True for outcomes that mean the router does not run the requested value and should. */
        public boolean isFailure() {
            return this == FAILED || this == DRIFT;
        }
    }

    private final TuningKey key;
    private final Long requested;
    private final Long actual;
    private final Status status;
    private final String error;

    public KeyResult(TuningKey key, Long requested, Long actual, Status status, String error) {
        this.key = key;
        this.requested = requested;
        this.actual = actual;
        this.status = status;
        this.error = error;
    }

    public TuningKey getKey() {
        return key;
    }

    public Long getRequested() {
        return requested;
    }

    /** The value read back from the router; null when it could not be read. */
    public Long getActual() {
        return actual;
    }

    public Status getStatus() {
        return status;
    }

    public String getError() {
        return error;
    }

    @Override
    public String toString() {
        return key.parameterName() + ": " + status + " (requested " + requested + ", actual " + actual + ")"
                + (error == null ? "" : " " + error);
    }
}
