package com.cloud.offerings;

import java.util.Date;

import com.cloud.network.Network;
import com.cloud.network.Networks;
import com.cloud.offering.NetworkOffering;

// Compile-only stand-in: plain field-backed getters and setters; nothing else. Only some real setters and
// constructors are declared.
public class NetworkOfferingVO implements NetworkOffering {
    private long id;
    private String uuid;
    private String name;
    private String uniqueName;
    private String displayText;
    private Integer rateMbps;
    private Integer multicastRateMbps;
    private Networks.TrafficType trafficType;
    private boolean specifyVlan;
    private boolean systemOnly;
    private Long serviceOfferingId;
    private String tags;
    private boolean isDefault;
    private Availability availability;
    private State state = State.Disabled;
    private Date removed;
    private Date created;
    private Network.GuestType guestType;
    private boolean dedicatedLB;
    private boolean sharedSourceNat;
    private boolean specifyIpRanges;
    private boolean redundantRouter;
    private boolean conserveMode;
    private boolean elasticIp;
    private boolean associatePublicIp;
    private boolean elasticLb;
    private boolean inline;
    private boolean persistent;
    private boolean forVpc;
    private NetworkMode networkMode;
    private boolean egressDefaultPolicy;
    private Integer concurrentConnections;
    private boolean keepAliveEnabled;
    private boolean supportsStrechedL2;
    private boolean supportsPublicAccess;
    private boolean supportsVmAutoScaling;
    private boolean internalLb;
    private boolean publicLb;
    private String servicePackageUuid;
    private RoutingMode routingMode;
    private Boolean specifyAsNumber = false;

    public NetworkOfferingVO() {
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public String getUuid() {
        return uuid;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDisplayText() {
        return displayText;
    }

    public void setDisplayText(String displayText) {
        this.displayText = displayText;
    }

    @Override
    public String getUniqueName() {
        return uniqueName;
    }

    public void setUniqueName(String uniqueName) {
        this.uniqueName = uniqueName;
    }

    @Override
    public Integer getRateMbps() {
        return rateMbps;
    }

    @Override
    public Integer getMulticastRateMbps() {
        return multicastRateMbps;
    }

    public void setMulticastRateMbps(Integer multicastRateMbps) {
        this.multicastRateMbps = multicastRateMbps;
    }

    @Override
    public boolean isForVpc() {
        return forVpc;
    }

    @Override
    public NetworkMode getNetworkMode() {
        return networkMode;
    }

    @Override
    public Networks.TrafficType getTrafficType() {
        return trafficType;
    }

    @Override
    public boolean isSpecifyVlan() {
        return specifyVlan;
    }

    @Override
    public String getTags() {
        return tags;
    }

    @Override
    public boolean isDefault() {
        return isDefault;
    }

    @Override
    public boolean isSystemOnly() {
        return systemOnly;
    }

    @Override
    public Availability getAvailability() {
        return availability;
    }

    @Override
    public void setState(State state) {
        this.state = state;
    }

    @Override
    public State getState() {
        return state;
    }

    @Override
    public Network.GuestType getGuestType() {
        return guestType;
    }

    @Override
    public Long getServiceOfferingId() {
        return serviceOfferingId;
    }

    public void setServiceOfferingId(Long serviceOfferingId) {
        this.serviceOfferingId = serviceOfferingId;
    }

    @Override
    public boolean isDedicatedLB() {
        return dedicatedLB;
    }

    @Override
    public boolean isSharedSourceNat() {
        return sharedSourceNat;
    }

    @Override
    public boolean isRedundantRouter() {
        return redundantRouter;
    }

    @Override
    public boolean isConserveMode() {
        return conserveMode;
    }

    @Override
    public boolean isElasticIp() {
        return elasticIp;
    }

    @Override
    public boolean isAssociatePublicIP() {
        return associatePublicIp;
    }

    @Override
    public boolean isElasticLb() {
        return elasticLb;
    }

    @Override
    public boolean isSpecifyIpRanges() {
        return specifyIpRanges;
    }

    @Override
    public boolean isInline() {
        return inline;
    }

    @Override
    public boolean isPersistent() {
        return persistent;
    }

    @Override
    public boolean isInternalLb() {
        return internalLb;
    }

    @Override
    public boolean isPublicLb() {
        return publicLb;
    }

    @Override
    public boolean isEgressDefaultPolicy() {
        return egressDefaultPolicy;
    }

    @Override
    public Integer getConcurrentConnections() {
        return concurrentConnections;
    }

    @Override
    public boolean isKeepAliveEnabled() {
        return keepAliveEnabled;
    }

    @Override
    public boolean isSupportingStrechedL2() {
        return supportsStrechedL2;
    }

    @Override
    public boolean isSupportingPublicAccess() {
        return supportsPublicAccess;
    }

    @Override
    public boolean isSupportsVmAutoScaling() {
        return supportsVmAutoScaling;
    }

    @Override
    public String getServicePackage() {
        return servicePackageUuid;
    }

    @Override
    public Date getCreated() {
        return created;
    }

    public Date getRemoved() {
        return removed;
    }

    @Override
    public RoutingMode getRoutingMode() {
        return routingMode;
    }

    @Override
    public Boolean isSpecifyAsNumber() {
        return specifyAsNumber;
    }
}
