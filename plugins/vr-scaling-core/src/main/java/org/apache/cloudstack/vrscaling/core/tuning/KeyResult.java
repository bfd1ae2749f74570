package org.apache.cloudstack.vrscaling.core.tuning;

import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;

/** One setting as the router reported it after a push or a verification. */
public final class KeyResult {
    /** The outcome for one setting; the names match the VR-side script's report. */
    public enum Status {
        APPLIED, UNCHANGED, MATCH, DRIFT, FAILED, UNSUPPORTED, READ_ONLY,
        /** In force below the request: the conntrack memory budget (or, for NIC queues, the hypervisor) capped it. */
        LIMITED,
        /** Persisted but not in the kernel yet: nf_conntrack is not loaded; its module-load hook applies it. */
        PENDING;

        /** True for outcomes that mean the router does not run the requested value and should. */
        public boolean isFailure() {
            return this == FAILED || this == DRIFT;
        }

        /** True when the value is not in force yet, though nothing failed: not a success either. */
        public boolean isPending() {
            return this == PENDING;
        }
    }

    /** What the router says about a conntrack key it holds pending. */
    public static final String PENDING_MESSAGE = "not in the kernel yet: nf_conntrack is not loaded; the value is "
            + "persisted and applies when the module loads";

    private final TuningKey key;
    private final Long requested;
    private final Long actual;
    private final Status status;
    private final String error;
    private final Long allowed;

    public KeyResult(TuningKey key, Long requested, Long actual, Status status, String error) {
        this(key, requested, actual, status, error, null);
    }

    /** @param allowed what the router's conntrack budget allows when below the request, else null */
    public KeyResult(TuningKey key, Long requested, Long actual, Status status, String error, Long allowed) {
        this.allowed = allowed;
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

    /** The value the router's conntrack budget allows, when the router reported one below the request. */
    public Long getAllowed() {
        return allowed;
    }

    @Override
    public String toString() {
        return key.parameterName() + ": " + status + " (requested " + requested + ", actual " + actual + ")"
                + (error == null ? "" : " " + error);
    }
}
