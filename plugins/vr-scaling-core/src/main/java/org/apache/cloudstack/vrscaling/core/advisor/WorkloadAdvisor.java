package org.apache.cloudstack.vrscaling.core.advisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;

/**
 * Recommends the smallest router size whose derived tuning holds a workload. The capacity figures are
 * assumptions stated in every answer, not measurements of the operator's hardware.
 */
public final class WorkloadAdvisor {
    /** Margin on every requirement so the peak does not run the router at its limit. */
    public static final double HEADROOM = 1.25;
    /** One vCPU with its own virtio queue forwards ~100k packets/s, ~1 Gbit/s at 1,250-byte packets. */
    public static final double GBPS_PER_QUEUE = 1.0;
    /** Conntrack insert + NAT setup a vCPU sustains beside forwarding (planning figure). */
    public static final long NEW_CONNECTIONS_PER_CPU = 25_000L;
    /** One tunnel's crypto runs on one core (Linux 6.1: no per-CPU SAs); the VR blacklists aesni_intel. */
    public static final double IPSEC_GBPS_PER_CORE = 0.5;

    private final SizingModel model;
    private final List<SizeRung> ladder;

    public WorkloadAdvisor(SizingModel model, List<SizeRung> ladder) {
        if (model == null || ladder == null || ladder.isEmpty()) {
            throw new IllegalArgumentException("the advisor needs a sizing model and at least one size");
        }
        this.model = model;
        this.ladder = new ArrayList<>(ladder);
    }

    public WorkloadAdvisor(SizingModel model) {
        this(model, SizeRung.defaultLadder());
    }

    public Advice advise(Workload workload) {
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long entries = conntrackEntriesNeeded(workload, reasons);
        int cpus = cpusNeeded(workload, reasons, warnings);
        double gbpsNeeded = workload.getThroughputGbps() * HEADROOM;

        List<String> rejected = new ArrayList<>();
        for (SizeRung rung : ladder) {
            KernelTuning tuning = model.derive(rung.getSize());
            List<String> shortfalls = shortfalls(rung, tuning, entries, cpus, gbpsNeeded);
            if (shortfalls.isEmpty()) {
                return new Advice(workload, rung, tuning, entries, cpus, true, reasons, rejected, warnings);
            }
            rejected.add(rung.getName() + ": " + String.join("; ", shortfalls));
        }
        SizeRung largest = ladder.get(ladder.size() - 1);
        warnings.add("No size on the ladder holds this workload; showing the largest (" + largest
                + "). Split the traffic over several networks/VPCs or measure and adjust the assumptions.");
        return new Advice(workload, largest, model.derive(largest.getSize()), entries, cpus, false, reasons,
                rejected, warnings);
    }

    private long conntrackEntriesNeeded(Workload workload, List<String> reasons) {
        // Closed TCP flows linger for the time_wait timeout, so the arrival rate adds to the standing state.
        long lingering = workload.getNewConnectionsPerSecond() * SizingModel.NAT_TCP_TIME_WAIT_TIMEOUT;
        long entries = (long) Math.ceil((workload.getPeakConnections() + lingering) * HEADROOM);
        reasons.add(String.format(Locale.ROOT, "conntrack: (%,d concurrent + %,d new/s x %d s time_wait) x %.2f "
                        + "headroom = %,d entries", workload.getPeakConnections(),
                workload.getNewConnectionsPerSecond(), SizingModel.NAT_TCP_TIME_WAIT_TIMEOUT, HEADROOM, entries));
        return entries;
    }

    private int cpusNeeded(Workload workload, List<String> reasons, List<String> warnings) {
        double gbps = workload.getThroughputGbps() * HEADROOM;
        int forThroughput = (int) Math.ceil(gbps / GBPS_PER_QUEUE);
        reasons.add(String.format(Locale.ROOT, "throughput: %.2f Gbit/s x %.2f headroom / %.1f Gbit/s per vCPU "
                + "queue = %d vCPU(s)", workload.getThroughputGbps(), HEADROOM, GBPS_PER_QUEUE, forThroughput));
        int forRate = (int) Math.ceil(workload.getNewConnectionsPerSecond() * HEADROOM / NEW_CONNECTIONS_PER_CPU);
        reasons.add(String.format(Locale.ROOT, "new connections: %,d/s x %.2f headroom / %,d per vCPU = %d vCPU(s)",
                workload.getNewConnectionsPerSecond(), HEADROOM, NEW_CONNECTIONS_PER_CPU, forRate));
        int forIpsec = 0;
        int tunnels = workload.getIpsecTunnels();
        if (tunnels > 0) {
            int coresForCrypto = (int) Math.ceil(gbps / IPSEC_GBPS_PER_CORE);
            forIpsec = Math.min(tunnels, coresForCrypto);
            reasons.add(String.format(Locale.ROOT, "IPsec: one tunnel is one core (%.1f Gbit/s each); %.2f Gbit/s "
                    + "if all of it is encrypted needs %d core(s), spread over at most %d tunnel(s) = %d vCPU(s)",
                    IPSEC_GBPS_PER_CORE, gbps, coresForCrypto, tunnels, forIpsec));
            if (gbps / tunnels > IPSEC_GBPS_PER_CORE) {
                warnings.add(String.format(Locale.ROOT, "%.2f Gbit/s over %d tunnel(s) is %.2f Gbit/s per tunnel, "
                        + "more than one core encrypts (~%.1f Gbit/s): no router size makes a single tunnel faster",
                        gbps, tunnels, gbps / tunnels, IPSEC_GBPS_PER_CORE));
            }
        }
        return Math.max(1, Math.max(forThroughput, Math.max(forRate, forIpsec)));
    }

    private List<String> shortfalls(SizeRung rung, KernelTuning tuning, long entries, int cpus, double gbps) {
        List<String> out = new ArrayList<>();
        long holds = tuning.value(TuningKey.CONNTRACK_MAX);
        if (holds < entries) {
            out.add(String.format(Locale.ROOT, "holds %,d conntrack entries < %,d needed", holds, entries));
        }
        if (rung.getSize().getCpus() < cpus) {
            out.add(String.format(Locale.ROOT, "%d vCPU(s) < %d needed", rung.getSize().getCpus(), cpus));
        }
        double forwards = tuning.value(TuningKey.NIC_QUEUES) * GBPS_PER_QUEUE;
        if (forwards < gbps) {
            out.add(String.format(Locale.ROOT, "%d NIC queue(s) forward ~%.1f Gbit/s < %.2f needed",
                    tuning.value(TuningKey.NIC_QUEUES), forwards, gbps));
        }
        return out;
    }
}
