package org.apache.cloudstack.vrscaling.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.cloudstack.vrscaling.core.tuning.TuningMode;

/**
 * Turns a command into the script's argv (systemvm/README.md): the mode first, then {@code --set <sysctl>=<int>}
 * per setting in {@link org.apache.cloudstack.vrscaling.core.sizing.TuningKey} order, {@code --nic-queues N} when
 * N > 0 and {@code --sample-seconds S} for diagnose. Every token is a whitelisted name or an integer.
 */
public final class VrScriptArguments {
    private VrScriptArguments() {
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
        if (command.getMode() == TuningMode.DIAGNOSE) {
            args.add("--sample-seconds");
            args.add(Integer.toString(command.getSampleSeconds()));
        }
        return Collections.unmodifiableList(args);
    }
}
