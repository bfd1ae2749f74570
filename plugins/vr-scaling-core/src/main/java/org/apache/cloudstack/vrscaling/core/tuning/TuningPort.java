package org.apache.cloudstack.vrscaling.core.tuning;

import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;

/**
 * How a plan gets tuning into a router and reads it back. The management server implements it with an agent
 * command; until that is installed, {@link NotDeliveredTuningPort} says so instead of pretending.
 */
public interface TuningPort {
    /** Persist and apply the tuning in the router; the outcome carries the values read back. */
    TuningOutcome apply(long routerId, KernelTuning tuning);

    /** Read the values in force and compare them with the tuning; change nothing. */
    TuningOutcome verify(long routerId, KernelTuning tuning);

    /**
     * Take VR Scale's tuning off the router (its network was unbound): the values in force go back at once to what
     * the router had before VR Scale (or the kernel's defaults), and the persisted files are deleted.
     */
    TuningOutcome remove(long routerId);
}
