package org.apache.cloudstack.vrscaling.core.sizing;

/** The worst-case kernel memory a tuning value lets the router use, one rule per key. */
public final class TuningMemory {
    private TuningMemory() {
    }

    public static long cost(TuningKey key, long value, RouterSize size, SizingAssumptions assumptions) {
        switch (key) {
            case CONNTRACK_MAX:
                return value * assumptions.getBytesPerConntrackEntry();
            case CONNTRACK_BUCKETS:
                // The hash table is allocated up front, full or not.
                return KernelDefaults.roundUpToBucketPage(value) * KernelDefaults.BYTES_PER_BUCKET;
            case NETDEV_MAX_BACKLOG:
                // One backlog queue per CPU.
                return size.getCpus() * value * assumptions.getBytesPerQueuedPacket();
            case NIC_QUEUES:
                return value * KernelDefaults.VIRTIO_RX_RING_DESCRIPTORS * assumptions.getBytesPerQueuedPacket();
            default:
                return 0;
        }
    }
}
