package com.cloud.service;

import org.apache.cloudstack.api.ResourceDetail;

public class ServiceOfferingDetailsVO implements ResourceDetail {

    private long id;
    private long resourceId;
    private String name;
    private String value;
    private boolean display = true;

    protected ServiceOfferingDetailsVO() {
    }

    public ServiceOfferingDetailsVO(long serviceOfferingId, String name, String value, boolean display) {
        this.resourceId = serviceOfferingId;
        this.name = name;
        this.value = value;
        this.display = display;
    }

    @Override
    public long getResourceId() {
        return resourceId;
    }

    public void setResourceId(long resourceId) {
        this.resourceId = resourceId;
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
    public long getId() {
        return id;
    }

    @Override
    public boolean isDisplay() {
        return display;
    }
}
