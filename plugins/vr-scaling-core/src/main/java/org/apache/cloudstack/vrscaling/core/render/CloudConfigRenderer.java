package org.apache.cloudstack.vrscaling.core.render;

import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;

/**
 * Renders a #cloud-config document for CloudStack 4.22's built-in VR userdata (systemvm.userdata.enabled +
 * virtual.router.userdata): the zero-Java path. cloud-init's runcmd runs after the VR's own `sysctl -p` of
 * /etc/sysctl.conf, so the values here win over the stock nf_conntrack_max.
 */
public final class CloudConfigRenderer {
    private CloudConfigRenderer() {
    }

    public static String render(KernelTuning tuning, String description) {
        String sysctl = SysctlConfRenderer.render(tuning, description);
        long queues = tuning.value(TuningKey.NIC_QUEUES);
        StringBuilder out = new StringBuilder();
        out.append("#cloud-config\n");
        out.append("# ").append(description).append('\n');
        out.append("# Zone-wide: register this as userdata owned by the ROOT domain admin, set the zone's\n");
        out.append("# virtual.router.userdata to its uuid and systemvm.userdata.enabled=true; every VR of the zone\n");
        out.append("# then applies it at each boot (CloudStack 4.22 systemvm template).\n");
        if (queues > 1) {
            out.append("# NIC queues: ethtool can only enable the queues the hypervisor gave the NIC; without the\n");
            out.append("# VR Scale plugin nothing sets nic.multiqueue.number on routers, so this stays at 1 queue.\n");
        }
        out.append("write_files:\n");
        out.append("  - path: ").append(SysctlConfRenderer.PATH).append('\n');
        out.append("    owner: root:root\n");
        out.append("    permissions: '0644'\n");
        out.append("    content: |\n");
        for (String line : sysctl.split("\n")) {
            out.append("      ").append(line).append('\n');
        }
        out.append("runcmd:\n");
        out.append("  - [sh, -c, 'echo ").append(tuning.value(TuningKey.CONNTRACK_BUCKETS))
                .append(" > /sys/module/nf_conntrack/parameters/hashsize']\n");
        out.append("  - [sysctl, -p, ").append(SysctlConfRenderer.PATH).append("]\n");
        if (queues > 1) {
            out.append("  - [sh, -c, 'for d in /sys/class/net/*; do [ \"$(basename \"$(readlink -f \"$d/device/driver\")\")\"")
                    .append(" = virtio_net ] && ethtool -L \"${d##*/}\" combined ").append(queues)
                    .append(" || true; done']\n");
        }
        return out.toString();
    }
}
