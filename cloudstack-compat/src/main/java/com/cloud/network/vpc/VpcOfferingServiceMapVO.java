package com.cloud.network.vpc;

import org.apache.cloudstack.api.InternalIdentity;

// Compile-only stand-in: plain field-backed getters; nothing else. Rows carry service and provider names.
public class VpcOfferingServiceMapVO implements InternalIdentity {
    private long id;
    private long vpcOfferingId;
    private String service;
    private String provider;

    public VpcOfferingServiceMapVO() {
    }

    @Override
    public long getId() {
        return id;
    }

    public long getVpcOfferingId() {
        return vpcOfferingId;
    }

    public String getService() {
        return service;
    }

    public String getProvider() {
        return provider;
    }
}
