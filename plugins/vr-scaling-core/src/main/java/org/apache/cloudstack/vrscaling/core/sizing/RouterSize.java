package org.apache.cloudstack.vrscaling.core.sizing;

import java.util.Locale;
import java.util.Objects;

/** A router's compute size as CloudStack's service offering states it: vCPUs, MHz per vCPU, RAM in MiB. */
public final class RouterSize {
    public static final int MIN_CPUS = 1;
    public static final int MAX_CPUS = 64;
    public static final int MIN_CPU_MHZ = 100;
    public static final int MAX_CPU_MHZ = 100_000;
    public static final int MIN_MEMORY_MIB = 128;
    public static final int MAX_MEMORY_MIB = 1_048_576;

    private final int cpus;
    private final int cpuMhz;
    private final int memoryMib;

    public RouterSize(int cpus, int cpuMhz, int memoryMib) {
        this.cpus = check("cpunumber", cpus, MIN_CPUS, MAX_CPUS);
        this.cpuMhz = check("cpuspeed", cpuMhz, MIN_CPU_MHZ, MAX_CPU_MHZ);
        this.memoryMib = check("memory", memoryMib, MIN_MEMORY_MIB, MAX_MEMORY_MIB);
    }

    private static int check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be between %d and %d (got %d)",
                    name, min, max, value));
        }
        return value;
    }

    public int getCpus() {
        return cpus;
    }

    public int getCpuMhz() {
        return cpuMhz;
    }

    public int getMemoryMib() {
        return memoryMib;
    }

    public long memoryBytes() {
        return memoryMib * 1024L * 1024L;
    }

    /** True when this size is at least as large as {@code other} in every dimension. */
    public boolean covers(RouterSize other) {
        return cpus >= other.cpus && cpuMhz >= other.cpuMhz && memoryMib >= other.memoryMib;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RouterSize)) {
            return false;
        }
        RouterSize that = (RouterSize) o;
        return cpus == that.cpus && cpuMhz == that.cpuMhz && memoryMib == that.memoryMib;
    }

    @Override
    public int hashCode() {
        return Objects.hash(cpus, cpuMhz, memoryMib);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d vCPU x %d MHz, %d MiB", cpus, cpuMhz, memoryMib);
    }
}
