package org.apache.cloudstack.vrscaling.core.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.cloudstack.vrscaling.core.advisor.Advice;
import org.apache.cloudstack.vrscaling.core.advisor.SizeRung;
import org.apache.cloudstack.vrscaling.core.advisor.Workload;
import org.apache.cloudstack.vrscaling.core.advisor.WorkloadAdvisor;
import org.apache.cloudstack.vrscaling.core.sizing.ConntrackBudget;
import org.apache.cloudstack.vrscaling.core.sizing.KernelDefaults;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TableAssessment;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;

/**
 * The troubleshooting matrix as code: measurements from inside a router plus its offering in, findings and a
 * recommended size out. Pure; thresholds are constants so the README table and the tests quote the same numbers.
 */
public final class DiagnosisRules {
    /** Table fill above which new flows are close to being dropped. */
    public static final double CONNTRACK_NEAR_FULL = 0.80;
    /** Below this fill, drop counters (cumulative since boot) are old news rather than a current emergency. */
    public static final double CONNTRACK_DROPS_ARE_OLD_BELOW = 0.50;
    /** Raising max on the same RAM only counts when it buys at least this much more room. */
    public static final double WORTHWHILE_RAISE = 1.10;
    public static final double HIGH_STEAL_PCT = 10.0;
    public static final double LOW_BUSY_PCT = 50.0;
    public static final double CONTEXT_SWITCHES_PER_CPU = 20_000.0;
    /** softnet time_squeeze counts (since boot) above which the receive budget ran out regularly. */
    public static final long TIME_SQUEEZE_MANY = 1_000L;
    /** The guest always sees a bit less RAM than the offering (kernel, reserved); less than this is a mismatch. */
    public static final double MIN_VISIBLE_RAM = 0.80;

    private final SizingModel model;
    private final WorkloadAdvisor advisor;
    private final List<SizeRung> ladder;

    public DiagnosisRules(SizingModel model) {
        this.model = model;
        this.ladder = SizeRung.defaultLadder();
        this.advisor = new WorkloadAdvisor(model, ladder);
    }

    public Diagnosis diagnose(VrMeasurements m, RouterSize offering) {
        List<Finding> findings = new ArrayList<>();
        conntrack(m, offering, findings);
        hashChains(m, findings);
        conntrackBudget(m, offering, findings);
        oomKills(m, findings);
        receiveDrops(m, findings);
        boolean contention = hostContention(m, findings);
        contextSwitches(m, findings);
        sizeMismatch(m, offering, findings);
        return recommend(m, offering, findings, contention);
    }

    private void conntrack(VrMeasurements m, RouterSize offering, List<Finding> findings) {
        Long count = m.getConntrackCount();
        Long max = m.getConntrackMax();
        if (count == null || max == null || max == 0) {
            return;
        }
        double fill = (double) count / max;
        long drops = nz(m.getConntrackDrop()) + nz(m.getConntrackEarlyDrop());
        if (drops == 0 && fill < CONNTRACK_NEAR_FULL) {
            return;
        }
        boolean dropsAreOld = drops > 0 && fill < CONNTRACK_DROPS_ARE_OLD_BELOW;
        Finding.Severity severity = drops > 0 && !dropsAreOld ? Finding.Severity.CRITICAL : Finding.Severity.WARNING;
        String evidence = String.format(Locale.ROOT, "%,d of %,d entries in use (%.0f%%); %,d drop(s), %,d early "
                + "drop(s), %,d insert failure(s) since boot%s", count, max, fill * 100, nz(m.getConntrackDrop()),
                nz(m.getConntrackEarlyDrop()), nz(m.getConntrackInsertFailed()),
                dropsAreOld ? " (the table is not full now: the drops happened earlier)" : "");
        long roomOnSameRam = model.derive(offering).value(TuningKey.CONNTRACK_MAX);
        String fix;
        if (roomOnSameRam >= max * WORTHWHILE_RAISE) {
            fix = String.format(Locale.ROOT, "Raise nf_conntrack_max to %,d: this router's %,d MiB holds that many "
                    + "entries (apply the VR Scale profile for its size; no restart needed)", roomOnSameRam,
                    offering.getMemoryMib());
        } else {
            Advice advice = advisor.advise(new Workload(Math.max(count, max), 0, 0, 0));
            fix = String.format(Locale.ROOT, "RAM-bound: %,d MiB cannot hold more than ~%,d entries; move to a "
                    + "profile of size %s", offering.getMemoryMib(), roomOnSameRam, advice.getRecommended());
        }
        findings.add(new Finding(Finding.Code.CONNTRACK_PRESSURE, severity, evidence, fix));
    }

