package org.apache.cloudstack.vrscaling.core.lifecycle;

/**
 * Decides what a VM state-machine transition of a router means, from CloudStack's state and event names.
 * Only the transitions observed on a real management server matter: Stopped --StartRequested--> Starting before
 * the start command is built, and X --OperationSucceeded|FollowAgentPowerOnReport--> Running after a start.
 */
public final class RouterTransitionRule {
    private RouterTransitionRule() {
    }

    public static LifecycleAction decide(String from, String event, String to) {
        if (from == null || event == null || to == null) {
            return LifecycleAction.NONE;
        }
        if ("Stopped".equals(from) && "StartRequested".equals(event) && "Starting".equals(to)) {
            return LifecycleAction.PREPARE_START;
        }
        if (!"Running".equals(to) || "Running".equals(from)) {
            // Running --FollowAgentPowerOnReport--> Running arrives every few seconds: not a start.
            return LifecycleAction.NONE;
        }
        if ("OperationSucceeded".equals(event) && "Starting".equals(from)) {
            return LifecycleAction.ROUTER_RUNNING;
        }
        if ("FollowAgentPowerOnReport".equals(event)
                && ("Stopped".equals(from) || "Starting".equals(from) || "Stopping".equals(from))) {
            return LifecycleAction.ROUTER_RUNNING;
        }
        return LifecycleAction.NONE;
    }
}
