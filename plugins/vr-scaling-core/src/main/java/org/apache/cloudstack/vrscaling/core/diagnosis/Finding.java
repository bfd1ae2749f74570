package org.apache.cloudstack.vrscaling.core.diagnosis;

/** One problem found in a router, with the numbers that show it and what to do about it. */
public final class Finding {
    /** The rows of the troubleshooting matrix. */
    public enum Code {
        CONNTRACK_PRESSURE, LONG_HASH_CHAINS, OOM_KILLS, SINGLE_QUEUE_DROPS, CPU_BOUND_DROPS, HOST_CONTENTION,
        CONTEXT_SWITCH_STORM, SIZE_MISMATCH, CONNTRACK_OVER_BUDGET
    }

    /** How urgent. */
    public enum Severity { INFO, WARNING, CRITICAL }

    private final Code code;
    private final Severity severity;
    private final String evidence;
    private final String fix;

    public Finding(Code code, Severity severity, String evidence, String fix) {
        this.code = code;
        this.severity = severity;
        this.evidence = evidence;
        this.fix = fix;
    }

    public Code getCode() {
        return code;
    }

    public Severity getSeverity() {
        return severity;
    }

    public String getEvidence() {
        return evidence;
    }

    public String getFix() {
        return fix;
    }

    @Override
    public String toString() {
        return severity + " " + code + ": " + evidence + " -> " + fix;
    }
}
