package org.apache.cloudstack.vrscaling.core.tuning;

import java.util.Collections;
import java.util.List;

/**
 * What happened when tuning was sent to one router. "Not delivered" is its own answer and never counts as
 * success: a plan reports it, it does not pretend the router is tuned.
 */
public final class TuningOutcome {
    private final boolean delivered;
    private final boolean ok;
    private final boolean changed;
    private final String message;
    private final List<KeyResult> keys;
    private final String scriptVersion;

    public TuningOutcome(boolean delivered, boolean ok, boolean changed, String message, List<KeyResult> keys,
                         String scriptVersion) {
        this.delivered = delivered;
        this.ok = delivered && ok;
        this.changed = changed;
        this.message = message;
        this.keys = keys == null ? Collections.emptyList() : Collections.unmodifiableList(keys);
        this.scriptVersion = scriptVersion;
    }

    public static TuningOutcome notDelivered(String why) {
        return new TuningOutcome(false, false, false, why, Collections.emptyList(), null);
    }

    /** True when the router was reached and answered with a report. */
    public boolean isDelivered() {
        return delivered;
    }

    /** True only when delivered and no setting failed or drifted. */
    public boolean isOk() {
        return ok;
    }

    public boolean isChanged() {
        return changed;
    }

    public String getMessage() {
        return message;
    }

    public List<KeyResult> getKeys() {
        return keys;
    }

    public String getScriptVersion() {
        return scriptVersion;
    }

    @Override
    public String toString() {
        return (delivered ? (ok ? "ok" : "failed") : "not delivered") + (message == null ? "" : ": " + message);
    }
}
