package org.apache.cloudstack.resourcedetail;

import org.apache.cloudstack.api.ResourceDetail;

public class VpcDetailVO implements ResourceDetail {

    private long id;
    private long resourceId;
    private String name;
    private String value;
    private boolean display = true;

    public VpcDetailVO() {
    }

    public VpcDetailVO(long id, String name, String value, boolean display) {
        this.resourceId = id;
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
}
