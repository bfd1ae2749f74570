package org.apache.cloudstack.vrscaling.core.profile;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.sizing.TuningMemory;
import org.apache.cloudstack.vrscaling.core.sizing.TuningValue;

/** A virtual-router profile: a name, a size, and the tuning values it sets explicitly. */
public final class RouterProfile {
    /** Smallest router a profile may describe: CloudStack's own code fallback for router.ram.size. */
    public static final int MIN_MEMORY_MIB = 256;
    public static final int MIN_CPU_MHZ = 500;
    public static final int MAX_NAME_LENGTH = 255;

    private final String name;
    private final RouterSize size;
    private final TuningOverrides overrides;

    public RouterProfile(String name, RouterSize size, TuningOverrides overrides) {
        if (name == null || name.trim().isEmpty()) {
            throw new IllegalArgumentException("a profile needs a name");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("profile name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        this.name = name.trim();
        this.size = Objects.requireNonNull(size, "size");
        checkFloor(size);
        this.overrides = overrides == null ? TuningOverrides.none() : overrides;
    }

    /** Refuses sizes below what a VR needs to boot and run its services. */
    public static void checkFloor(RouterSize size) {
        if (size.getMemoryMib() < MIN_MEMORY_MIB) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "memory %d MiB is below the %d MiB a virtual router needs", size.getMemoryMib(), MIN_MEMORY_MIB));
        }
        if (size.getCpuMhz() < MIN_CPU_MHZ) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cpuspeed %d MHz is below the %d MHz of CloudStack's default router offering", size.getCpuMhz(),
                    MIN_CPU_MHZ));
        }
    }

    public String getName() {
        return name;
    }

    public RouterSize getSize() {
        return size;
    }

    public TuningOverrides getOverrides() {
        return overrides;
    }

    public RouterProfile withOverrides(TuningOverrides newOverrides) {
        return new RouterProfile(name, size, newOverrides);
    }

    public RouterProfile withName(String newName) {
        return new RouterProfile(newName, size, overrides);
    }

    /** The tuning routers of this profile get: derived from the size, with explicit values winning. */
    public KernelTuning effectiveTuning(SizingModel model) {
        KernelTuning tuning = model.derive(size);
        for (Map.Entry<TuningKey, Long> override : overrides.asMap().entrySet()) {
            TuningKey key = override.getKey();
            long derived = tuning.value(key);
            tuning = tuning.with(new TuningValue(key, override.getValue(), TuningValue.Source.OVERRIDE,
                    String.format(Locale.ROOT, "Set by profile '%s' (derived value: %,d)", name, derived),
                    TuningMemory.cost(key, override.getValue(), size, model.getAssumptions())));
        }
        return tuning;
    }

    @Override
    public String toString() {
        return name + " (" + size + (overrides.isEmpty() ? "" : ", overrides " + overrides) + ")";
    }
}
