package org.apache.cloudstack.vrscaling.core.tuning;

import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;

/** A port that delivers nothing and says so, for when no delivery path is installed. */
public final class NotDeliveredTuningPort implements TuningPort {
    private final String reason;

    public NotDeliveredTuningPort(String reason) {
        this.reason = reason;
    }

    @Override
    public TuningOutcome apply(long routerId, KernelTuning tuning) {
        return TuningOutcome.notDelivered(reason);
    }

    @Override
    public TuningOutcome verify(long routerId, KernelTuning tuning) {
        return TuningOutcome.notDelivered(reason);
    }

    @Override
    public TuningOutcome remove(long routerId) {
        return TuningOutcome.notDelivered(reason);
    }
}
