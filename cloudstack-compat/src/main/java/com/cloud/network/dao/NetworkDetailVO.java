package com.cloud.network.dao;

import org.apache.cloudstack.api.ResourceDetail;

public class NetworkDetailVO implements ResourceDetail {

    private long id;
    private long resourceId;
    private String name;
    private String value;
    private boolean display = true;

    public NetworkDetailVO() {
    }

    public NetworkDetailVO(long networkId, String name, String value, boolean display) {
        this.resourceId = networkId;
        this.name = name;
        this.value = value;
        this.display = display;
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getValue() {
        return value;
    }

    @Override
    public long getResourceId() {
        return resourceId;
    }

    @Override
    public boolean isDisplay() {
        return display;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public void setDisplay(boolean display) {
        this.display = display;
    }
}
