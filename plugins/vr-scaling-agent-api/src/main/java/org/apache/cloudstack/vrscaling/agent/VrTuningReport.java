package org.apache.cloudstack.vrscaling.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.tuning.KeyResult;
import org.apache.cloudstack.vrscaling.core.tuning.TuningMode;
import org.apache.cloudstack.vrscaling.core.tuning.TuningOutcome;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;

/**
 * The JSON report of the VR-side script (systemvm/README.md), read into core types. Anything that is not such a
 * report is refused with an {@link IllegalArgumentException}, so callers can answer "failed" instead of guessing.
 */
public final class VrTuningReport {
    private static final int MAX_QUOTED_OUTPUT = 300;
    // Integers stay Long in the measurements map instead of becoming Double.
    private static final Gson GSON = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .create();

    private final String json;
    private final TuningMode mode;
    private final boolean ok;
    private final boolean changed;
    private final String version;
    private final String error;
    private final String fileProblem;
    private final List<KeyResult> keys;
    private final KeyResult nicQueues;
    private final Integer nicQueuesOffered;
    private final Map<String, Object> measurements;

    private VrTuningReport(String json, JsonObject root, TuningMode expected) {
        this.json = json;
        this.mode = readMode(root, expected);
        this.ok = requiredBoolean(root, "ok");
        this.changed = optionalBoolean(root, "changed");
        this.version = optionalString(root, "version");
        this.error = optionalString(root, "error");
        this.fileProblem = fileProblem(root);
        this.keys = readKeys(root);
        JsonArray nics = optionalArray(root, "nics");
        this.nicQueues = summariseNics(nics);
        this.nicQueuesOffered = offeredQueues(nics);
        JsonElement raw = root.get("measurements");
        if (raw != null && raw.isJsonObject()) {
            Map<String, Object> map = GSON.fromJson(raw, new TypeToken<LinkedHashMap<String, Object>>() { }.getType());
            this.measurements = Collections.unmodifiableMap(map);
        } else if (mode == TuningMode.DIAGNOSE && ok) {
            throw new IllegalArgumentException("diagnose report has no measurements");
        } else {
            this.measurements = Collections.emptyMap();
        }
    }

    /**
     * Reads the script's report from its output. The output may carry other lines (SSH merges stderr into it); the
     * report is the last line that is a JSON object.
     *
     * @param expected the mode that was asked for; a report for another mode is refused
     * @throws IllegalArgumentException when there is no readable report
     */
    public static VrTuningReport parse(String output, TuningMode expected) {
        if (output == null || output.trim().isEmpty()) {
            throw new IllegalArgumentException("the tuning script printed nothing");
        }
        String candidate = null;
        String[] lines = output.split("\\R");
        for (int i = lines.length - 1; i >= 0 && candidate == null; i--) {
            String line = lines[i].trim();
            if (line.startsWith("{") && line.endsWith("}")) {
                candidate = line;
            }
        }
        if (candidate == null) {
            throw new IllegalArgumentException("no JSON report in the tuning script output: " + abbreviate(output));
        }
        JsonObject root;
        try {
            JsonElement element = JsonParser.parseString(candidate);
            if (!element.isJsonObject()) {
                throw new IllegalArgumentException("the tuning report is not a JSON object: " + abbreviate(output));
            }
            root = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("the tuning report is not valid JSON (" + e.getMessage() + "): "
                    + abbreviate(output), e);
        }
        try {
            return new VrTuningReport(candidate, root, expected);
        } catch (IllegalStateException | ClassCastException | UnsupportedOperationException | NumberFormatException e) {
            // Gson's getAs* throw these for wrong types.
            throw new IllegalArgumentException("the tuning report has a malformed field (" + e.getMessage() + "): "
                    + abbreviate(output), e);
        }
    }

    /** Maps a status word of the script to the core status. */
    public static KeyResult.Status status(String word) {
        switch (word == null ? "" : word) {
            case "applied":
                return KeyResult.Status.APPLIED;
            case "unchanged":
                return KeyResult.Status.UNCHANGED;
            case "match":
                return KeyResult.Status.MATCH;
            case "drift":
                return KeyResult.Status.DRIFT;
            case "failed":
            case "error":
                return KeyResult.Status.FAILED;
            case "unsupported":
                return KeyResult.Status.UNSUPPORTED;
            case "read-only":
                return KeyResult.Status.READ_ONLY;
            case "limited":
                return KeyResult.Status.LIMITED;
            case "pending":
                return KeyResult.Status.PENDING;
            default:
                throw new IllegalArgumentException("unknown status in the tuning report: " + word);
        }
    }

    /** The outcome as the router reported it: delivered, ok only when the script said ok and nothing failed. */
    public TuningOutcome toOutcome() {
        List<KeyResult> all = new ArrayList<>(keys);
        if (nicQueues != null) {
            all.add(nicQueues);
        }
        boolean anyFailure = all.stream().anyMatch(k -> k.getStatus().isFailure());
        return new TuningOutcome(true, ok && !anyFailure, changed, summary(all), all, version);
    }

