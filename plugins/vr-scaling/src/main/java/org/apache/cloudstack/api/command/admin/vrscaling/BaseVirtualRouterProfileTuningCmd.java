package org.apache.cloudstack.api.command.admin.vrscaling;

import java.util.EnumMap;
import java.util.Map;

import javax.inject.Inject;

import org.apache.cloudstack.api.BaseCmd;
import org.apache.cloudstack.api.Parameter;
import org.apache.cloudstack.vrscaling.VrScalingManager;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;

import com.cloud.user.Account;

/**
 * The tuning overrides create and update share: one integer parameter per managed kernel setting, named by
 * {@link TuningKey#parameterName()} (a unit test keeps the two lists equal).
 */
public abstract class BaseVirtualRouterProfileTuningCmd extends BaseCmd {
    @Inject
    protected VrScalingManager vrScalingManager;

    @Parameter(name = "conntrackmax", type = CommandType.LONG,
            description = "override for net.netfilter.nf_conntrack_max (1024-67108864 entries); default: derived "
                    + "from the router's memory")
    private Long conntrackMax;

    @Parameter(name = "conntrackbuckets", type = CommandType.LONG,
            description = "override for the conntrack hash size, nf_conntrack_buckets (1024-16777216); default: one "
                    + "bucket per entry")
    private Long conntrackBuckets;

    @Parameter(name = "conntracktcpestablishedtimeout", type = CommandType.LONG,
            description = "override for net.netfilter.nf_conntrack_tcp_timeout_established (60-432000 seconds); "
                    + "default 7440")
    private Long conntrackTcpEstablishedTimeout;

    @Parameter(name = "conntracktcptimewaittimeout", type = CommandType.LONG,
            description = "override for net.netfilter.nf_conntrack_tcp_timeout_time_wait (1-600 seconds); default 60")
    private Long conntrackTcpTimeWaitTimeout;

    @Parameter(name = "netdevmaxbacklog", type = CommandType.LONG,
            description = "override for net.core.netdev_max_backlog (300-65536 packets); default: derived from "
                    + "memory and vCPUs")
    private Long netdevMaxBacklog;

    @Parameter(name = "netdevbudget", type = CommandType.LONG,
            description = "override for net.core.netdev_budget (100-3000 packets); default 300 for one vCPU, else 600")
    private Long netdevBudget;

    @Parameter(name = "tcpfintimeout", type = CommandType.LONG,
            description = "override for net.ipv4.tcp_fin_timeout (5-120 seconds); default 30")
    private Long tcpFinTimeout;

    @Parameter(name = "tcpwindowscaling", type = CommandType.LONG,
            description = "override for net.ipv4.tcp_window_scaling (0 or 1); default 1")
    private Long tcpWindowScaling;

    @Parameter(name = "nicqueues", type = CommandType.LONG,
            description = "override for the virtio queues per NIC (1-64; nic.multiqueue.number and ethtool -L); "
                    + "default: one per vCPU up to vrscaling.nic.queues.max")
    private Long nicQueues;

    @Parameter(name = "forced", type = CommandType.BOOLEAN,
            description = "true to accept a profile whose full conntrack table (conntrackmax entries at "
                    + "vrscaling.conntrack.bytes.per.entry plus the conntrackbuckets hash heads) needs more memory "
                    + "than memory x vrscaling.conntrack.memory.fraction; without it such a profile is refused, "
                    + "because the virtual router reboots when it runs out of memory (vm.panic_on_oom=1). The VR-side "
                    + "script still caps what it applies to the router's real RAM. Default false")
    private Boolean force;

    public boolean isForce() {
        return Boolean.TRUE.equals(force);
    }

    /** The overrides given in this call, keyed by setting; range checks happen in the service. */
    public Map<TuningKey, Long> getTuningOverrides() {
        Map<TuningKey, Long> overrides = new EnumMap<>(TuningKey.class);
        put(overrides, TuningKey.CONNTRACK_MAX, conntrackMax);
        put(overrides, TuningKey.CONNTRACK_BUCKETS, conntrackBuckets);
        put(overrides, TuningKey.CONNTRACK_TCP_TIMEOUT_ESTABLISHED, conntrackTcpEstablishedTimeout);
        put(overrides, TuningKey.CONNTRACK_TCP_TIMEOUT_TIME_WAIT, conntrackTcpTimeWaitTimeout);
        put(overrides, TuningKey.NETDEV_MAX_BACKLOG, netdevMaxBacklog);
        put(overrides, TuningKey.NETDEV_BUDGET, netdevBudget);
        put(overrides, TuningKey.TCP_FIN_TIMEOUT, tcpFinTimeout);
        put(overrides, TuningKey.TCP_WINDOW_SCALING, tcpWindowScaling);
        put(overrides, TuningKey.NIC_QUEUES, nicQueues);
        return overrides;
    }

    private static void put(Map<TuningKey, Long> overrides, TuningKey key, Long value) {
        if (value != null) {
            overrides.put(key, value);
        }
    }

    @Override
    public long getEntityOwnerId() {
        return Account.ACCOUNT_ID_SYSTEM;
    }
}
