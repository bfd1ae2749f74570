package org.apache.cloudstack.vrscaling.core.tuning;

/** What a tuning delivery asks the VR-side script to do. */
public enum TuningMode {
    /** Persist to /etc/sysctl.d, apply, set hash size and NIC queues, report values in force. */
    APPLY,
    /** Report values in force against the requested ones; change nothing. */
    VERIFY,
    /** Report conntrack, drop, OOM, steal and CPU/memory measurements; change nothing. */
    DIAGNOSE,
    /**
     * Undo VR Scale (unbind): put the values in force back at once to what the router had before VR Scale (recorded
     * by the first apply; the kernel's 6.1 defaults where nothing was recorded) and delete every file it wrote.
     */
    REMOVE;

    /** The mode word the VR-side script takes. */
    public String scriptWord() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
