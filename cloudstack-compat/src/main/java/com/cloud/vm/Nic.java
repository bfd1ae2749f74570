package com.cloud.vm;

import org.apache.cloudstack.api.Identity;
import org.apache.cloudstack.api.InternalIdentity;

// Subset of the real interface: only the members NicVO's stand-in needs; Event and State are not declared.
public interface Nic extends Identity, InternalIdentity {

    enum ReservationStrategy {
        PlaceHolder, Create, Start, Managed
    }

    ReservationStrategy getReservationStrategy();

    boolean isDefaultNic();

    long getInstanceId();
}
