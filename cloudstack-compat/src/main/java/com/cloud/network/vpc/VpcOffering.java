package com.cloud.network.vpc;

import org.apache.cloudstack.api.Identity;
import org.apache.cloudstack.api.InternalIdentity;

import com.cloud.offering.NetworkOffering;

// Subset of the real interface: the default offering name constants, getCreated() and getRemoved() are not declared.
public interface VpcOffering extends InternalIdentity, Identity {

    enum State {
        Disabled, Enabled
    }

    String getName();

    String getDisplayText();

    State getState();

    boolean isDefault();

    NetworkOffering.NetworkMode getNetworkMode();

    Long getServiceOfferingId();

    boolean isSupportsDistributedRouter();

    boolean isOffersRegionLevelVPC();

    boolean isRedundantRouter();

    NetworkOffering.RoutingMode getRoutingMode();

    Boolean isSpecifyAsNumber();
}
