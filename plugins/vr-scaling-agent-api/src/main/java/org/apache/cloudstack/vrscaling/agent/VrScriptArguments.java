package org.apache.cloudstack.vrscaling.agent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.cloudstack.vrscaling.core.tuning.TuningMode;

/**
 * Turns a command into the script's argv (systemvm/README.md): the mode first, then {@code --set <sysctl>=<int>}
 * per setting in {@link org.apache.cloudstack.vrscaling.core.sizing.TuningKey} order, {@code --nic-queues N} when
 * N > 0, {@code --memory-fraction F --bytes-per-entry N} when the command carries the zone's conntrack budget, and
 * {@code --sample-seconds S} for diagnose. Every token is a whitelisted name, an integer or a plain decimal.
 */
public final class VrScriptArguments {
    /** What --memory-fraction may look like on the wire: no sign, no exponent, no locale. */
    static final Pattern FRACTION = Pattern.compile("0\\.[0-9]{1,17}");

    private VrScriptArguments() {
    }

    /**
     * The shortest decimal that reads back as the same double (Double.toString, as Python's repr), without an
     * exponent: the script computes floor(RAM x fraction) from exactly the value the management server used.
     */
    static String fraction(double value) {
        String text = BigDecimal.valueOf(value).toPlainString();
        if (!FRACTION.matcher(text).matches()) {
            throw new IllegalArgumentException("memory fraction " + value + " does not format as a plain decimal");
        }
        return text;
    }

    /** @throws IllegalArgumentException when the command does not validate */
    public static List<String> of(VrTuningCommand command) {
        command.validate();
        List<String> args = new ArrayList<>();
        args.add(command.getMode().scriptWord());
        for (VrTuningCommand.Setting setting : command.getSettings()) {
            args.add("--set");
            args.add(setting.getKey().sysctlName() + "=" + setting.getValue());
        }
        if (command.getNicQueues() > 0) {
            args.add("--nic-queues");
            args.add(Integer.toString(command.getNicQueues()));
        }
        if (command.hasConntrackBudget()) {
            args.add("--memory-fraction");
            args.add(fraction(command.getMemoryFraction()));
            args.add("--bytes-per-entry");
            args.add(Integer.toString(command.getBytesPerEntry()));
        }
        if (command.getMode() == TuningMode.DIAGNOSE) {
            args.add("--sample-seconds");
            args.add(Integer.toString(command.getSampleSeconds()));
        }
        return Collections.unmodifiableList(args);
    }
}
