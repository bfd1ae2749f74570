package org.apache.cloudstack.vrscaling.core.plan;

/** What forwarding sees while a step runs. */
public enum Interruption {
    /** Nothing: the router does not forward (redundant BACKUP, or already stopped) or is not restarted. */
    NONE,
    /** One planned VRRP failover: the peer takes over after missed adverts plus gratuitous ARP. */
    FAILOVER,
    /** The network's only router restarts: no forwarding until it is back. */
    OUTAGE
}
