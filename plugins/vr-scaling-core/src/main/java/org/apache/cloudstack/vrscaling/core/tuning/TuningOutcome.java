package org.apache.cloudstack.vrscaling.core.tuning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

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
        this.changed = changed;
        this.message = message;
        this.keys = keys == null ? Collections.emptyList() : Collections.unmodifiableList(keys);
        // A pending setting is not in force yet: never a success, whatever the caller says.
        this.ok = delivered && ok && this.keys.stream().noneMatch(k -> k.getStatus().isPending());
        this.scriptVersion = scriptVersion;
    }

    public static TuningOutcome notDelivered(String why) {
        return new TuningOutcome(false, false, false, why, Collections.emptyList(), null);
    }

    /** True when the router was reached and answered with a report. */
    public boolean isDelivered() {
        return delivered;
    }

    /** True only when delivered, no setting failed or drifted and none is pending. */
    public boolean isOk() {
        return ok;
    }

    /** Delivered, nothing failed, but some setting waits for nf_conntrack to load: not verified yet. */
    public boolean isPending() {
        return delivered && keys.stream().anyMatch(k -> k.getStatus().isPending())
                && keys.stream().noneMatch(k -> k.getStatus().isFailure());
    }

    /** The settings in force below the request (conntrack budget, NIC queues the hypervisor gave). */
    public List<KeyResult> getLimited() {
        List<KeyResult> limited = new ArrayList<>();
        for (KeyResult key : keys) {
            if (key.getStatus() == KeyResult.Status.LIMITED) {
                limited.add(key);
            }
        }
        return limited;
    }

    /** One line per limited or pending setting, for the scale result's warnings and events; empty when none. */
    public List<String> getWarnings() {
        List<String> warnings = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (KeyResult key : keys) {
            if (key.getStatus() == KeyResult.Status.LIMITED) {
                warnings.add(String.format(Locale.ROOT, "%s limited to %s (requested %s)%s",
                        key.getKey().parameterName(), key.getAllowed() != null ? key.getAllowed() : key.getActual(),
                        key.getRequested(), key.getError() == null ? "" : ": " + key.getError()));
            } else if (key.getStatus().isPending()) {
                pending.add(key.getKey().parameterName() + "=" + key.getRequested()
                        + (key.getAllowed() == null ? "" : " (limited to " + key.getAllowed() + ")"));
            }
        }
        if (!pending.isEmpty()) {
            warnings.add("pending " + String.join(", ", pending) + ": " + KeyResult.PENDING_MESSAGE);
        }
        return warnings;
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
        String state = !delivered ? "not delivered" : ok ? "ok" : isPending() ? "pending" : "failed";
        return state + (message == null ? "" : ": " + message);
    }
}
