package com.cloud.vm;

import org.apache.cloudstack.api.ResourceDetail;

public class VMInstanceDetailVO implements ResourceDetail {

    private long id;
    private long resourceId;
    private String name;
    private String value;
    private boolean display = true;

    public VMInstanceDetailVO() {
    }

    public VMInstanceDetailVO(long vmId, String name, String value, boolean display) {
        this.resourceId = vmId;
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

    public void setName(String name) {
        this.name = name;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
