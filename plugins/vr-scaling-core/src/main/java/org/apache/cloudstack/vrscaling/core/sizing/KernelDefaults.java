package org.apache.cloudstack.vrscaling.core.sizing;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a router runs with when nobody tunes it: the kernel's own defaults, and CloudStack's stock VR, which
 * forces nf_conntrack_max to 1,000,000 in its /etc/sysctl.conf but leaves the buckets to the kernel.
 */
public final class KernelDefaults {
    /** nf_conntrack_max in CloudStack's systemvm /etc/sysctl.conf. */
    public static final long CLOUDSTACK_CONNTRACK_MAX = 1_000_000L;
    public static final long TCP_TIMEOUT_ESTABLISHED = 432_000L;
    public static final long TCP_TIMEOUT_TIME_WAIT = 120L;
    public static final long NETDEV_MAX_BACKLOG = 1_000L;
    public static final long NETDEV_BUDGET = 300L;
    public static final long TCP_FIN_TIMEOUT = 60L;
    public static final long TCP_WINDOW_SCALING = 1L;
    /** CloudStack gives system VMs one virtio queue per NIC unless nic.multiqueue.number is set. */
    public static final long NIC_QUEUES = 1L;
    /** The kernel allocates the hash table in whole pages: 4 KiB / 8 B per bucket head. */
    public static final int BUCKET_ROUNDING = 512;
    public static final int BYTES_PER_BUCKET = 8;
    /** QEMU's default virtio-net RX ring: each queue keeps this many receive buffers posted. */
    public static final int VIRTIO_RX_RING_DESCRIPTORS = 256;

    private KernelDefaults() {
    }

    /**
     * The bucket count the kernel picks for a RAM size (nf_conntrack_core.c). RAM is taken as the nominal size;
     * the guest's usable RAM is slightly lower, which the page rounding absorbs for the usual sizes.
     */
    public static long defaultBuckets(int memoryMib, KernelGeneration generation) {
        long buckets;
        if (memoryMib > 4_096) {
            buckets = generation.bucketsAbove4GiB();
        } else if (memoryMib > 1_024) {
            buckets = generation.bucketsAbove1GiB();
        } else {
            buckets = memoryMib * 1024L * 1024L / 16_384 / BYTES_PER_BUCKET;
        }
        buckets = Math.max(buckets, generation.minBuckets());
        return roundUpToBucketPage(buckets);
    }

    public static long defaultConntrackMax(int memoryMib, KernelGeneration generation) {
        return defaultBuckets(memoryMib, generation) * generation.maxFactor();
    }

    /** The bucket count the kernel really allocates for a requested one: rounded up to fill whole pages. */
    public static long roundUpToBucketPage(long buckets) {
        return (buckets + BUCKET_ROUNDING - 1) / BUCKET_ROUNDING * BUCKET_ROUNDING;
    }

    /** The kernel's own defaults for a router of this size. */
    public static KernelTuning kernelDefault(RouterSize size, SizingAssumptions assumptions) {
        KernelGeneration generation = assumptions.getKernelGeneration();
        long buckets = defaultBuckets(size.getMemoryMib(), generation);
        long max = defaultConntrackMax(size.getMemoryMib(), generation);
        String ramRule = String.format(Locale.ROOT, "kernel default for %d MiB RAM", size.getMemoryMib());
        Map<TuningKey, TuningValue> values = new EnumMap<>(TuningKey.class);
        values.put(TuningKey.CONNTRACK_MAX, new TuningValue(TuningKey.CONNTRACK_MAX, max,
                TuningValue.Source.KERNEL_DEFAULT, ramRule + " (buckets x " + generation.maxFactor() + ")",
                TuningMemory.cost(TuningKey.CONNTRACK_MAX, max, size, assumptions)));
        putCommonDefaults(values, size, assumptions, buckets, ramRule);
        return new KernelTuning(values);
    }

    /** CloudStack's stock VR: nf_conntrack_max forced to 1,000,000, everything else left to the kernel. */
    public static KernelTuning cloudStackDefault(RouterSize size, SizingAssumptions assumptions) {
        long buckets = defaultBuckets(size.getMemoryMib(), assumptions.getKernelGeneration());
        String ramRule = String.format(Locale.ROOT, "kernel default for %d MiB RAM; CloudStack sets no bucket count",
                size.getMemoryMib());
        Map<TuningKey, TuningValue> values = new EnumMap<>(TuningKey.class);
        values.put(TuningKey.CONNTRACK_MAX, new TuningValue(TuningKey.CONNTRACK_MAX, CLOUDSTACK_CONNTRACK_MAX,
                TuningValue.Source.CLOUDSTACK_DEFAULT, "set by the systemvm /etc/sysctl.conf whatever the RAM",
                TuningMemory.cost(TuningKey.CONNTRACK_MAX, CLOUDSTACK_CONNTRACK_MAX, size, assumptions)));
        putCommonDefaults(values, size, assumptions, buckets, ramRule);
        return new KernelTuning(values);
    }

    private static void putCommonDefaults(Map<TuningKey, TuningValue> values, RouterSize size,
                                          SizingAssumptions assumptions, long buckets, String bucketWhy) {
        TuningValue.Source kernel = TuningValue.Source.KERNEL_DEFAULT;
        values.put(TuningKey.CONNTRACK_BUCKETS, new TuningValue(TuningKey.CONNTRACK_BUCKETS, buckets, kernel,
                bucketWhy, TuningMemory.cost(TuningKey.CONNTRACK_BUCKETS, buckets, size, assumptions)));
        values.put(TuningKey.CONNTRACK_TCP_TIMEOUT_ESTABLISHED, new TuningValue(
                TuningKey.CONNTRACK_TCP_TIMEOUT_ESTABLISHED, TCP_TIMEOUT_ESTABLISHED, kernel,
                "kernel default: an idle established flow holds its entry for 5 days", 0));
        values.put(TuningKey.CONNTRACK_TCP_TIMEOUT_TIME_WAIT, new TuningValue(
                TuningKey.CONNTRACK_TCP_TIMEOUT_TIME_WAIT, TCP_TIMEOUT_TIME_WAIT, kernel,
                "kernel default (2 x 60 s MSL)", 0));
        values.put(TuningKey.NETDEV_MAX_BACKLOG, new TuningValue(TuningKey.NETDEV_MAX_BACKLOG, NETDEV_MAX_BACKLOG,
                kernel, "kernel default",
                TuningMemory.cost(TuningKey.NETDEV_MAX_BACKLOG, NETDEV_MAX_BACKLOG, size, assumptions)));
        values.put(TuningKey.NETDEV_BUDGET, new TuningValue(TuningKey.NETDEV_BUDGET, NETDEV_BUDGET, kernel,
                "kernel default", 0));
        values.put(TuningKey.TCP_FIN_TIMEOUT, new TuningValue(TuningKey.TCP_FIN_TIMEOUT, TCP_FIN_TIMEOUT, kernel,
                "kernel default", 0));
        values.put(TuningKey.TCP_WINDOW_SCALING, new TuningValue(TuningKey.TCP_WINDOW_SCALING, TCP_WINDOW_SCALING,
                kernel, "kernel default (enabled)", 0));
        values.put(TuningKey.NIC_QUEUES, new TuningValue(TuningKey.NIC_QUEUES, NIC_QUEUES, kernel,
                "CloudStack gives router NICs one virtio queue: all packet work lands on one vCPU",
                TuningMemory.cost(TuningKey.NIC_QUEUES, NIC_QUEUES, size, assumptions)));
    }
}
