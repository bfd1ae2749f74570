package org.apache.cloudstack.vrscaling.core.plan;

import java.util.Objects;

import org.apache.cloudstack.vrscaling.core.hypervisor.HypervisorSupport;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;

/** What is known about one router right now: identity, state, role, current offering and size, host. */
public final class RouterObservation {
    private final long id;
    private final String uuid;
    private final String name;
    private final RouterRunState state;
    private final boolean redundant;
    private final RedundantRole role;
    private final long offeringId;
    private final RouterSize size;
    private final Long hostId;
    private final Integer nicQueues;
    private final String hypervisor;

    /** A router whose hypervisor is not known here: planned as before hypervisors were told apart (as KVM). */
    public RouterObservation(long id, String uuid, String name, RouterRunState state, boolean redundant,
                             RedundantRole role, long offeringId, RouterSize size, Long hostId, Integer nicQueues) {
        this(id, uuid, name, state, redundant, role, offeringId, size, hostId, nicQueues, null);
    }

    /**
     * @param nicQueues the router's nic.multiqueue.number detail, or null when unset (one queue per NIC)
     * @param hypervisor CloudStack's hypervisor type name, e.g. "KVM" or "VMware"; null when not known
     */
    public RouterObservation(long id, String uuid, String name, RouterRunState state, boolean redundant,
                             RedundantRole role, long offeringId, RouterSize size, Long hostId, Integer nicQueues,
                             String hypervisor) {
        this.id = id;
        this.uuid = uuid;
        this.name = Objects.requireNonNull(name, "name");
        this.state = Objects.requireNonNull(state, "state");
        this.redundant = redundant;
        this.role = redundant ? (role == null ? RedundantRole.UNKNOWN : role) : RedundantRole.NONE;
        this.offeringId = offeringId;
        this.size = size;
        this.hostId = hostId;
        this.nicQueues = nicQueues;
        this.hypervisor = hypervisor;
    }

    public long getId() {
        return id;
    }

    public String getUuid() {
        return uuid;
    }

    public String getName() {
        return name;
    }

    public RouterRunState getState() {
        return state;
    }

    public boolean isRedundant() {
        return redundant;
    }

    public RedundantRole getRole() {
        return role;
    }

    public long getOfferingId() {
        return offeringId;
    }

    /** May be null when the current offering could not be read. */
    public RouterSize getSize() {
        return size;
    }

    public Long getHostId() {
        return hostId;
    }

    /** CloudStack's hypervisor type name, or null when not known. */
    public String getHypervisor() {
        return hypervisor;
    }

    /** What VR Scale can do on this router's hypervisor; an unknown one is planned as KVM, as before. */
    public HypervisorSupport support() {
        return HypervisorSupport.of(hypervisor == null ? "KVM" : hypervisor);
    }

    public Integer getNicQueues() {
        return nicQueues;
    }

    /** The queue count the router gets at its next start: the detail, or CloudStack's one queue when unset. */
    public int effectiveNicQueues() {
        return nicQueues == null || nicQueues < 1 ? 1 : nicQueues;
    }

    @Override
    public String toString() {
        return name + " [" + state + (redundant ? ", " + role : "") + "]";
    }
}
