package org.apache.cloudstack.vrscaling.core.sizing;

import java.util.Locale;

/**
 * The whitelist of kernel settings VR Scale manages, with the range each value must stay in. The VR-side script
 * holds the same whitelist and ranges and validates again; nothing outside this list ever reaches a router.
 */
public enum TuningKey {
    CONNTRACK_MAX("net.netfilter.nf_conntrack_max", "conntrackmax", 1_024, 67_108_864, Unit.ENTRIES, false),
    // Written through /sys/module/nf_conntrack/parameters/hashsize; the kernel rounds it up to a multiple of 512.
    CONNTRACK_BUCKETS("net.netfilter.nf_conntrack_buckets", "conntrackbuckets", 1_024, 16_777_216, Unit.BUCKETS, false),
    CONNTRACK_TCP_TIMEOUT_ESTABLISHED("net.netfilter.nf_conntrack_tcp_timeout_established",
            "conntracktcpestablishedtimeout", 60, 432_000, Unit.SECONDS, false),
    CONNTRACK_TCP_TIMEOUT_TIME_WAIT("net.netfilter.nf_conntrack_tcp_timeout_time_wait",
            "conntracktcptimewaittimeout", 1, 600, Unit.SECONDS, false),
    NETDEV_MAX_BACKLOG("net.core.netdev_max_backlog", "netdevmaxbacklog", 300, 65_536, Unit.PACKETS, false),
    NETDEV_BUDGET("net.core.netdev_budget", "netdevbudget", 100, 3_000, Unit.PACKETS, false),
    TCP_FIN_TIMEOUT("net.ipv4.tcp_fin_timeout", "tcpfintimeout", 5, 120, Unit.SECONDS, false),
    TCP_WINDOW_SCALING("net.ipv4.tcp_window_scaling", "tcpwindowscaling", 0, 1, Unit.FLAG, false),
    // Not a sysctl: `ethtool -L <nic> combined N` inside the VR, bounded by the queues the hypervisor gave the NIC.
    NIC_QUEUES(null, "nicqueues", 1, 64, Unit.QUEUES, true);

    /** What a value counts, for display. */
    public enum Unit { ENTRIES, BUCKETS, SECONDS, PACKETS, FLAG, QUEUES }

    private final String sysctlName;
    private final String parameterName;
    private final long min;
    private final long max;
    private final Unit unit;
    private final boolean runtimeOnly;

    TuningKey(String sysctlName, String parameterName, long min, long max, Unit unit, boolean runtimeOnly) {
        this.sysctlName = sysctlName;
        this.parameterName = parameterName;
        this.min = min;
        this.max = max;
        this.unit = unit;
        this.runtimeOnly = runtimeOnly;
    }

    /** The sysctl name, or null for settings that are not sysctls (NIC queues). */
    public String sysctlName() {
        return sysctlName;
    }

    public boolean isSysctl() {
        return sysctlName != null;
    }

    /** Lower-case name used for API parameters, profile details and CLI flags. */
    public String parameterName() {
        return parameterName;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    public Unit unit() {
        return unit;
    }

    /** True when the value does not survive a reboot through /etc/sysctl.d and must be re-pushed after start. */
    public boolean isRuntimeOnly() {
        return runtimeOnly;
    }

    /** The name shown to people: the sysctl name, or the parameter name for non-sysctl settings. */
    public String displayName() {
        return sysctlName != null ? sysctlName : "nic combined queues (ethtool -L)";
    }

    /** Throws {@link IllegalArgumentException} with a message naming the key and its range. */
    public long checkRange(long value) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be between %d and %d (got %d)",
                    parameterName, min, max, value));
        }
        return value;
    }

    /** Finds a key by sysctl name or parameter name, case-insensitively; null when unknown. */
    public static TuningKey byName(String name) {
        if (name == null) {
            return null;
        }
        for (TuningKey key : values()) {
            if (name.equalsIgnoreCase(key.parameterName) || name.equalsIgnoreCase(key.sysctlName)) {
                return key;
            }
        }
        return null;
    }
}