    /**
     * The table in force against the router's RAM budget, by the rule the API checks profiles with (the offering's
     * nominal RAM, as for a profile): a table that cannot fit is an out-of-memory panic waiting for traffic (the
     * stock VR: 1,000,000 entries on 512 MiB).
     */
    private void conntrackBudget(VrMeasurements m, RouterSize offering, List<Finding> findings) {
        Long max = m.getConntrackMax();
        Long buckets = m.getConntrackBuckets();
        if (max == null || buckets == null || max <= 0 || buckets <= 0) {
            return;
        }
        SizingAssumptions assumptions = model.getAssumptions();
        ConntrackBudget budget = ConntrackBudget.of(offering.memoryBytes(), assumptions.getConntrackMemoryFraction(),
                assumptions.getBytesPerConntrackEntry(), max, buckets);
        if (budget.fits()) {
            return;
        }
        findings.add(new Finding(Finding.Code.CONNTRACK_OVER_BUDGET, Finding.Severity.CRITICAL,
                "In force: " + budget.describe(),
                ("Apply a VR Scale profile for this size (a profile may not exceed the "
                        + "budget, and the VR-side script caps a table to the router's real RAM, reporting it as "
                        + "limited) or give the router more RAM: a full table above the budget can exhaust memory, "
                        + "and the VR panics on OOM (vm.panic_on_oom=1)")));
    }

    private void hashChains(VrMeasurements m, List<Finding> findings) {
        Long max = m.getConntrackMax();
        Long buckets = m.getConntrackBuckets();
        if (max == null || buckets == null || buckets == 0) {
            return;
        }
        double chainAtFull = 2.0 * max / buckets;
        long refused = nz(m.getConntrackChainTooLong());
        if (chainAtFull <= TableAssessment.LONG_CHAIN && refused == 0) {
            return;
        }
        // Linux >= 5.15 refuses a new flow whose chain is too long: the table stalls far below its max.
        findings.add(new Finding(Finding.Code.LONG_HASH_CHAINS,
                refused > 0 ? Finding.Severity.CRITICAL : Finding.Severity.WARNING,
                String.format(Locale.ROOT, "%,d buckets for a max of %,d: a full table averages %,.0f entries per "
                        + "hash chain (the kernel targets 2)%s", buckets, max, chainAtFull, refused == 0 ? ""
                        : String.format(Locale.ROOT, "; %,d new flow(s) refused since boot because their chain "
                                + "was too long", refused)),
                String.format(Locale.ROOT, "Set nf_conntrack_buckets to %,d (= max): a tuning fix, same RAM "
                        + "(%,.1f MiB of hash heads), no restart", KernelDefaults.roundUpToBucketPage(max),
                        KernelDefaults.roundUpToBucketPage(max) * 8 / 1048576.0)));
    }

    private void oomKills(VrMeasurements m, List<Finding> findings) {
        if (nz(m.getOomKills()) == 0) {
            return;
        }
        findings.add(new Finding(Finding.Code.OOM_KILLS, Finding.Severity.CRITICAL,
                String.format(Locale.ROOT, "%,d OOM kill(s) since boot%s", m.getOomKills(),
                        m.getMemTotalKb() == null ? "" : String.format(Locale.ROOT, " with %,d MiB visible",
                                m.getMemTotalKb() / 1024)),
                "Memory-bound: move to a profile with more RAM (the VR runs vm.panic_on_oom=1, so the next "
                        + "exhaustion can be a kernel panic)"));
    }

    private void receiveDrops(VrMeasurements m, List<Finding> findings) {
        long rxDropped = nz(m.totalRxDropped());
        long softnetDropped = nz(m.getSoftnetDropped());
        long squeeze = nz(m.getSoftnetTimeSqueeze());
        if (rxDropped == 0 && softnetDropped == 0 && squeeze < TIME_SQUEEZE_MANY) {
            return;
        }
        String evidence = String.format(Locale.ROOT, "%,d NIC RX drop(s), %,d softnet backlog drop(s), %,d "
                + "time_squeeze(s) since boot", rxDropped, softnetDropped, squeeze);
        int cpus = m.getCpus() == null ? 1 : m.getCpus();
        if (cpus > 1 && m.hasSingleQueueVirtioNic()) {
            findings.add(new Finding(Finding.Code.SINGLE_QUEUE_DROPS, Finding.Severity.WARNING,
                    evidence + String.format(Locale.ROOT, "; %d vCPUs but a virtio NIC with one queue", cpus),
                    String.format(Locale.ROOT, "Enable multiqueue: nic.multiqueue.number=%d on the router and "
                            + "ethtool -L combined %d inside (scaleVirtualRouterProfile does both, one restart)",
                            cpus, cpus)));
        } else if (cpus == 1) {
            findings.add(new Finding(Finding.Code.CPU_BOUND_DROPS, Finding.Severity.WARNING,
                    evidence + "; one vCPU does all packet work",
                    "CPU-bound: move to a profile with more vCPUs (and as many NIC queues)"));
        }
    }

