package com.cloud.network.dao;

import java.net.URI;
import java.util.Date;

import org.apache.cloudstack.acl.ControlledEntity;

import com.cloud.network.Network;

// Compile-only stand-in: plain field-backed getters and setters; nothing else.
public class NetworkVO implements Network {
    private long id;
    private String uuid;
    private String name;
    private String displayText;
    private String reservationId;
    private Network.State state;
    private boolean redundant;
    private long related;
    private long accountId;
    private long domainId;
    private long networkOfferingId;
    private String guruData;
    private String guruName;
    private String networkDomain;
    private String gateway;
    private String cidr;
    private String networkCidr;
    private URI broadcastUri;
    private Long physicalNetworkId;
    private long dataCenterId;
    private String dns1;
    private String dns2;
    private String ip6Dns1;
    private String ip6Dns2;
    private Date removed;
    private Date created;
    private Network.GuestType guestType;
    private ControlledEntity.ACLType aclType;
    private boolean restartRequired;
    private boolean specifyIpRanges;
    private Long vpcId;
    private String ip6Cidr;
    private String ip6Gateway;
    private boolean displayNetwork;
    private Long networkACLId;
    private boolean strechedL2Network;
    private String externalId;
    private String vlanIdAsUUID;
    private boolean rollingRestart;
    private Network.PVlanType pvlanType;
    private String routerIp;
    private String routerIpv6;
    private Integer publicMtu;
    private Integer privateMtu;
    private Integer networkCidrSize;

