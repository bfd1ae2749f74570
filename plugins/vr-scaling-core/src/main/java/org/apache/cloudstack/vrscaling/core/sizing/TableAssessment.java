package org.apache.cloudstack.vrscaling.core.sizing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** What happens when a router's conntrack table fills up under a given tuning: memory used and chain length. */
public final class TableAssessment {
    /** How a full table compares with the router's RAM. */
    public enum MemoryVerdict {
        /** Within the conntrack budget. */
        FITS,
        /** Above the budget but under half the RAM: the VR services and page cache get squeezed. */
        TIGHT,
        /** More than half the RAM: with vm.panic_on_oom=1 the router is likely to panic before the table fills. */
        DOES_NOT_FIT,
        /** More than all of the RAM: the table can never reach its max. */
        EXCEEDS_RAM
    }

    /** Average chain length above which lookups get measurably slow (kernel >= 5.15 targets 2). */
    public static final double LONG_CHAIN = 8.0;

    private final ConntrackBudget budget;
    private final double ramFraction;
    private final double averageChainLength;
    private final MemoryVerdict memoryVerdict;
    private final List<String> findings;

    private TableAssessment(ConntrackBudget budget, double ramFraction, double averageChainLength,
                            MemoryVerdict memoryVerdict, List<String> findings) {
        this.budget = budget;
        this.ramFraction = ramFraction;
        this.averageChainLength = averageChainLength;
        this.memoryVerdict = memoryVerdict;
        this.findings = Collections.unmodifiableList(findings);
    }

    public static TableAssessment assess(KernelTuning tuning, RouterSize size, SizingAssumptions assumptions) {
        // The same rule the API enforces on profiles and the VR-side script caps to.
        ConntrackBudget budget = ConntrackBudget.of(tuning, size, assumptions);
        long full = budget.getFullTableBytes();
        double fraction = (double) full / size.memoryBytes();
        double chain = tuning.averageChainLengthAtFull();
        MemoryVerdict verdict;
        if (budget.fits()) {
            verdict = MemoryVerdict.FITS;
        } else if (fraction <= 0.5) {
            verdict = MemoryVerdict.TIGHT;
        } else if (fraction <= 1.0) {
            verdict = MemoryVerdict.DOES_NOT_FIT;
        } else {
            verdict = MemoryVerdict.EXCEEDS_RAM;
        }
        List<String> findings = new ArrayList<>();
        long max = tuning.value(TuningKey.CONNTRACK_MAX);
        String mib = String.format(Locale.ROOT, "%,.1f MiB", full / 1048576.0);
        switch (verdict) {
            case EXCEEDS_RAM:
                findings.add(String.format(Locale.ROOT, "A full table of %,d entries needs %s, more than the "
                        + "router's %,d MiB: it can never be reached, the router runs out of memory first "
                        + "(vm.panic_on_oom=1: kernel panic, reboot)", max, mib, size.getMemoryMib()));
                break;
            case DOES_NOT_FIT:
                findings.add(String.format(Locale.ROOT, "A full table of %,d entries needs %s, %.0f%% of RAM: the "
                        + "router is likely to run out of memory (and panic) before the table fills", max, mib,
                        fraction * 100));
                break;
            case TIGHT:
                findings.add(String.format(Locale.ROOT, "A full table of %,d entries needs %s, %.0f%% of RAM, "
                        + "above the %.0f%% budget", max, mib, fraction * 100,
                        assumptions.getConntrackMemoryFraction() * 100));
                break;
            default:
                break;
        }
        if (!budget.fits()) {
            findings.add(String.format(Locale.ROOT, "Largest table within the budget: conntrackmax=%d with "
                    + "conntrackbuckets=%d", budget.getAllowedMax(), budget.getAllowedBuckets()));
        }
        if (chain > LONG_CHAIN) {
            findings.add(String.format(Locale.ROOT, "%,d buckets for %,d entries: a full table averages %,.0f "
                    + "entries per hash chain (the kernel targets 2), so every packet lookup walks long lists",
                    tuning.value(TuningKey.CONNTRACK_BUCKETS), max, chain));
        }
        return new TableAssessment(budget, fraction, chain, verdict, findings);
    }

    public long getFullTableBytes() {
        return budget.getFullTableBytes();
    }

    /** The budget check behind the verdict: FITS exactly when it fits. */
    public ConntrackBudget getBudget() {
        return budget;
    }

    public double getRamFraction() {
        return ramFraction;
    }

    public double getAverageChainLength() {
        return averageChainLength;
    }

    public MemoryVerdict getMemoryVerdict() {
        return memoryVerdict;
    }

    public boolean hasLongChains() {
        return averageChainLength > LONG_CHAIN;
    }

    /** Human-readable problems; empty when the table both fits and hashes well. */
    public List<String> getFindings() {
        return findings;
    }
}
