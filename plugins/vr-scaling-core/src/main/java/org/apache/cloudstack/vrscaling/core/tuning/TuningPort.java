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

    /** Delete the persisted tuning from the router (its network was unbound); values in force stay until reboot. */
    TuningOutcome remove(long routerId);
}
