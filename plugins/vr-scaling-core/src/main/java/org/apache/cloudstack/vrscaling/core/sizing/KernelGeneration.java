package org.apache.cloudstack.vrscaling.core.sizing;

/**
 * Which conntrack sizing rules the router's kernel follows. Linux 5.15 ("sanitize table size default settings")
 * changed the defaults; CloudStack 4.20+ system VMs run Debian 12's 6.1, so {@link #MODERN} is the default.
 */
public enum KernelGeneration {
    /** Linux 5.15 and later: buckets = RAM/16384/8 (min 1024; 65,536 above 1 GiB; 262,144 above 4 GiB), max = buckets. */
    MODERN(1, 1024, 65_536, 262_144),
    /** Before 5.15: same RAM rule but caps 16,384 / 65,536, minimum 32, and max = 4 x buckets. */
    LEGACY(4, 32, 16_384, 65_536);

    private final int maxFactor;
    private final int minBuckets;
    private final int bucketsAbove1GiB;
    private final int bucketsAbove4GiB;

    KernelGeneration(int maxFactor, int minBuckets, int bucketsAbove1GiB, int bucketsAbove4GiB) {
        this.maxFactor = maxFactor;
        this.minBuckets = minBuckets;
        this.bucketsAbove1GiB = bucketsAbove1GiB;
        this.bucketsAbove4GiB = bucketsAbove4GiB;
    }

    public int maxFactor() {
        return maxFactor;
    }

    public int minBuckets() {
        return minBuckets;
    }

    public int bucketsAbove1GiB() {
        return bucketsAbove1GiB;
    }

    public int bucketsAbove4GiB() {
        return bucketsAbove4GiB;
    }
}
