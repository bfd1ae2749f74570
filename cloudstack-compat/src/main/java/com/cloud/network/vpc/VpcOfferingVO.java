package com.cloud.network.vpc;

import com.cloud.offering.NetworkOffering;

// Compile-only stand-in: plain field-backed getters and setters; nothing else. Only some real setters and
// constructors are declared.
public class VpcOfferingVO implements VpcOffering {
    private long id;
    private String uuid;
    private String name;
    private String uniqueName;
    private String displayText;
    private State state = State.Disabled;
    private boolean isDefault;
    private NetworkOffering.NetworkMode networkMode;
    private Long serviceOfferingId;
    private boolean supportsDistributedRouter;
    private boolean offersRegionLevelVPC;
    private boolean redundantRouter;
    private NetworkOffering.RoutingMode routingMode;
    private Boolean specifyAsNumber = false;

    public VpcOfferingVO() {
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

    public String getUniqueName() {
        return uniqueName;
    }

    @Override
    public String getDisplayText() {
        return displayText;
    }

    @Override
    public State getState() {
        return state;
    }

    public void setState(State state) {
        this.state = state;
    }

    @Override
    public boolean isDefault() {
        return isDefault;
    }

    @Override
    public NetworkOffering.NetworkMode getNetworkMode() {
        return networkMode;
    }

    @Override
    public Long getServiceOfferingId() {
        return serviceOfferingId;
    }

    @Override
    public boolean isSupportsDistributedRouter() {
        return supportsDistributedRouter;
    }

    @Override
    public boolean isOffersRegionLevelVPC() {
        return offersRegionLevelVPC;
    }

    @Override
    public boolean isRedundantRouter() {
        return redundantRouter;
    }

    @Override
    public NetworkOffering.RoutingMode getRoutingMode() {
        return routingMode;
    }

    @Override
    public Boolean isSpecifyAsNumber() {
        return specifyAsNumber;
    }
}
