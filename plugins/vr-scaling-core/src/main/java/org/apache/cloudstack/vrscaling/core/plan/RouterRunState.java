package org.apache.cloudstack.vrscaling.core.plan;

import java.util.Locale;

/** A router VM's state, named as CloudStack's VirtualMachine.State names it. */
public enum RouterRunState {
    STARTING, RUNNING, STOPPING, STOPPED, DESTROYED, EXPUNGING, MIGRATING, ERROR, UNKNOWN, SHUTDOWN, RESTORING;

    /** Maps CloudStack's state name ("Running", "Stopped", ...); an unrecognised name is treated as UNKNOWN. */
    public static RouterRunState fromName(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** Going away: not part of the plan. */
    public boolean isGone() {
        return this == DESTROYED || this == EXPUNGING;
    }

    /** Unhealthy: rescaling would hide a fault, so plans refuse. */
    public boolean isUnhealthy() {
        return this == ERROR || this == UNKNOWN || this == SHUTDOWN;
    }

    /** Something else is acting on the router right now. */
    public boolean isTransitional() {
        return this == STARTING || this == STOPPING || this == MIGRATING || this == RESTORING;
    }
}
