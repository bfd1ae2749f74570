package com.cloud.network.vpc;

import java.util.Date;

import org.apache.cloudstack.acl.ControlledEntity;
import org.apache.cloudstack.api.Identity;
import org.apache.cloudstack.api.InternalIdentity;

public interface Vpc extends ControlledEntity, Identity, InternalIdentity {

    enum State {
        Enabled, Inactive
    }

    @Override
    String getName();

    long getZoneId();

    String getCidr();

    State getState();

    long getVpcOfferingId();

    String getDisplayText();

    String getNetworkDomain();

    boolean isRestartRequired();

    boolean isDisplay();

    boolean isRedundant();

    boolean usesDistributedRouter();

    boolean isRegionLevelVpc();

    boolean isRollingRestart();

    void setRollingRestart(boolean rollingRestart);

    Date getCreated();

    Integer getPublicMtu();

    String getIp4Dns1();

    String getIp4Dns2();

    String getIp6Dns1();

    String getIp6Dns2();

    boolean useRouterIpAsResolver();
}
