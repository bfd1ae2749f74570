package com.cloud.network.vpc;

import org.apache.cloudstack.api.ResourceDetail;

// Compile-only stand-in: plain field-backed getters; nothing else.
public class VpcOfferingDetailsVO implements ResourceDetail {
    private long id;
    private long resourceId;
    private String name;
    private String value;
    private boolean display = true;

    protected VpcOfferingDetailsVO() {
    }

    public VpcOfferingDetailsVO(long vpcOfferingId, String name, String value, boolean display) {
        this.resourceId = vpcOfferingId;
        this.name = name;
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
