package org.apache.cloudstack.vrscaling.core.sizing;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Derives the kernel tuning a router of a given size can carry. Pure arithmetic over the size and the stated
 * {@link SizingAssumptions}; every value says why it is what it is.
 */
public final class SizingModel {
    /** Linux's default TCP keepalive is 7,200 s; an entry that outlives it keeps keepalive-protected sessions. */
    public static final long NAT_TCP_ESTABLISHED_TIMEOUT = 7_440L;
    /** Matches the endpoints' own TIME_WAIT (TCP_TIMEWAIT_LEN, 60 s). */
    public static final long NAT_TCP_TIME_WAIT_TIMEOUT = 60L;
    public static final long BUDGET_SINGLE_CPU = 300L;
    public static final long BUDGET_MULTI_CPU = 600L;
    public static final long MAX_DERIVED_BACKLOG = 16_384L;
    public static final long VR_TCP_FIN_TIMEOUT = 30L;

    private final SizingAssumptions assumptions;

    public SizingModel(SizingAssumptions assumptions) {
        if (assumptions == null) {
            throw new IllegalArgumentException("assumptions are required");
        }
        this.assumptions = assumptions;
    }

    public SizingAssumptions getAssumptions() {
        return assumptions;
    }

    public KernelTuning derive(RouterSize size) {
        Map<TuningKey, TuningValue> values = new EnumMap<>(TuningKey.class);
        deriveConntrack(size, values);
        deriveTimeouts(values);
        deriveReceivePath(size, values);
        values.put(TuningKey.TCP_FIN_TIMEOUT, new TuningValue(TuningKey.TCP_FIN_TIMEOUT, VR_TCP_FIN_TIMEOUT,
                TuningValue.Source.DERIVED,
                "Frees FIN-WAIT-2 sockets of services the VR itself terminates (haproxy LB, userdata web server, "
                        + "DNS over TCP) in 30 s instead of 60 s; forwarded NAT flows follow the conntrack timeouts",
                0));
        values.put(TuningKey.TCP_WINDOW_SCALING, new TuningValue(TuningKey.TCP_WINDOW_SCALING, 1,
                TuningValue.Source.DERIVED,
                "Kept on explicitly: windows above 64 KiB for VR-terminated TCP (haproxy, VPN); the stock VR "
                        + "already disables TCP timestamps, so nothing else may disable scaling", 0));
        return new KernelTuning(values);
    }

    private void deriveConntrack(RouterSize size, Map<TuningKey, TuningValue> values) {
        long budget = (long) (size.memoryBytes() * assumptions.getConntrackMemoryFraction());
        // One bucket per entry (chain length 2, the kernel's own >= 5.15 target), so each entry costs its bucket too.
        long perEntry = assumptions.getBytesPerConntrackEntry() + KernelDefaults.BYTES_PER_BUCKET;
        long max = budget / perEntry / KernelDefaults.BUCKET_ROUNDING * KernelDefaults.BUCKET_ROUNDING;
        max = Math.max(TuningKey.CONNTRACK_MAX.min(), Math.min(TuningKey.CONNTRACK_MAX.max(), max));
        long buckets = Math.min(max, TuningKey.CONNTRACK_BUCKETS.max());

        String maxWhy = String.format(Locale.ROOT,
                "%,d MiB x %.0f%% conntrack budget / (%d B per entry + %d B bucket) = %,d entries: a full table fits "
                        + "in RAM beside the kernel and VR services (stock VR: 1,000,000 whatever the RAM; "
                        + "vm.panic_on_oom=1 turns an overfull table into a reboot)",
                size.getMemoryMib(), assumptions.getConntrackMemoryFraction() * 100,
                assumptions.getBytesPerConntrackEntry(), KernelDefaults.BYTES_PER_BUCKET, max);
        values.put(TuningKey.CONNTRACK_MAX, new TuningValue(TuningKey.CONNTRACK_MAX, max, TuningValue.Source.DERIVED,
                maxWhy, TuningMemory.cost(TuningKey.CONNTRACK_MAX, max, size, assumptions)));

        String bucketsWhy = buckets == max
                ? String.format(Locale.ROOT, "One bucket per entry: average chain of 2 at a full table (kernel "
                        + "default for %,d MiB is %,d buckets, i.e. chains of %,.0f at this max)",
                        size.getMemoryMib(), KernelDefaults.defaultBuckets(size.getMemoryMib(),
                                assumptions.getKernelGeneration()),
                        2.0 * max / KernelDefaults.defaultBuckets(size.getMemoryMib(),
                                assumptions.getKernelGeneration()))
                : String.format(Locale.ROOT, "Capped at %,d buckets (%,d MiB of hash heads): average chain %.1f at "
                        + "a full table", buckets, buckets * KernelDefaults.BYTES_PER_BUCKET / (1024 * 1024),
                        2.0 * max / buckets);
        values.put(TuningKey.CONNTRACK_BUCKETS, new TuningValue(TuningKey.CONNTRACK_BUCKETS, buckets,
                TuningValue.Source.DERIVED, bucketsWhy,
                TuningMemory.cost(TuningKey.CONNTRACK_BUCKETS, buckets, size, assumptions)));
    }

