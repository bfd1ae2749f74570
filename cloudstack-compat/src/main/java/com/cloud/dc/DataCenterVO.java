package com.cloud.dc;

import java.util.Map;

import org.apache.cloudstack.kernel.Partition;

// Compile-only stand-in: trivial defaults only.
public class DataCenterVO implements DataCenter {

    protected DataCenterVO() {
    }

    @Override
    public String getDns1() {
        return null;
    }

    @Override
    public String getDns2() {
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
    public String getGuestNetworkCidr() {
        return null;
    }

    @Override
    public String getName() {
        return null;
    }

    @Override
    public Long getDomainId() {
        return null;
    }

    @Override
    public String getDescription() {
        return null;
    }

    @Override
    public String getDomain() {
        return null;
    }

    @Override
    public NetworkType getNetworkType() {
        return null;
    }

    @Override
    public String getInternalDns1() {
        return null;
    }

    @Override
    public String getInternalDns2() {
        return null;
    }

    @Override
    public String getDnsProvider() {
        return null;
    }

    @Override
    public String getGatewayProvider() {
        return null;
    }

    @Override
    public String getFirewallProvider() {
        return null;
    }

    @Override
    public String getDhcpProvider() {
        return null;
    }

    @Override
    public String getLoadBalancerProvider() {
        return null;
    }

    @Override
    public String getUserDataProvider() {
        return null;
    }

    @Override
    public String getVpnProvider() {
        return null;
    }

    @Override
    public boolean isSecurityGroupEnabled() {
        return false;
    }

    @Override
    public Map<String, String> getDetails() {
        return null;
    }

    @Override
    public AllocationState getAllocationState() {
        return null;
    }

    @Override
    public String getZoneToken() {
        return null;
    }

    @Override
    public boolean isLocalStorageEnabled() {
        return false;
    }

    @Override
    public int getSortKey() {
        return 0;
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
    public Partition.PartitionType partitionType() {
        return null;
    }

    @Override
    public void setDetails(Map<String, String> details) {
    }
}
