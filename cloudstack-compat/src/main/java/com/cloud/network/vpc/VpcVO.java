package com.cloud.network.vpc;

import java.util.Date;

// Compile-only stand-in: trivial defaults only, except the VPC offering id, which is a plain field.
public class VpcVO implements Vpc {
    private long vpcOfferingId;

    public VpcVO() {
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
    public String getName() {
        return null;
    }

    @Override
    public long getZoneId() {
        return 0;
    }

    @Override
    public String getCidr() {
        return null;
    }

    @Override
    public State getState() {
        return null;
    }

    @Override
    public long getVpcOfferingId() {
        return vpcOfferingId;
    }

    public void setVpcOfferingId(long vpcOfferingId) {
        this.vpcOfferingId = vpcOfferingId;
    }

    @Override
    public String getDisplayText() {
        return null;
    }

    @Override
    public String getNetworkDomain() {
        return null;
    }

    @Override
    public boolean isRestartRequired() {
        return false;
    }

    @Override
    public boolean isDisplay() {
        return false;
    }

    @Override
    public boolean isRedundant() {
        return false;
    }

    @Override
    public boolean usesDistributedRouter() {
        return false;
    }

    @Override
    public boolean isRegionLevelVpc() {
        return false;
    }

    @Override
    public boolean isRollingRestart() {
        return false;
    }

    @Override
    public void setRollingRestart(boolean rollingRestart) {
    }

    @Override
    public Date getCreated() {
        return null;
    }

    @Override
    public Integer getPublicMtu() {
        return null;
    }

    @Override
    public String getIp4Dns1() {
        return null;
    }

    @Override
    public String getIp4Dns2() {
        return null;
    }

    @Override
    public String getIp6Dns1() {
        return null;
    }

    @Override
    public String getIp6Dns2() {
        return null;
    }

    @Override
    public boolean useRouterIpAsResolver() {
        return false;
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
