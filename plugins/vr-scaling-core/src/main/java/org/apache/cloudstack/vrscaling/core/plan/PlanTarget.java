package org.apache.cloudstack.vrscaling.core.plan;

import java.util.Objects;

import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;

/** The desired state for every router of a network: the profile's offering, its size and its NIC queue count. */
public final class PlanTarget {
    private final long offeringId;
    private final RouterSize size;
    private final int nicQueues;

    public PlanTarget(long offeringId, RouterSize size, int nicQueues) {
        this.offeringId = offeringId;
        this.size = Objects.requireNonNull(size, "size");
        if (nicQueues < 1) {
            throw new IllegalArgumentException("NIC queues must be at least 1 (got " + nicQueues + ")");
        }
        this.nicQueues = nicQueues;
    }

    public long getOfferingId() {
        return offeringId;
    }

    public RouterSize getSize() {
        return size;
    }

    public int getNicQueues() {
        return nicQueues;
    }
}
