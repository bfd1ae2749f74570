package org.apache.cloudstack.vrscaling.core.plan;

/** The dumb, idempotent actions a plan is made of, in the order an executor performs them. */
public enum StepAction {
    /** Stop the router VM (CloudStack stopRouter). */
    STOP,
    /** Point the stopped router at the target offering (takes effect at its next start). */
    CHANGE_OFFERING,
    /** Write the router's nic.multiqueue.number VM detail (read by the KVM agent at start). */
    SET_NIC_QUEUES,
    /** Start the router VM (CloudStack startRouter, reprogramming its rules). */
    START,
    /** Wait until the router is Running. */
    WAIT_RUNNING,
    /** Wait until a redundant member reports its VRRP role. */
    WAIT_REDUNDANT_ROLE,
    /** Send the kernel tuning into the VR. */
    PUSH_TUNING,
    /** Read the values back from the VR and compare. */
    VERIFY
}