    /**
     * Per key, what the router's conntrack memory budget allowed when it was below the request (the script's
     * "allowed" field, reported with status "limited", or "drift"/"pending" with a limit); only values not above the
     * request.
     */
    public Map<TuningKey, Long> budgetLimits() {
        Map<TuningKey, Long> limits = new EnumMap<>(TuningKey.class);
        for (KeyResult key : keys) {
            if (key.getAllowed() != null) {
                limits.put(key.getKey(), key.getAllowed());
            }
        }
        return limits;
    }

    /** Keys the router holds pending: persisted, not in the kernel until nf_conntrack loads. */
    public Set<TuningKey> pendingKeys() {
        Set<TuningKey> pending = EnumSet.noneOf(TuningKey.class);
        for (KeyResult key : keys) {
            if (key.getStatus().isPending()) {
                pending.add(key.getKey());
            }
        }
        return pending;
    }

    /** The values the router reported (after apply, current for verify), keyed; unreadable keys are absent. */
    public Map<TuningKey, Long> valuesInForce() {
        Map<TuningKey, Long> values = new EnumMap<>(TuningKey.class);
        for (KeyResult key : keys) {
            if (key.getActual() != null) {
                values.put(key.getKey(), key.getActual());
            }
        }
        if (nicQueues != null && nicQueues.getActual() != null) {
            values.put(TuningKey.NIC_QUEUES, nicQueues.getActual());
        }
        return values;
    }

    /** The raw JSON line of the report. */
    public String json() {
        return json;
    }

    public TuningMode mode() {
        return mode;
    }

    public boolean isOk() {
        return ok;
    }

    public boolean isChanged() {
        return changed;
    }

    public String version() {
        return version;
    }

    /** The script's top-level error (refused input, internal error), or null. */
    public String error() {
        return error;
    }

    /** Why the persisted file is not right (missing, other settings, write error), or null. */
    public String fileProblem() {
        return fileProblem;
    }

    /** The sysctl keys in the order the script reported them. */
    public List<KeyResult> keys() {
        return keys;
    }

    /** One result for all virtio NICs, or null when the script reported none. */
    public KeyResult nicQueues() {
        return nicQueues;
    }

    /** The fewest queues any reported NIC offers (ethtool maximum), or null when unknown. */
    public Integer nicQueuesOffered() {
        return nicQueuesOffered;
    }

    /** Diagnose measurements as the script printed them (integers as Long); empty for other modes. */
    public Map<String, Object> measurements() {
        return measurements;
    }

    private String summary(List<KeyResult> all) {
        StringBuilder text = new StringBuilder(mode.scriptWord()).append(ok ? " ok" : " failed");
        if (error != null) {
            text.append(": ").append(error);
        }
        if (fileProblem != null) {
            text.append(": ").append(fileProblem);
        }
        Map<KeyResult.Status, Integer> counts = new EnumMap<>(KeyResult.Status.class);
        for (KeyResult key : all) {
            counts.merge(key.getStatus(), 1, Integer::sum);
        }
        if (!counts.isEmpty()) {
            text.append(" (");
            String separator = "";
            for (Map.Entry<KeyResult.Status, Integer> count : counts.entrySet()) {
                text.append(separator).append(count.getValue()).append(' ')
                        .append(count.getKey().name().toLowerCase(Locale.ROOT));
                separator = ", ";
            }
            text.append(')');
        }
        if (version != null) {
            text.append(", script ").append(version);
        }
        // Limited and pending settings are named, not only counted: the scale result and events show this text.
        List<String> warnings = new TuningOutcome(true, true, false, null, all, version).getWarnings();
        if (!warnings.isEmpty()) {
            text.append("; ").append(String.join("; ", warnings));
        }
        return text.toString();
    }

    private static TuningMode readMode(JsonObject root, TuningMode expected) {
        String word = optionalString(root, "mode");
        if (word == null) {
            // A refusal of an unknown mode carries no mode; nothing else may omit it.
            if (optionalString(root, "error") != null && expected != null) {
                return expected;
            }
            throw new IllegalArgumentException("the tuning report has no mode");
        }
        TuningMode mode = null;
        for (TuningMode candidate : TuningMode.values()) {
            if (candidate.scriptWord().equals(word)) {
                mode = candidate;
            }
        }
        if (mode == null) {
            throw new IllegalArgumentException("unknown mode in the tuning report: " + word);
        }
        if (expected != null && mode != expected) {
            throw new IllegalArgumentException("asked for " + expected.scriptWord() + " but the report is for " + word);
        }
        return mode;
    }

