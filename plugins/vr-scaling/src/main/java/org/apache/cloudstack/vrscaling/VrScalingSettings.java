package org.apache.cloudstack.vrscaling;

import org.apache.cloudstack.framework.config.ConfigKey;
import org.apache.cloudstack.vrscaling.core.sizing.KernelGeneration;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The plugin's Global Settings and the one place that reads them, so services (and their tests) ask for typed,
 * range-checked values instead of touching ConfigKeys.
 */
public class VrScalingSettings {
    private static final Logger LOG = LogManager.getLogger(VrScalingSettings.class);

    public static final ConfigKey<Double> CONNTRACK_MEMORY_FRACTION = new ConfigKey<>(ConfigKey.CATEGORY_NETWORK,
            Double.class, "vrscaling.conntrack.memory.fraction",
            String.valueOf(SizingAssumptions.DEFAULT_CONNTRACK_MEMORY_FRACTION),
            "Share of a virtual router's RAM its conntrack table may use when full (0.05-0.6); VR Scale derives "
                    + "nf_conntrack_max and the bucket count from it. Applies at the next scale or tuning push.",
            true, ConfigKey.Scope.Zone);
    public static final ConfigKey<Integer> CONNTRACK_BYTES_PER_ENTRY = new ConfigKey<>(ConfigKey.CATEGORY_NETWORK,
            Integer.class, "vrscaling.conntrack.bytes.per.entry",
            String.valueOf(SizingAssumptions.DEFAULT_BYTES_PER_CONNTRACK_ENTRY),
            "Kernel memory one conntrack entry costs on the virtual router, NAT extensions included (128-4096 bytes); "
                    + "used with vrscaling.conntrack.memory.fraction to size the conntrack table.",
            true, ConfigKey.Scope.Zone);
    public static final ConfigKey<Integer> MAX_NIC_QUEUES = new ConfigKey<>(ConfigKey.CATEGORY_NETWORK,
            Integer.class, "vrscaling.nic.queues.max", String.valueOf(SizingAssumptions.DEFAULT_MAX_NIC_QUEUES),
            "Most virtio queues per NIC VR Scale gives a scaled virtual router (nic.multiqueue.number, 1-64); "
                    + "a router gets one queue per vCPU up to this cap.", true);
    public static final ConfigKey<Integer> RVR_ROLE_WAIT_SECONDS = new ConfigKey<>(ConfigKey.CATEGORY_NETWORK,
            Integer.class, "vrscaling.rvr.role.wait.seconds", "300",
            "Seconds scaleVirtualRouterProfile waits after restarting a redundant router for the router itself to "
                    + "answer BACKUP or PRIMARY (CheckRouterCommand); without that answer the plan stops before it "
                    + "touches the peer. Also bounds the wait for Running.",
            true);
    public static final ConfigKey<Boolean> DEFAULT_DRY_RUN = new ConfigKey<>(ConfigKey.CATEGORY_NETWORK,
            Boolean.class, "vrscaling.scale.dryrun.default", "false",
            "Whether scaleVirtualRouterProfile only returns its plan when the call does not pass dryrun.", true);

    public static final ConfigKey<Boolean> AUTOMATIC_ENABLED = new ConfigKey<>(ConfigKey.CATEGORY_NETWORK,
            Boolean.class, "vrscaling.automatic.enabled", "true",
            "Whether VR Scale keeps bound networks and VPCs of the zone at their profile on its own: NIC queues and "
                    + "tuning at every router start, rescale of routers a restart recreated at another size. "
                    + "false: only scaleVirtualRouterProfile changes anything.",
            true, ConfigKey.Scope.Zone);

    public static final ConfigKey<Boolean> PRESIZE_ENABLED = new ConfigKey<>(ConfigKey.CATEGORY_NETWORK,
            Boolean.class, "vrscaling.presize.enabled", "false",
            "Experimental, off until proven in your cloud. true: a bound isolated network or VPC of the zone is "
                    + "switched to a disabled copy of its network/VPC offering (named VRScale-N<offering>-P<profile>) "
                    + "whose router offering is the profile, so routers CloudStack recreates start at the profile's "
                    + "size and need no second reboot. The switch restarts nothing; for networks it records the same "
                    + "NETWORK.OFFERING.REMOVE/ASSIGN usage events as updateNetwork. Unbinding, or setting this back "
                    + "to false, switches back at the next scale, reset, restart follow-up or management server start.",
            true, ConfigKey.Scope.Zone);

    /** Upper bound on any wait, whatever an operator sets: a job must not hang a network's queue forever. */
    static final int MAX_WAIT_SECONDS = 3600;

    public static ConfigKey<?>[] allKeys() {
        return new ConfigKey<?>[] {CONNTRACK_MEMORY_FRACTION, CONNTRACK_BYTES_PER_ENTRY, MAX_NIC_QUEUES,
                RVR_ROLE_WAIT_SECONDS, DEFAULT_DRY_RUN, AUTOMATIC_ENABLED, PRESIZE_ENABLED};
    }

    /** The sizing model for routers of a zone (null: the global values). */
    public SizingModel sizingModel(Long zoneId) {
        double fraction = orDefault(zoneId == null ? CONNTRACK_MEMORY_FRACTION.value()
                : CONNTRACK_MEMORY_FRACTION.valueIn(zoneId), SizingAssumptions.DEFAULT_CONNTRACK_MEMORY_FRACTION);
        int bytes = orDefault(zoneId == null ? CONNTRACK_BYTES_PER_ENTRY.value()
                : CONNTRACK_BYTES_PER_ENTRY.valueIn(zoneId), SizingAssumptions.DEFAULT_BYTES_PER_CONNTRACK_ENTRY);
        int queues = orDefault(MAX_NIC_QUEUES.value(), SizingAssumptions.DEFAULT_MAX_NIC_QUEUES);
        try {
            return new SizingModel(new SizingAssumptions(fraction, bytes, KernelGeneration.MODERN, queues));
        } catch (IllegalArgumentException e) {
            // An out-of-range setting must not break every scale call: fall back and say so in the log.
            LOG.warn(
                    "Ignoring VR Scale sizing settings ({}); using the defaults", e.getMessage());
            return new SizingModel(SizingAssumptions.defaults());
        }
    }

    public int roleWaitSeconds() {
        int seconds = orDefault(RVR_ROLE_WAIT_SECONDS.value(), 300);
        return Math.max(0, Math.min(MAX_WAIT_SECONDS, seconds));
    }

    public boolean defaultDryRun() {
        return orDefault(DEFAULT_DRY_RUN.value(), Boolean.FALSE);
    }

    /** Whether the lifecycle hook acts for routers of the zone (an unreadable value counts as the default, on). */
    public boolean automaticEnabled(long zoneId) {
        return orDefault(AUTOMATIC_ENABLED.valueIn(zoneId), Boolean.TRUE);
    }

    /** Whether bound networks/VPCs of the zone use derived offerings (an unreadable value counts as off). */
    public boolean presizeEnabled(long zoneId) {
        return orDefault(PRESIZE_ENABLED.valueIn(zoneId), Boolean.FALSE);
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