    public NetworkVO() {
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    @Override
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public String getDisplayText() {
        return displayText;
    }

    public void setDisplayText(String displayText) {
        this.displayText = displayText;
    }

    @Override
    public String getReservationId() {
        return reservationId;
    }

    public void setReservationId(String reservationId) {
        this.reservationId = reservationId;
    }

    @Override
    public Network.State getState() {
        return state;
    }

    public void setState(Network.State state) {
        this.state = state;
    }

    @Override
    public boolean isRedundant() {
        return redundant;
    }

    public void setRedundant(boolean redundant) {
        this.redundant = redundant;
    }

    @Override
    public long getRelated() {
        return related;
    }

    public void setRelated(long related) {
        this.related = related;
    }

    @Override
    public long getAccountId() {
        return accountId;
    }

    public void setAccountId(long accountId) {
        this.accountId = accountId;
    }

    @Override
    public long getDomainId() {
        return domainId;
    }

    @Override
    public long getNetworkOfferingId() {
        return networkOfferingId;
    }

    public void setNetworkOfferingId(long networkOfferingId) {
        this.networkOfferingId = networkOfferingId;
    }

    public String getGuruData() {
        return guruData;
    }

    public void setGuruData(String guruData) {
        this.guruData = guruData;
    }

    @Override
    public String getGuruName() {
        return guruName;
    }

    public void setGuruName(String guruName) {
        this.guruName = guruName;
    }

    @Override
    public String getNetworkDomain() {
        return networkDomain;
    }

    public void setNetworkDomain(String networkDomain) {
        this.networkDomain = networkDomain;
    }

    @Override
    public String getGateway() {
        return gateway;
    }

    @Override
    public void setGateway(String gateway) {
        this.gateway = gateway;
    }

    @Override
    public String getCidr() {
        return cidr;
    }

    @Override
    public void setCidr(String cidr) {
        this.cidr = cidr;
    }

    @Override
    public String getNetworkCidr() {
        return networkCidr;
    }

    public void setNetworkCidr(String networkCidr) {
        this.networkCidr = networkCidr;
    }

    @Override
    public URI getBroadcastUri() {
        return broadcastUri;
    }

    public void setBroadcastUri(URI broadcastUri) {
        this.broadcastUri = broadcastUri;
    }

    @Override
    public Long getPhysicalNetworkId() {
        return physicalNetworkId;
    }

    @Override
    public void setPhysicalNetworkId(Long physicalNetworkId) {
        this.physicalNetworkId = physicalNetworkId;
    }

    @Override
    public long getDataCenterId() {
        return dataCenterId;
    }

    @Override
    public String getDns1() {
        return dns1;
    }

    public void setDns1(String dns1) {
        this.dns1 = dns1;
    }

    @Override
    public String getDns2() {
        return dns2;
    }

    public void setDns2(String dns2) {
        this.dns2 = dns2;
    }

    @Override
    public String getIp6Dns1() {
        return ip6Dns1;
    }

    public void setIp6Dns1(String ip6Dns1) {
        this.ip6Dns1 = ip6Dns1;
    }

    @Override
    public String getIp6Dns2() {
        return ip6Dns2;
    }

    public void setIp6Dns2(String ip6Dns2) {
        this.ip6Dns2 = ip6Dns2;
    }

    public Date getRemoved() {
        return removed;
    }

    public void setRemoved(Date removed) {
        this.removed = removed;
    }

    @Override
    public Date getCreated() {
        return created;
    }

    public void setCreated(Date created) {
        this.created = created;
    }

    @Override
    public Network.GuestType getGuestType() {
        return guestType;
    }

    @Override
    public ControlledEntity.ACLType getAclType() {
        return aclType;
    }

    @Override
    public boolean isRestartRequired() {
        return restartRequired;
    }

    public void setRestartRequired(boolean restartRequired) {
        this.restartRequired = restartRequired;
    }

    @Override
    public boolean getSpecifyIpRanges() {
        return specifyIpRanges;
    }

    @Override
    public Long getVpcId() {
        return vpcId;
    }

    public void setVpcId(Long vpcId) {
        this.vpcId = vpcId;
    }

    @Override
    public String getIp6Cidr() {
        return ip6Cidr;
    }

    public void setIp6Cidr(String ip6Cidr) {
        this.ip6Cidr = ip6Cidr;
    }

    @Override
    public String getIp6Gateway() {
        return ip6Gateway;
    }

    public void setIp6Gateway(String ip6Gateway) {
        this.ip6Gateway = ip6Gateway;
    }

    @Override
    @SuppressWarnings("deprecation")
    public boolean getDisplayNetwork() {
        return displayNetwork;
    }

    public void setDisplayNetwork(boolean displayNetwork) {
        this.displayNetwork = displayNetwork;
    }

    @Override
    public Long getNetworkACLId() {
        return networkACLId;
    }

    @Override
    public void setNetworkACLId(Long networkACLId) {
        this.networkACLId = networkACLId;
    }

    @Override
    public boolean isStrechedL2Network() {
        return strechedL2Network;
    }

    public void setStrechedL2Network(boolean strechedL2Network) {
        this.strechedL2Network = strechedL2Network;
    }

    @Override
    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String getVlanIdAsUUID() {
        return vlanIdAsUUID;
    }

    public void setVlanIdAsUUID(String vlanIdAsUUID) {
        this.vlanIdAsUUID = vlanIdAsUUID;
    }

    @Override
    public boolean isRollingRestart() {
        return rollingRestart;
    }

    public void setRollingRestart(boolean rollingRestart) {
        this.rollingRestart = rollingRestart;
    }

    @Override
    public Network.PVlanType getPvlanType() {
        return pvlanType;
    }

    public void setPvlanType(Network.PVlanType pvlanType) {
        this.pvlanType = pvlanType;
    }

    @Override
    public String getRouterIp() {
        return routerIp;
    }

    public void setRouterIp(String routerIp) {
        this.routerIp = routerIp;
    }

    @Override
    public String getRouterIpv6() {
        return routerIpv6;
    }

    public void setRouterIpv6(String routerIpv6) {
        this.routerIpv6 = routerIpv6;
    }

    @Override
    public Integer getPublicMtu() {
        return publicMtu;
    }

    public void setPublicMtu(Integer publicMtu) {
        this.publicMtu = publicMtu;
    }

    @Override
    public Integer getPrivateMtu() {
        return privateMtu;
    }

    public void setPrivateMtu(Integer privateMtu) {
        this.privateMtu = privateMtu;
    }

    @Override
    public Integer getNetworkCidrSize() {
        return networkCidrSize;
    }

    public void setNetworkCidrSize(Integer networkCidrSize) {
        this.networkCidrSize = networkCidrSize;
    }

    @Override
    public boolean isDisplay() {
        return displayNetwork;
    }

    @Override
    public Class<?> getEntityType() {
        return Network.class;
    }
}