    private void deriveTimeouts(Map<TuningKey, TuningValue> values) {
        values.put(TuningKey.CONNTRACK_TCP_TIMEOUT_ESTABLISHED, new TuningValue(
                TuningKey.CONNTRACK_TCP_TIMEOUT_ESTABLISHED, NAT_TCP_ESTABLISHED_TIMEOUT, TuningValue.Source.DERIVED,
                "Kernel default 432,000 s (5 days) keeps abandoned NAT flows in the table for days; 7,440 s outlives "
                        + "Linux's default TCP keepalive (7,200 s), so sessions that keep alive survive (OpenWrt's "
                        + "router default)", 0));
        values.put(TuningKey.CONNTRACK_TCP_TIMEOUT_TIME_WAIT, new TuningValue(
                TuningKey.CONNTRACK_TCP_TIMEOUT_TIME_WAIT, NAT_TCP_TIME_WAIT_TIMEOUT, TuningValue.Source.DERIVED,
                "Matches the endpoints' own 60 s TIME_WAIT; the kernel default 120 s holds every closed NAT flow "
                        + "twice as long, which at high connection rates fills the table with dead flows", 0));
    }

    private void deriveReceivePath(RouterSize size, Map<TuningKey, TuningValue> values) {
        int cpus = size.getCpus();
        int packetBytes = assumptions.getBytesPerQueuedPacket();
        long perCpuBudget = (long) (size.memoryBytes() * assumptions.getBacklogMemoryFraction()) / cpus / packetBytes;
        long backlog = Math.max(KernelDefaults.NETDEV_MAX_BACKLOG,
                Math.min(MAX_DERIVED_BACKLOG, Long.highestOneBit(Math.max(1, perCpuBudget))));
        values.put(TuningKey.NETDEV_MAX_BACKLOG, new TuningValue(TuningKey.NETDEV_MAX_BACKLOG, backlog,
                TuningValue.Source.DERIVED, String.format(Locale.ROOT,
                "Per-CPU input queue sized so that %d full queue(s) hold at most %.1f%% of RAM (%,d x %d B per "
                        + "packet each); absorbs bursts the kernel default 1,000 drops (softnet_stat column 2)",
                cpus, assumptions.getBacklogMemoryFraction() * 100, backlog, packetBytes),
                TuningMemory.cost(TuningKey.NETDEV_MAX_BACKLOG, backlog, size, assumptions)));

        long budget = cpus > 1 ? BUDGET_MULTI_CPU : BUDGET_SINGLE_CPU;
        values.put(TuningKey.NETDEV_BUDGET, new TuningValue(TuningKey.NETDEV_BUDGET, budget,
                TuningValue.Source.DERIVED, cpus > 1
                ? "Several vCPUs share the receive work: 600 packets per softirq run cuts time_squeeze "
                        + "(softnet_stat column 3) without starving a single CPU"
                : "One vCPU also runs keepalived, dnsmasq and the agent's commands: the kernel's 300 keeps each "
                        + "softirq run short", 0));

        long queues = Math.min(cpus, assumptions.getMaxNicQueues());
        values.put(TuningKey.NIC_QUEUES, new TuningValue(TuningKey.NIC_QUEUES, queues, TuningValue.Source.DERIVED,
                queues == 1
                        ? "One vCPU: one queue per NIC is all it can use"
                        : String.format(Locale.ROOT, "One virtio queue per vCPU (capped at %d) so %d vCPUs share "
                                + "packet work; needs nic.multiqueue.number on the router before start, then "
                                + "ethtool -L inside", assumptions.getMaxNicQueues(), queues),
                TuningMemory.cost(TuningKey.NIC_QUEUES, queues, size, assumptions)));
    }
}
