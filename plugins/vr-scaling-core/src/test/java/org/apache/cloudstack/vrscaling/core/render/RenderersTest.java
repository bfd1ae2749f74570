package org.apache.cloudstack.vrscaling.core.render;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.junit.Test;

public class RenderersTest {
    private final KernelTuning twoCpus = new SizingModel(SizingAssumptions.defaults())
            .derive(new RouterSize(2, 2000, 2048));

    @Test
    public void sysctlFileHasOneLinePerSysctlInKeyOrder() {
        String text = SysctlConfRenderer.render(twoCpus, "profile medium");
        List<String> settings = Arrays.stream(text.split("\n")).filter(l -> !l.startsWith("#"))
                .collect(Collectors.toList());
        assertEquals(Arrays.asList(
                "net.netfilter.nf_conntrack_max = 1315840",
                "net.netfilter.nf_conntrack_buckets = 1315840",
                "net.netfilter.nf_conntrack_tcp_timeout_established = 7440",
                "net.netfilter.nf_conntrack_tcp_timeout_time_wait = 60",
                "net.core.netdev_max_backlog = 8192",
                "net.core.netdev_budget = 600",
                "net.ipv4.tcp_fin_timeout = 30",
                "net.ipv4.tcp_window_scaling = 1"), settings);
        assertTrue(text.contains("# profile medium\n"));
    }

    @Test
    public void descriptionCannotInjectLines() {
        try {
            SysctlConfRenderer.render(twoCpus, "x\nkernel.panic = 0");
            fail("a newline in the description would add a setting");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("single line"));
        }
    }

    @Test
    public void cloudConfigWritesTheFileAppliesItAndSetsQueues() {
        String doc = CloudConfigRenderer.render(twoCpus, "medium");
        assertTrue(doc.startsWith("#cloud-config\n"));
        assertTrue(doc.contains("  - path: /etc/sysctl.d/99-vr-scaling.conf\n"));
        assertTrue(doc.contains("      net.core.netdev_budget = 600\n"));
        assertTrue(doc.contains("  - [sysctl, -p, /etc/sysctl.d/99-vr-scaling.conf]\n"));
        assertTrue(doc.contains("echo 1315840 > /sys/module/nf_conntrack/parameters/hashsize"));
        assertTrue(doc.contains("ethtool -L \"${d##*/}\" combined 2"));
    }

    @Test
    public void singleQueueCloudConfigRunsNoEthtool() {
        KernelTuning one = new SizingModel(SizingAssumptions.defaults()).derive(new RouterSize(1, 1000, 512));
        String runcmd = CloudConfigRenderer.render(one, "xsmall").split("runcmd:\n")[1];
        assertFalse(runcmd.contains("ethtool"));
        assertTrue(runcmd.contains("sysctl, -p"));
    }
}