    private boolean hostContention(VrMeasurements m, List<Finding> findings) {
        if (m.getStealPct() == null || m.getBusyPct() == null) {
            return false;
        }
        if (m.getStealPct() < HIGH_STEAL_PCT || m.getBusyPct() >= LOW_BUSY_PCT) {
            return false;
        }
        findings.add(new Finding(Finding.Code.HOST_CONTENTION, Finding.Severity.WARNING,
                String.format(Locale.ROOT, "%.1f%% CPU steal while the router itself is only %.1f%% busy",
                        m.getStealPct(), m.getBusyPct()),
                "Host contention, not router size: migrate the router to a quieter host or limit its neighbours; "
                        + "a bigger profile would wait for the same CPUs"));
        return true;
    }

    private void contextSwitches(VrMeasurements m, List<Finding> findings) {
        if (m.getContextSwitchesPerSecond() == null || m.getBusyPct() == null || m.getCpus() == null) {
            return;
        }
        double perCpu = m.getContextSwitchesPerSecond() / Math.max(1, m.getCpus());
        if (perCpu < CONTEXT_SWITCHES_PER_CPU || m.getBusyPct() >= LOW_BUSY_PCT) {
            return;
        }
        findings.add(new Finding(Finding.Code.CONTEXT_SWITCH_STORM, Finding.Severity.INFO,
                String.format(Locale.ROOT, "%,.0f context switches/s per vCPU at %.1f%% busy", perCpu,
                        m.getBusyPct()),
                "The latency symptom of interrupts bouncing between CPUs: spread the NIC queues and IRQs "
                        + "(multiqueue + irqbalance) rather than adding vCPUs"));
    }

    private void sizeMismatch(VrMeasurements m, RouterSize offering, List<Finding> findings) {
        List<String> differences = new ArrayList<>();
        if (m.getCpus() != null && m.getCpus() != offering.getCpus()) {
            differences.add(String.format(Locale.ROOT, "%d vCPU(s) seen, offering has %d", m.getCpus(),
                    offering.getCpus()));
        }
        if (m.getMemTotalKb() != null) {
            double visible = m.getMemTotalKb() / 1024.0;
            if (visible < offering.getMemoryMib() * MIN_VISIBLE_RAM || visible > offering.getMemoryMib()) {
                differences.add(String.format(Locale.ROOT, "%,.0f MiB seen, offering has %,d MiB", visible,
                        offering.getMemoryMib()));
            }
        }
        if (differences.isEmpty()) {
            return;
        }
        findings.add(new Finding(Finding.Code.SIZE_MISMATCH, Finding.Severity.CRITICAL, String.join("; ", differences),
                "Scaling did not take effect: the router still runs its old size. Stop and start it (re-run "
                        + "scaleVirtualRouterProfile) and check the host has the capacity"));
    }

    private Diagnosis recommend(VrMeasurements m, RouterSize offering, List<Finding> findings, boolean contention) {
        long peak = Math.max(nz(m.getConntrackCount()), 0);
        SizeRung rung = advisor.advise(new Workload(peak, 0, 0, 0)).getRecommended();
        boolean needRam = hasCode(findings, Finding.Code.OOM_KILLS);
        boolean needCpus = hasCode(findings, Finding.Code.CPU_BOUND_DROPS);
        if (hasCode(findings, Finding.Code.CONNTRACK_PRESSURE)) {
            long roomOnSameRam = model.derive(offering).value(TuningKey.CONNTRACK_MAX);
            needRam |= roomOnSameRam < nz(m.getConntrackMax()) * WORTHWHILE_RAISE;
        }
        for (SizeRung candidate : ladder) {
            RouterSize size = candidate.getSize();
            boolean biggerRam = !needRam || size.getMemoryMib() > offering.getMemoryMib();
            boolean moreCpus = !needCpus || size.getCpus() > offering.getCpus();
            boolean holdsPeak = size.getMemoryMib() >= rung.getSize().getMemoryMib();
            if (biggerRam && moreCpus && holdsPeak) {
                rung = candidate;
                break;
            }
        }
        if (contention) {
            return new Diagnosis(findings, rung, false, "Do not resize now: CPU steal shows host contention, "
                    + "which a bigger router would suffer too. Fix the host first, then diagnose again.");
        }
        if (needRam || needCpus) {
            return new Diagnosis(findings, rung, true, "Move to size " + rung + ".");
        }
        if (findings.isEmpty()) {
            return new Diagnosis(findings, rung, false, "Healthy at its current size; size " + rung
                    + " would hold the measured " + String.format(Locale.ROOT, "%,d", peak) + " connections.");
        }
        return new Diagnosis(findings, rung, false, "Apply the fixes above; no resize needed for the measured load.");
    }

    private static boolean hasCode(List<Finding> findings, Finding.Code code) {
        return findings.stream().anyMatch(f -> f.getCode() == code);
    }

    private static long nz(Long value) {
        return value == null ? 0 : value;
    }
}
