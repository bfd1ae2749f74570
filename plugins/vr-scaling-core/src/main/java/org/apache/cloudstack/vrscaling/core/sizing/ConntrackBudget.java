package org.apache.cloudstack.vrscaling.core.sizing;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Whether a full conntrack table fits a router's RAM budget, and the largest table that does. The rule is shared
 * with the VR-side script (src/test/resources/conntrack-budget-vectors.json holds it and the vectors both sides are
 * tested against): integer arithmetic only, so Java and Python agree to the byte.
 */
public final class ConntrackBudget {
    /** Neither side ever caps below this: it is the smallest value TuningKey allows for max and buckets. */
    public static final long FLOOR = 1_024L;

    private final long memoryBytes;
    private final double fraction;
    private final long bytesPerEntry;
    private final long conntrackMax;
    private final long conntrackBuckets;
    private final long budgetBytes;
    private final long fullTableBytes;
    private final long allowedMax;
    private final long allowedBuckets;

    private ConntrackBudget(long memoryBytes, double fraction, long bytesPerEntry, long conntrackMax,
                            long conntrackBuckets) {
        this.memoryBytes = memoryBytes;
        this.fraction = fraction;
        this.bytesPerEntry = bytesPerEntry;
        this.conntrackMax = conntrackMax;
        this.conntrackBuckets = conntrackBuckets;
        this.budgetBytes = (long) Math.floor(memoryBytes * fraction);
        this.fullTableBytes = conntrackMax * bytesPerEntry + bucketBytes(conntrackBuckets);
        if (fullTableBytes <= budgetBytes) {
            allowedBuckets = conntrackBuckets;
            allowedMax = conntrackMax;
        } else {
            // buckets * budget can pass 2^63 for huge routers: exact big-integer division, same result as Python.
            long share = BigInteger.valueOf(conntrackBuckets).multiply(BigInteger.valueOf(budgetBytes))
                    .divide(BigInteger.valueOf(fullTableBytes)).longValueExact();
            allowedBuckets = Math.min(conntrackBuckets, Math.max(FLOOR, share / 512 * 512));
            allowedMax = Math.min(conntrackMax, Math.max(FLOOR,
                    Math.floorDiv(budgetBytes - bucketBytes(allowedBuckets), bytesPerEntry)));
        }
    }

    /**
     * @param memoryBytes the router's RAM: nominal for a profile; inside the VR the online memory blocks, which are
     *                    the same number (MemTotal, ~11 % lower, only when sysfs has no usable answer)
     * @param fraction    share of it a full table may use
     */
    public static ConntrackBudget of(long memoryBytes, double fraction, long bytesPerEntry, long conntrackMax,
                                     long conntrackBuckets) {
        if (memoryBytes <= 0) {
            throw new IllegalArgumentException("memory must be positive (got " + memoryBytes + ")");
        }
        if (Double.isNaN(fraction) || fraction <= 0 || fraction > 1) {
            throw new IllegalArgumentException("conntrack memory fraction must be in (0, 1] (got " + fraction + ")");
        }
        if (bytesPerEntry <= 0) {
            throw new IllegalArgumentException("bytes per entry must be positive (got " + bytesPerEntry + ")");
        }
        if (conntrackMax <= 0 || conntrackBuckets <= 0) {
            throw new IllegalArgumentException("conntrack max and buckets must be positive (got " + conntrackMax
                    + ", " + conntrackBuckets + ")");
        }
        return new ConntrackBudget(memoryBytes, fraction, bytesPerEntry, conntrackMax, conntrackBuckets);
    }

    /** The budget of a tuning on a router of this size under these assumptions. */
    public static ConntrackBudget of(KernelTuning tuning, RouterSize size, SizingAssumptions assumptions) {
        return of(size.memoryBytes(), assumptions.getConntrackMemoryFraction(),
                assumptions.getBytesPerConntrackEntry(), tuning.value(TuningKey.CONNTRACK_MAX),
                tuning.value(TuningKey.CONNTRACK_BUCKETS));
    }

    /** The hash table is allocated in whole pages of 512 eight-byte heads, full or not. */
    public static long bucketBytes(long buckets) {
        return (buckets + 511) / 512 * 512 * 8;
    }

    public long getMemoryBytes() {
        return memoryBytes;
    }

    public double getFraction() {
        return fraction;
    }

    public long getBytesPerEntry() {
        return bytesPerEntry;
    }

    public long getConntrackMax() {
        return conntrackMax;
    }

    public long getConntrackBuckets() {
        return conntrackBuckets;
    }

    public long getBudgetBytes() {
        return budgetBytes;
    }

    public long getFullTableBytes() {
        return fullTableBytes;
    }

    public boolean fits() {
        return fullTableBytes <= budgetBytes;
    }

    /** The largest max that fits beside {@link #getAllowedBuckets()}; the requested max when it fits. */
    public long getAllowedMax() {
        return allowedMax;
    }

    public long getAllowedBuckets() {
        return allowedBuckets;
    }

    /** One sentence for people: what a full table needs against the budget, and what fits when it does not. */
    public String describe() {
        String needs = String.format(Locale.ROOT, "a full conntrack table of %,d entries and %,d buckets needs "
                        + "%s, the budget is %s (%.0f%% of %s at %d B per entry)", conntrackMax, conntrackBuckets,
                mib(fullTableBytes), mib(budgetBytes), fraction * 100, mib(memoryBytes), bytesPerEntry);
        if (fits()) {
            return needs;
        }
        return needs + String.format(Locale.ROOT, "; the largest that fits is conntrackmax=%d with "
                + "conntrackbuckets=%d", allowedMax, allowedBuckets);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / 1048576.0);
    }

    @Override
    public String toString() {
        return describe();
    }
}
