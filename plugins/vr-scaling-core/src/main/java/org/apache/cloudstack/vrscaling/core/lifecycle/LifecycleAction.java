package org.apache.cloudstack.vrscaling.core.lifecycle;

/** What VR Scale does when a router's VM changes state. */
public enum LifecycleAction {
    /** Nothing: not a transition that matters (noise such as Running to Running power reports). */
    NONE,
    /** The router is about to start: make sure its per-VM details (NIC queues) are in place for this boot. */
    PREPARE_START,
    /** The router just reached Running: push and verify the tuning, and check it runs the profile's size. */
    ROUTER_RUNNING
}
