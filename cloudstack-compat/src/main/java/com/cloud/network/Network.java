package com.cloud.network;

import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.apache.cloudstack.acl.ControlledEntity;
import org.apache.cloudstack.api.Displayable;
import org.apache.cloudstack.api.Identity;
import org.apache.cloudstack.api.InternalIdentity;

import com.cloud.utils.fsm.StateMachine2;
import com.cloud.utils.fsm.StateObject;

// Subset: the Networks.* typed getters (mode, broadcast domain, traffic type), Routing, NetworkFilter and
// IpAddresses are not declared. Service, Provider and Capability keep only their constants, constructors, getName()
// and the static lookup by name (a plain registry filled by the constructor).
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

    class Service {
        private static final List<Service> SERVICES = new ArrayList<>();

        public static final Service Vpn = new Service("Vpn", Capability.SupportedVpnProtocols, Capability.VpnTypes);
        public static final Service Dhcp = new Service("Dhcp", Capability.ExtraDhcpOptions);
        public static final Service Dns = new Service("Dns", Capability.AllowDnsSuffixModification);
        public static final Service Gateway = new Service("Gateway", Capability.RedundantRouter);
        public static final Service Firewall = new Service("Firewall", Capability.SupportedProtocols,
                Capability.MultipleIps, Capability.TrafficStatistics, Capability.SupportedTrafficDirection,
                Capability.SupportedEgressProtocols);
        public static final Service Lb = new Service("Lb", Capability.SupportedLBAlgorithms,
                Capability.SupportedLBIsolation, Capability.SupportedProtocols, Capability.TrafficStatistics,
                Capability.LoadBalancingSupportedIps, Capability.SupportedStickinessMethods, Capability.ElasticLb,
                Capability.LbSchemes);
        public static final Service UserData = new Service("UserData");
        public static final Service SourceNat = new Service("SourceNat", Capability.SupportedSourceNatTypes,
                Capability.RedundantRouter);
        public static final Service StaticNat = new Service("StaticNat", Capability.ElasticIp);
        public static final Service PortForwarding = new Service("PortForwarding");
        public static final Service SecurityGroup = new Service("SecurityGroup");
        public static final Service NetworkACL = new Service("NetworkACL", Capability.SupportedProtocols);
        public static final Service Connectivity = new Service("Connectivity", Capability.DistributedRouter,
                Capability.RegionLevelVpc, Capability.StretchedL2Subnet, Capability.NoVlan, Capability.PublicAccess);

        private final String name;
        private final Capability[] caps;

        public Service(String name, Capability... caps) {
            this.name = name;
            this.caps = caps;
            SERVICES.add(this);
        }

        public String getName() {
            return name;
        }

        public Capability[] getCapabilities() {
            return caps;
        }

        public static Service getService(String serviceName) {
            for (Service candidate : SERVICES) {
                if (candidate.name.equalsIgnoreCase(serviceName)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    class Provider {
        private static final List<Provider> PROVIDERS = new ArrayList<>();

        public static final Provider VirtualRouter = new Provider("VirtualRouter", false, false);
        public static final Provider JuniperContrailRouter = new Provider("JuniperContrailRouter", false);
        public static final Provider JuniperContrailVpcRouter = new Provider("JuniperContrailVpcRouter", false);
        public static final Provider JuniperSRX = new Provider("JuniperSRX", true);
        public static final Provider PaloAlto = new Provider("PaloAlto", true);
        public static final Provider F5BigIp = new Provider("F5BigIp", true);
        public static final Provider Netscaler = new Provider("Netscaler", true);
        public static final Provider ExternalDhcpServer = new Provider("ExternalDhcpServer", true);
        public static final Provider ExternalGateWay = new Provider("ExternalGateWay", true);
        public static final Provider ElasticLoadBalancerVm = new Provider("ElasticLoadBalancerVm", false);
        public static final Provider SecurityGroupProvider = new Provider("SecurityGroupProvider", false);
        public static final Provider VPCVirtualRouter = new Provider("VpcVirtualRouter", false);
        public static final Provider None = new Provider("None", false);
        public static final Provider NiciraNvp = new Provider("NiciraNvp", false);
        public static final Provider InternalLbVm = new Provider("InternalLbVm", false);
        public static final Provider CiscoVnmc = new Provider("CiscoVnmc", true);
        public static final Provider Ovs = new Provider("Ovs", false);
        public static final Provider Opendaylight = new Provider("Opendaylight", false);
        public static final Provider BrocadeVcs = new Provider("BrocadeVcs", false);
        public static final Provider GloboDns = new Provider("GloboDns", true);
        public static final Provider BigSwitchBcf = new Provider("BigSwitchBcf", false);
        public static final Provider ConfigDrive = new Provider("ConfigDrive", false);
        public static final Provider Tungsten = new Provider("Tungsten", false);
        public static final Provider Nsx = new Provider("Nsx", false);
        public static final Provider Netris = new Provider("Netris", false);

        private final String name;
        private final boolean external;
        private final boolean cleanupOnShutdown;

        public Provider(String name, boolean isExternal) {
            this(name, isExternal, true);
        }

        public Provider(String name, boolean isExternal, boolean needCleanupOnShutdown) {
            this.name = name;
            this.external = isExternal;
            this.cleanupOnShutdown = needCleanupOnShutdown;
            PROVIDERS.add(this);
        }

        public String getName() {
            return name;
        }

        public static Provider getProvider(String providerName) {
            for (Provider candidate : PROVIDERS) {
                if (candidate.name.equalsIgnoreCase(providerName)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    class Capability {
        private static final List<Capability> CAPABILITIES = new ArrayList<>();

        public static final Capability SupportedProtocols = new Capability("SupportedProtocols");
        public static final Capability SupportedLBAlgorithms = new Capability("SupportedLbAlgorithms");
        public static final Capability SupportedLBIsolation = new Capability("SupportedLBIsolation");
        public static final Capability SupportedStickinessMethods = new Capability("SupportedStickinessMethods");
        public static final Capability MultipleIps = new Capability("MultipleIps");
        public static final Capability SupportedSourceNatTypes = new Capability("SupportedSourceNatTypes");
        public static final Capability SupportedVpnProtocols = new Capability("SupportedVpnTypes");
        public static final Capability VpnTypes = new Capability("VpnTypes");
        public static final Capability TrafficStatistics = new Capability("TrafficStatistics");
        public static final Capability LoadBalancingSupportedIps = new Capability("LoadBalancingSupportedIps");
        public static final Capability AllowDnsSuffixModification = new Capability("AllowDnsSuffixModification");
        public static final Capability RedundantRouter = new Capability("RedundantRouter");
        public static final Capability ElasticIp = new Capability("ElasticIp");
        public static final Capability AssociatePublicIP = new Capability("AssociatePublicIP");
        public static final Capability ElasticLb = new Capability("ElasticLb");
        public static final Capability AutoScaleCounters = new Capability("AutoScaleCounters");
        public static final Capability InlineMode = new Capability("InlineMode");
        public static final Capability SupportedTrafficDirection = new Capability("SupportedTrafficDirection");
        public static final Capability SupportedEgressProtocols = new Capability("SupportedEgressProtocols");
        public static final Capability HealthCheckPolicy = new Capability("HealthCheckPolicy");
        public static final Capability SslTermination = new Capability("SslTermination");
        public static final Capability LbSchemes = new Capability("LbSchemes");
        public static final Capability DhcpAccrossMultipleSubnets = new Capability("DhcpAccrossMultipleSubnets");
        public static final Capability DistributedRouter = new Capability("DistributedRouter");
        public static final Capability StretchedL2Subnet = new Capability("StretchedL2Subnet");
        public static final Capability RegionLevelVpc = new Capability("RegionLevelVpc");
        public static final Capability NoVlan = new Capability("NoVlan");
        public static final Capability PublicAccess = new Capability("PublicAccess");
        public static final Capability ExtraDhcpOptions = new Capability("ExtraDhcpOptions");
        public static final Capability VmAutoScaling = new Capability("VmAutoScaling");

        private final String name;

        public Capability(String name) {
            this.name = name;
            CAPABILITIES.add(this);
        }

        public String getName() {
            return name;
        }

        public static Capability getCapability(String capabilityName) {
            for (Capability candidate : CAPABILITIES) {
                if (candidate.name.equalsIgnoreCase(capabilityName)) {
                    return candidate;
                }
            }
            return null;
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
