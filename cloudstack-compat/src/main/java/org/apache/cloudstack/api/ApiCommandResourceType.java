package org.apache.cloudstack.api;

import java.util.List;

public enum ApiCommandResourceType {
    None,
    VirtualMachine,
    DomainRouter,
    Volume,
    ConsoleProxy,
    Snapshot,
    Backup,
    Template,
    Iso,
    SystemVm,
    Host,
    StoragePool,
    ImageStore,
    IpAddress,
    PortableIpAddress,
    SecurityGroup,
    PhysicalNetwork,
    TrafficType,
    PhysicalNetworkServiceProvider,
    FirewallRule,
    Account,
    User,
    PrivateGateway,
    StaticRoute,
    Counter,
    Condition,
    AutoScalePolicy,
    AutoScaleVmProfile,
    AutoScaleVmGroup,
    GlobalLoadBalancerRule,
    LoadBalancerRule,
    AffinityGroup,
    InternalLbVm,
    DedicatedGuestVlanRange,
    GuestOsCategory,
    GuestOs,
    GuestOsMapping,
    Network,
    NetworkAcl,
    NetworkAclItem,
    Project,
    Domain,
    DiskOffering,
    ServiceOffering,
    NetworkOffering,
    VpcOffering,
    BackupOffering,
    Zone,
    Vpc,
    Cluster,
    Pod,
    VmSnapshot,
    Role,
    VpnCustomerGateway,
    ManagementServer,
    ObjectStore,
    Bucket,
    QuotaTariff,
    KubernetesCluster,
    KubernetesSupportedVersion,
    SharedFS,
    Extension,
    ExtensionCustomAction;

    public Class<?> getAssociatedClass() {
        return null;
    }

    public static List<ApiCommandResourceType> valuesFromAssociatedClass(Class<?> clazz) {
        return null;
    }

    public static ApiCommandResourceType valueFromAssociatedClass(Class<?> clazz) {
        return null;
    }

    public static ApiCommandResourceType fromString(String value) {
        return null;
    }

    public static void setClassMapping(ApiCommandResourceType type, Class<?> clazz) {
    }
}
