package org.apache.cloudstack.vrscaling.core.profile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;

/** Values a profile sets explicitly. Each is range-checked on the way in; unknown names are refused. */
public final class TuningOverrides {
    private static final TuningOverrides NONE = new TuningOverrides(new EnumMap<>(TuningKey.class));

    private final Map<TuningKey, Long> values;

    private TuningOverrides(EnumMap<TuningKey, Long> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static TuningOverrides none() {
        return NONE;
    }

    public static TuningOverrides of(Map<TuningKey, Long> values) {
        EnumMap<TuningKey, Long> copy = new EnumMap<>(TuningKey.class);
        for (Map.Entry<TuningKey, Long> entry : values.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new IllegalArgumentException("tuning overrides cannot contain empty keys or values");
            }
            copy.put(entry.getKey(), entry.getKey().checkRange(entry.getValue()));
        }
        return new TuningOverrides(copy);
    }

    /**
     * Parses name to text pairs (API details, stored profile details, CLI flags). Names are the keys' parameter
     * names or sysctl names; values must be plain decimal integers.
     */
    public static TuningOverrides parse(Map<String, String> raw) {
        EnumMap<TuningKey, Long> parsed = new EnumMap<>(TuningKey.class);
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            TuningKey key = TuningKey.byName(entry.getKey());
            if (key == null) {
                throw new IllegalArgumentException("unknown tuning setting '" + entry.getKey() + "'; known: "
                        + knownNames());
            }
            if (parsed.containsKey(key)) {
                throw new IllegalArgumentException("tuning setting " + key.parameterName() + " is given twice");
            }
            parsed.put(key, key.checkRange(parseInteger(key, entry.getValue())));
        }
        return new TuningOverrides(parsed);
    }

    private static long parseInteger(TuningKey key, String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!trimmed.matches("-?[0-9]{1,12}")) {
            throw new IllegalArgumentException(key.parameterName() + " must be a whole number (got '" + text + "')");
        }
        return Long.parseLong(trimmed);
    }

    private static String knownNames() {
        StringBuilder names = new StringBuilder();
        for (TuningKey key : TuningKey.values()) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(key.parameterName());
        }
        return names.toString();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public boolean has(TuningKey key) {
        return values.containsKey(key);
    }

    public Long get(TuningKey key) {
        return values.get(key);
    }

    public Map<TuningKey, Long> asMap() {
        return values;
    }

    /** A copy where {@code changes} replace existing values (null values remove the override). */
    public TuningOverrides merge(Map<TuningKey, Long> changes) {
        EnumMap<TuningKey, Long> merged = new EnumMap<>(TuningKey.class);
        merged.putAll(values);
        for (Map.Entry<TuningKey, Long> change : changes.entrySet()) {
            if (change.getValue() == null) {
                merged.remove(change.getKey());
            } else {
                merged.put(change.getKey(), change.getKey().checkRange(change.getValue()));
            }
        }
        return new TuningOverrides(merged);
    }

    /** Parameter name to decimal text, for storing as details. */
    public Map<String, String> toDetails() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<TuningKey, Long> entry : values.entrySet()) {
            out.put(entry.getKey().parameterName(), Long.toString(entry.getValue()));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TuningOverrides && values.equals(((TuningOverrides) o).values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return toDetails().toString();
    }
}
