package org.apache.cloudstack.vrscaling.core.sizing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A complete set of values for every {@link TuningKey}, each typed, range-checked and explained. */
public final class KernelTuning {
    private final Map<TuningKey, TuningValue> values;

    public KernelTuning(Map<TuningKey, TuningValue> values) {
        EnumMap<TuningKey, TuningValue> copy = new EnumMap<>(TuningKey.class);
        for (TuningKey key : TuningKey.values()) {
            TuningValue value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("tuning is missing " + key.parameterName());
            }
            if (value.getKey() != key) {
                throw new IllegalArgumentException("value for " + key.parameterName() + " is keyed "
                        + value.getKey().parameterName());
            }
            copy.put(key, value);
        }
        this.values = Collections.unmodifiableMap(copy);
    }

    public TuningValue get(TuningKey key) {
        return values.get(key);
    }

    public long value(TuningKey key) {
        return values.get(key).getValue();
    }

    /** All values in {@link TuningKey} order. */
    public List<TuningValue> values() {
        return new ArrayList<>(values.values());
    }

    /** Kernel memory the settings allow to be used when every table and queue is full. */
    public long totalMemoryBytes() {
        long total = 0;
        for (TuningValue value : values.values()) {
            total += value.getMemoryBytes();
        }
        return total;
    }

    /** The sysctl settings, in {@link TuningKey} order, as name to value. */
    public Map<String, Long> sysctls() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (TuningValue value : values.values()) {
            if (value.getKey().isSysctl()) {
                out.put(value.getKey().sysctlName(), value.getValue());
            }
        }
        return out;
    }

    /** A copy with one value replaced. */
    public KernelTuning with(TuningValue replacement) {
        EnumMap<TuningKey, TuningValue> copy = new EnumMap<>(values);
        copy.put(replacement.getKey(), replacement);
        return new KernelTuning(copy);
    }

    /** The conntrack table's average hash-chain length when full: every entry is hashed twice (both directions). */
    public double averageChainLengthAtFull() {
        return 2.0 * value(TuningKey.CONNTRACK_MAX) / value(TuningKey.CONNTRACK_BUCKETS);
    }

    @Override
    public String toString() {
        return values.values().toString();
    }
}
