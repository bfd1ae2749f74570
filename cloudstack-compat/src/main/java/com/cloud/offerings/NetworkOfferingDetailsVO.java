package com.cloud.offerings;

import org.apache.cloudstack.api.ResourceDetail;

import com.cloud.offering.NetworkOffering;

// Compile-only stand-in: plain field-backed getters; nothing else.
public class NetworkOfferingDetailsVO implements ResourceDetail {
    private long id;
    private long resourceId;
    private NetworkOffering.Detail name;
    private String value;
    private boolean display;

    public NetworkOfferingDetailsVO() {
    }

    public NetworkOfferingDetailsVO(long resourceId, NetworkOffering.Detail detailName, String value, boolean display) {
        this.resourceId = resourceId;
        this.name = detailName;
        this.value = value;
        this.display = display;
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public long getResourceId() {
        return resourceId;
    }

    @Override
    public String getName() {
        return name == null ? null : name.name();
    }

    public NetworkOffering.Detail getDetailName() {
        return name;
    }

    @Override
    public String getValue() {
        return value;
    }

    @Override
    public boolean isDisplay() {
        return display;
    }
}
