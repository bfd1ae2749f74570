package com.cloud.network;

import java.io.Serializable;
import java.net.URI;
import java.util.Date;

import org.apache.cloudstack.acl.ControlledEntity;
import org.apache.cloudstack.api.Displayable;
import org.apache.cloudstack.api.Identity;
import org.apache.cloudstack.api.InternalIdentity;

import com.cloud.utils.fsm.StateMachine2;
import com.cloud.utils.fsm.StateObject;

// Subset: Service/Provider/Capability and the Networks.* typed getters (mode, broadcast domain, traffic type)
// are not declared.
public interface Network extends ControlledEntity, StateObject<Network.State>, InternalIdentity, Identity, Serializable,
        Displayable {

    enum GuestType {
        Shared, Isolated, L2
    }

    enum PVlanType {
        Community, Isolated, Promiscuous
    }

    enum Event {
        ImplementNetwork, DestroyNetwork, OperationSucceeded, OperationFailed
    }

    enum State {
        Allocated, Setup, Implementing, Implemented, Shutdown, Destroy;

        // No transitions are registered in the stand-in.
        private static final StateMachine2<State, Event, Network> STATE_MACHINE = new StateMachine2<>();

        public static StateMachine2<State, Event, Network> getStateMachine() {
            return STATE_MACHINE;
        }
    }

    String updatingInSequence = "updatingInSequence";
    String hideIpAddressUsage = "hideIpAddressUsage";
    String AssociatedNetworkId = "AssociatedNetworkId";

    @Override
    String getName();

    String getGateway();

    void setGateway(String gateway);

    String getCidr();

    void setCidr(String cidr);

    String getNetworkCidr();

    String getIp6Gateway();

    String getIp6Cidr();

    long getDataCenterId();

    @Override
    long getAccountId();

    long getNetworkOfferingId();

    @Override
    State getState();

    boolean isRedundant();

    boolean isRollingRestart();

    long getRelated();

    URI getBroadcastUri();

    String getDisplayText();

    String getReservationId();

    String getNetworkDomain();

    GuestType getGuestType();

    Long getPhysicalNetworkId();

    void setPhysicalNetworkId(Long physicalNetworkId);

    ACLType getAclType();

    boolean isRestartRequired();

    boolean getSpecifyIpRanges();

    @Deprecated
    boolean getDisplayNetwork();

    @Override
    boolean isDisplay();

    String getGuruName();

    Long getVpcId();

    Long getNetworkACLId();

    void setNetworkACLId(Long networkACLId);

    boolean isStrechedL2Network();

    String getExternalId();

    PVlanType getPvlanType();

    String getRouterIp();

    String getRouterIpv6();

    String getDns1();

    String getDns2();

    String getIp6Dns1();

    String getIp6Dns2();

    Date getCreated();

    Integer getPublicMtu();

    Integer getPrivateMtu();

    Integer getNetworkCidrSize();
}
