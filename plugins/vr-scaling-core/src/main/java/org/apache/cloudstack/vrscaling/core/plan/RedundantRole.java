package org.apache.cloudstack.vrscaling.core.plan;

import java.util.Locale;

/** A router's VRRP role as CloudStack reports it (redundantstate), or NONE for a router that is not redundant. */
public enum RedundantRole {
    NONE, PRIMARY, BACKUP, FAULT, UNKNOWN;

    /** Maps CloudStack's RedundantState name; null means the router is not redundant. */
    public static RedundantRole fromName(String name) {
        if (name == null) {
            return NONE;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
