package org.apache.cloudstack.vrscaling.core.hypervisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.tuning.KeyResult;

/**
 * What VR Scale can do for a router on one hypervisor, by CloudStack's hypervisor type name ("KVM", "XenServer",
 * "VMware", ...): how tuning gets there, and whether NIC queues can be set. Only KVM honours the router detail
 * nic.multiqueue.number (virtio queues=); VMware's vmxnet3 spreads receive queues by itself, and XenServer's
 * netfront takes its queue count from the host and guest driver limits, so there VR Scale leaves the queues alone.
 */
public final class HypervisorSupport {
    public static final String NOT_DELIVERED = "tuning not delivered: no delivery path for hypervisor ";

    private final String name;
    private final DeliveryPath delivery;
    private final boolean setsNicQueues;
    private final String nicQueueNote;

    private HypervisorSupport(String name, DeliveryPath delivery, boolean setsNicQueues, String nicQueueNote) {
        this.name = name;
        this.delivery = delivery;
        this.setsNicQueues = setsNicQueues;
        this.nicQueueNote = nicQueueNote;
    }

    /** @param hypervisor CloudStack's hypervisor type as text; null or unknown: no delivery path, no queues */
    public static HypervisorSupport of(String hypervisor) {
        String name = hypervisor == null || hypervisor.trim().isEmpty() ? "(unknown)" : hypervisor.trim();
        switch (name.toLowerCase(Locale.ROOT)) {
            case "kvm":
                return new HypervisorSupport(name, DeliveryPath.KVM_AGENT, true, null);
            case "xenserver":
                return new HypervisorSupport(name, DeliveryPath.XENSERVER_RESOURCE, false, "NIC queues on "
                        + "XenServer/XCP-ng are left alone: netfront takes its queue count from the host's and the "
                        + "guest driver's limits, not from nic.multiqueue.number (a KVM setting)");
            case "vmware":
                return new HypervisorSupport(name, DeliveryPath.MANAGEMENT_SERVER_SSH, false, "NIC queues on VMware "
                        + "are left alone: vmxnet3 spreads receive queues across vCPUs by itself; "
                        + "nic.multiqueue.number is a KVM setting");
            default:
                return new HypervisorSupport(name, DeliveryPath.NONE, false, "NIC queues on " + name
                        + " are left alone: nic.multiqueue.number is a KVM setting");
        }
    }

    public String getName() {
        return name;
    }

    public DeliveryPath getDelivery() {
        return delivery;
    }

    public boolean canDeliver() {
        return delivery != DeliveryPath.NONE;
    }

    /** True when nic.multiqueue.number and ethtool -L give the router the planned queues (KVM only). */
    public boolean setsNicQueues() {
        return setsNicQueues;
    }

    /** Why NIC queues are left alone here; null where VR Scale sets them. */
    public String getNicQueueNote() {
        return nicQueueNote;
    }

    /** The exact answer for a router VR Scale cannot reach. */
    public String notDeliveredMessage() {
        return NOT_DELIVERED + name;
    }

    /**
     * The verification of a router here: where the hypervisor owns the NIC queues, the queue count in force is
     * reported as the hypervisor's (nothing was requested), never as drift.
     */
    public List<KeyResult> adjust(List<KeyResult> keys) {
        if (setsNicQueues) {
            return keys;
        }
        List<KeyResult> adjusted = new ArrayList<>();
        for (KeyResult key : keys) {
            adjusted.add(key.getKey() == TuningKey.NIC_QUEUES
                    ? new KeyResult(TuningKey.NIC_QUEUES, null, key.getActual(), KeyResult.Status.UNSUPPORTED,
                    nicQueueNote)
                    : key);
        }
        return adjusted;
    }

    @Override
    public String toString() {
        return name + " (" + delivery + (setsNicQueues ? ", NIC queues" : "") + ")";
    }
}
