package org.apache.cloudstack.vrscaling.core.hypervisor;

/** How tuning reaches a router on a hypervisor; each path runs the same delivery routine. */
public enum DeliveryPath {
    /** An agent command to the KVM host, whose vr-scaling-kvm wrapper SSHes into the router. */
    KVM_AGENT,
    /** An agent command to the XenServer/XCP-ng resource (inside the management server), through its deployer. */
    XENSERVER_RESOURCE,
    /** No agent command: the management server SSHes into the router itself, as CloudStack's VMware resource does. */
    MANAGEMENT_SERVER_SSH,
    /** VR Scale cannot reach routers on this hypervisor. */
    NONE
}
