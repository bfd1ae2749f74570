package org.apache.cloudstack.vrscaling.core.sizing;

import java.util.Objects;

/** One managed kernel setting: its value, where the value came from, why, and the memory it can cost. */
public final class TuningValue {
    /** Where a value came from. */
    public enum Source {
        /** Computed by the sizing model from the router size. */
        DERIVED,
        /** Set explicitly in a profile; wins over the derived value. */
        OVERRIDE,
        /** What the kernel picks by itself when nobody sets the value. */
        KERNEL_DEFAULT,
        /** What CloudStack's stock VR sets (systemvm /etc/sysctl.conf). */
        CLOUDSTACK_DEFAULT
    }

    private final TuningKey key;
    private final long value;
    private final Source source;
    private final String why;
    private final long memoryBytes;

    public TuningValue(TuningKey key, long value, Source source, String why, long memoryBytes) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = key.checkRange(value);
        this.source = Objects.requireNonNull(source, "source");
        if (why == null || why.trim().isEmpty()) {
            throw new IllegalArgumentException("every tuning value needs a reason: " + key.parameterName());
        }
        this.why = why;
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("memory cost cannot be negative: " + key.parameterName());
        }
        this.memoryBytes = memoryBytes;
    }

    public TuningKey getKey() {
        return key;
    }

    public long getValue() {
        return value;
    }

    public Source getSource() {
        return source;
    }

    public String getWhy() {
        return why;
    }

    /** Worst-case kernel memory this setting allows to be used (0 when it costs nothing measurable). */
    public long getMemoryBytes() {
        return memoryBytes;
    }

    @Override
    public String toString() {
        return key.parameterName() + "=" + value + " (" + source + ")";
    }
}
