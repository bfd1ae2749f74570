package com.cloud.offering;

import java.util.Date;

import org.apache.cloudstack.acl.InfrastructureEntity;
import org.apache.cloudstack.api.Identity;
import org.apache.cloudstack.api.InternalIdentity;

import com.cloud.network.Network;
import com.cloud.network.Networks;

// Subset of the real interface: the default offering name constants are not declared.
public interface NetworkOffering extends InfrastructureEntity, InternalIdentity, Identity {

    enum Availability {
        Required, Optional
    }

    enum State {
        Disabled, Enabled
    }

    enum Detail {
        InternalLbProvider, PublicLbProvider, servicepackageuuid, servicepackagedescription, PromiscuousMode,
        MacAddressChanges, ForgedTransmits, MacLearning, RelatedNetworkOffering, domainid, zoneid, pvlanType,
        internetProtocol
    }

    enum NetworkMode {
        NATTED, ROUTED
    }

    enum RoutingMode {
        Static, Dynamic
    }

    String getName();

    String getDisplayText();

    Integer getRateMbps();

    Integer getMulticastRateMbps();

    boolean isForVpc();

    NetworkMode getNetworkMode();

    Networks.TrafficType getTrafficType();

    boolean isSpecifyVlan();

    String getTags();

    boolean isDefault();

    boolean isSystemOnly();

    Availability getAvailability();

    String getUniqueName();

    void setState(State state);

    State getState();

    Network.GuestType getGuestType();

    Long getServiceOfferingId();

    boolean isDedicatedLB();

    boolean isSharedSourceNat();

    boolean isRedundantRouter();

    boolean isConserveMode();

    boolean isElasticIp();

    boolean isAssociatePublicIP();

    boolean isElasticLb();

    boolean isSpecifyIpRanges();

    boolean isInline();

    boolean isPersistent();

    boolean isInternalLb();

    boolean isPublicLb();

    boolean isEgressDefaultPolicy();

    Integer getConcurrentConnections();

    boolean isKeepAliveEnabled();

    boolean isSupportingStrechedL2();

    boolean isSupportingPublicAccess();

    boolean isSupportsVmAutoScaling();

    String getServicePackage();

    Date getCreated();

    RoutingMode getRoutingMode();

    Boolean isSpecifyAsNumber();
}
