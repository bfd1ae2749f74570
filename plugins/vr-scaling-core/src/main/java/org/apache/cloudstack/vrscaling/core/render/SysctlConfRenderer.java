package org.apache.cloudstack.vrscaling.core.render;

import java.util.Map;

import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;

/** Renders the /etc/sysctl.d/99-vr-scaling.conf text for a tuning. */
public final class SysctlConfRenderer {
    public static final String PATH = "/etc/sysctl.d/99-vr-scaling.conf";

    private SysctlConfRenderer() {
    }

    /**
     * @param description one line naming what the values are for (profile and size); must not contain newlines
     */
    public static String render(KernelTuning tuning, String description) {
        if (description.contains("\n") || description.contains("\r")) {
            throw new IllegalArgumentException("description must be a single line");
        }
        StringBuilder out = new StringBuilder();
        out.append("# ").append(PATH).append(": written by VR Scale, do not edit by hand.\n");
        out.append("# ").append(description).append('\n');
        out.append("# Not a sysctl: NIC queues = ").append(tuning.value(TuningKey.NIC_QUEUES))
                .append(" (ethtool -L <nic> combined N; needs nic.multiqueue.number on the router)\n");
        for (Map.Entry<String, Long> entry : tuning.sysctls().entrySet()) {
            out.append(entry.getKey()).append(" = ").append(entry.getValue()).append('\n');
        }
        return out.toString();
    }
}