    private List<KeyResult> readKeys(JsonObject root) {
        List<KeyResult> results = new ArrayList<>();
        for (JsonElement element : optionalArray(root, "keys")) {
            JsonObject entry = element.getAsJsonObject();
            String name = optionalString(entry, "key");
            TuningKey key = TuningKey.byName(name);
            if (key == null || !key.isSysctl() || !key.sysctlName().equals(name)) {
                throw new IllegalArgumentException("unknown key in the tuning report: " + name);
            }
            Long actual = optionalLong(entry, mode == TuningMode.APPLY ? "after" : "current");
            String why = optionalString(entry, "error");
            if (why == null) {
                why = optionalString(entry, "note");
            }
            Long requested = optionalLong(entry, "requested");
            Long allowed = optionalLong(entry, "allowed");
            if (allowed != null && (requested == null || allowed > requested || allowed <= 0)) {
                // The budget only ever lowers a value: anything else is not a report this side understands.
                throw new IllegalArgumentException("\"allowed\" " + allowed + " of " + name + " is not below its "
                        + "request " + requested);
            }
            KeyResult.Status status = status(optionalString(entry, "status"));
            if (status == KeyResult.Status.LIMITED && allowed == null) {
                throw new IllegalArgumentException("limited key " + name + " carries no \"allowed\" value");
            }
            if (status.isPending() && why == null) {
                why = KeyResult.PENDING_MESSAGE;
            }
            results.add(new KeyResult(key, requested, actual, status, why, allowed));
        }
        return Collections.unmodifiableList(results);
    }

    /** The worst NIC status wins; the NICs' own words travel in the error text. */
    private KeyResult summariseNics(JsonArray nics) {
        if (nics.size() == 0) {
            return null;
        }
        KeyResult.Status worst = null;
        Long requested = null;
        Long actual = null;
        boolean actualKnown = true;
        StringBuilder notes = new StringBuilder();
        for (JsonElement element : nics) {
            JsonObject nic = element.getAsJsonObject();
            KeyResult.Status status = status(optionalString(nic, "status"));
            if (worst == null || severity(status) > severity(worst)) {
                worst = status;
            }
            if (requested == null) {
                requested = optionalLong(nic, "requested");
            }
            Long count = optionalLong(nic, mode == TuningMode.APPLY ? "after" : "current");
            if (count == null) {
                actualKnown = false;
            } else if (actual == null || count < actual) {
                actual = count;
            }
            String why = optionalString(nic, "error");
            if (why == null) {
                why = optionalString(nic, "note");
            }
            if (why != null || severity(status) > severity(KeyResult.Status.APPLIED)) {
                notes.append(notes.length() == 0 ? "" : "; ").append(optionalString(nic, "name")).append(": ")
                        .append(status.name().toLowerCase(Locale.ROOT));
                if (why != null) {
                    notes.append(" (").append(why).append(')');
                }
            }
        }
        return new KeyResult(TuningKey.NIC_QUEUES, requested, actualKnown ? actual : null, worst,
                notes.length() == 0 ? null : notes.toString());
    }

    private static int severity(KeyResult.Status status) {
        switch (status) {
            case FAILED:
                return 7;
            case DRIFT:
                return 6;
            case PENDING:
            case LIMITED:
                return 5;
            case UNSUPPORTED:
                return 4;
            case READ_ONLY:
                return 3;
            case APPLIED:
                return 2;
            case UNCHANGED:
                return 1;
            default:
                return 0;
        }
    }

    private static Integer offeredQueues(JsonArray nics) {
        Integer fewest = null;
        for (JsonElement element : nics) {
            Long max = optionalLong(element.getAsJsonObject(), "max_combined");
            if (max != null && (fewest == null || max < fewest)) {
                fewest = max.intValue();
            }
        }
        return fewest;
    }

    private static String fileProblem(JsonObject root) {
        JsonElement raw = root.get("file");
        if (raw == null || !raw.isJsonObject()) {
            return null;
        }
        JsonObject file = raw.getAsJsonObject();
        String path = optionalString(file, "path");
        String error = optionalString(file, "error");
        if (error != null) {
            return "persisted file " + path + ": " + error;
        }
        if (file.has("exists") && !optionalBoolean(file, "exists")) {
            return "persisted file " + path + " is missing";
        }
        if (file.has("matches") && !optionalBoolean(file, "matches")) {
            return "persisted file " + path + " holds other settings";
        }
        return null;
    }

    private static boolean requiredBoolean(JsonObject object, String name) {
        JsonElement value = object.get(name);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException("the tuning report has no boolean \"" + name + "\"");
        }
        return value.getAsBoolean();
    }

    private static boolean optionalBoolean(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()
                && value.getAsBoolean();
    }

    private static String optionalString(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static Long optionalLong(JsonObject object, String name) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a number: " + value);
        }
        return value.getAsLong();
    }

    private static JsonArray optionalArray(JsonObject object, String name) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return new JsonArray();
        }
        if (!value.isJsonArray()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a list");
        }
        return value.getAsJsonArray();
    }

    static String abbreviate(String output) {
        String flat = output.trim().replaceAll("\\s+", " ");
        return flat.length() <= MAX_QUOTED_OUTPUT ? "'" + flat + "'" : "'" + flat.substring(0, MAX_QUOTED_OUTPUT)
                + "...' (" + flat.length() + " characters)";
    }
}
