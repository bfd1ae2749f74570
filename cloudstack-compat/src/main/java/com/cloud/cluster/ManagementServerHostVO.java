package com.cloud.cluster;

import org.apache.cloudstack.management.ManagementServerHost;

public class ManagementServerHostVO implements ManagementServerHost {

    public ManagementServerHostVO() {
    }

    @Override
    public long getId() {
        return 0;
    }

    @Override
    public String getUuid() {
        return null;
    }

    @Override
    public long getMsid() {
        return 0;
    }

    @Override
    public State getState() {
        return null;
    }

    @Override
    public String getName() {
        return null;
    }

    @Override
    public long getAccountId() {
        return 0;
    }

    @Override
    public long getDomainId() {
        return 0;
    }

    @Override
    public Class<?> getEntityType() {
        return null;
    }
}
