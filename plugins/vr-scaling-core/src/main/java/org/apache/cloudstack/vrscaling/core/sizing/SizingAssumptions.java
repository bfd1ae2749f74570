package org.apache.cloudstack.vrscaling.core.sizing;

import java.util.Locale;

/**
 * The explicit assumptions the sizing model rests on. Each is shown next to the numbers it produces, and each can
 * be changed (CLI flags, management-server ConfigKeys) by an operator who measured their own routers.
 */
public final class SizingAssumptions {
    /** Share of router RAM the conntrack table may use when full. The kernel, keepalived, dnsmasq, haproxy and
     * page cache need the rest, and the VR runs with vm.panic_on_oom=1. */
    public static final double DEFAULT_CONNTRACK_MEMORY_FRACTION = 0.25;
    /** Slab object (~256 B on 6.x) plus separately allocated NAT/accounting extensions: ~350-400 B per entry. */
    public static final int DEFAULT_BYTES_PER_CONNTRACK_ENTRY = 400;
    /** Beyond ~8 queues per NIC a VR gains little and pays a vhost thread per queue. */
    public static final int DEFAULT_MAX_NIC_QUEUES = 8;
    /** Worst-case share of RAM that full per-CPU backlog queues may hold. */
    public static final double DEFAULT_BACKLOG_MEMORY_FRACTION = 0.02;
    /** skb truesize of a 1,500-byte frame on 4 KiB pages (2 KiB data + shared info + sk_buff). */
    public static final int DEFAULT_BYTES_PER_QUEUED_PACKET = 2_304;

    private final double conntrackMemoryFraction;
    private final int bytesPerConntrackEntry;
    private final KernelGeneration kernelGeneration;
    private final int maxNicQueues;
    private final double backlogMemoryFraction;
    private final int bytesPerQueuedPacket;

    public SizingAssumptions(double conntrackMemoryFraction, int bytesPerConntrackEntry,
                             KernelGeneration kernelGeneration, int maxNicQueues) {
        this(conntrackMemoryFraction, bytesPerConntrackEntry, kernelGeneration, maxNicQueues,
                DEFAULT_BACKLOG_MEMORY_FRACTION, DEFAULT_BYTES_PER_QUEUED_PACKET);
    }

    public SizingAssumptions(double conntrackMemoryFraction, int bytesPerConntrackEntry,
                             KernelGeneration kernelGeneration, int maxNicQueues,
                             double backlogMemoryFraction, int bytesPerQueuedPacket) {
        this.conntrackMemoryFraction = checkFraction("conntrack memory fraction", conntrackMemoryFraction, 0.05, 0.6);
        this.bytesPerConntrackEntry = checkInt("bytes per conntrack entry", bytesPerConntrackEntry, 128, 4_096);
        if (kernelGeneration == null) {
            throw new IllegalArgumentException("kernel generation is required");
        }
        this.kernelGeneration = kernelGeneration;
        this.maxNicQueues = checkInt("max NIC queues", maxNicQueues, 1, (int) TuningKey.NIC_QUEUES.max());
        this.backlogMemoryFraction = checkFraction("backlog memory fraction", backlogMemoryFraction, 0.001, 0.1);
        this.bytesPerQueuedPacket = checkInt("bytes per queued packet", bytesPerQueuedPacket, 256, 65_536);
    }

    public static SizingAssumptions defaults() {
        return new SizingAssumptions(DEFAULT_CONNTRACK_MEMORY_FRACTION, DEFAULT_BYTES_PER_CONNTRACK_ENTRY,
                KernelGeneration.MODERN, DEFAULT_MAX_NIC_QUEUES);
    }

    private static double checkFraction(String name, double value, double min, double max) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be between %s and %s (got %s)",
                    name, min, max, value));
        }
        return value;
    }

    private static int checkInt(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be between %d and %d (got %d)",
                    name, min, max, value));
        }
        return value;
    }

    public double getConntrackMemoryFraction() {
        return conntrackMemoryFraction;
    }

    public int getBytesPerConntrackEntry() {
        return bytesPerConntrackEntry;
    }

    public KernelGeneration getKernelGeneration() {
        return kernelGeneration;
    }

    public int getMaxNicQueues() {
        return maxNicQueues;
    }

    public double getBacklogMemoryFraction() {
        return backlogMemoryFraction;
    }

    public int getBytesPerQueuedPacket() {
        return bytesPerQueuedPacket;
    }

    public SizingAssumptions withConntrackMemoryFraction(double fraction) {
        return new SizingAssumptions(fraction, bytesPerConntrackEntry, kernelGeneration, maxNicQueues,
                backlogMemoryFraction, bytesPerQueuedPacket);
    }

    public SizingAssumptions withBytesPerConntrackEntry(int bytes) {
        return new SizingAssumptions(conntrackMemoryFraction, bytes, kernelGeneration, maxNicQueues,
                backlogMemoryFraction, bytesPerQueuedPacket);
    }

    public SizingAssumptions withKernelGeneration(KernelGeneration generation) {
        return new SizingAssumptions(conntrackMemoryFraction, bytesPerConntrackEntry, generation, maxNicQueues,
                backlogMemoryFraction, bytesPerQueuedPacket);
    }

    public SizingAssumptions withMaxNicQueues(int queues) {
        return new SizingAssumptions(conntrackMemoryFraction, bytesPerConntrackEntry, kernelGeneration, queues,
                backlogMemoryFraction, bytesPerQueuedPacket);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "conntrack budget %.0f%% of RAM, %d B per conntrack entry incl. NAT extensions, %s kernel rules, "
                        + "at most %d NIC queues, backlog budget %.1f%% of RAM at %d B per queued packet",
                conntrackMemoryFraction * 100, bytesPerConntrackEntry,
                kernelGeneration == KernelGeneration.MODERN ? "Linux >= 5.15" : "Linux < 5.15",
                maxNicQueues, backlogMemoryFraction * 100, bytesPerQueuedPacket);
    }
}
