package org.apache.cloudstack.vrscaling.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Parses `--name value` / `--name=value` options against a fixed list; `--set` may repeat. */
final class CliArguments {
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> sets = new ArrayList<>();

    private CliArguments() {
    }

    static CliArguments parse(String[] args, int from, String... allowed) throws UsageException {
        Set<String> known = new HashSet<>(Arrays.asList(allowed));
        CliArguments parsed = new CliArguments();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            if ("set".equals(name)) {
                parsed.sets.add(value);
            } else if (parsed.options.put(name, value) != null) {
                throw new UsageException("option --" + name + " is given twice");
            }
        }
        return parsed;
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    String string(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    long integer(String name, long fallback, long min, long max) throws UsageException {
        String raw = options.get(name);
        if (raw == null) {
            return fallback;
        }
        if (!raw.trim().matches("[0-9]{1,12}")) {
            throw new UsageException(String.format(Locale.ROOT, "--%s must be a whole number between %d and %d "
                    + "(got '%s')", name, min, max, raw));
        }
        long value = Long.parseLong(raw.trim());
        if (value < min || value > max) {
            throw new UsageException(String.format(Locale.ROOT, "--%s must be between %d and %d (got %d)", name,
                    min, max, value));
        }
        return value;
    }

    double decimal(String name, double fallback, double min, double max) throws UsageException {
        String raw = options.get(name);
        if (raw == null) {
            return fallback;
        }
        if (!raw.trim().matches("[0-9]{1,6}(\\.[0-9]{1,6})?")) {
            throw new UsageException(String.format(Locale.ROOT, "--%s must be a number between %s and %s (got '%s')",
                    name, min, max, raw));
        }
        double value = Double.parseDouble(raw.trim());
        if (value < min || value > max) {
            throw new UsageException(String.format(Locale.ROOT, "--%s must be between %s and %s (got %s)", name,
                    min, max, raw.trim()));
        }
        return value;
    }

    /** The --set KEY=VALUE pairs, in order. */
    Map<String, String> sets() throws UsageException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--set takes KEY=VALUE (got '" + set + "')");
            }
            if (out.put(set.substring(0, eq).trim(), set.substring(eq + 1)) != null) {
                throw new UsageException("--set " + set.substring(0, eq).trim() + " is given twice");
            }
        }
        return out;
    }
}
