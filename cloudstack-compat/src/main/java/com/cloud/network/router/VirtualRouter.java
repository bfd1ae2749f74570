package com.cloud.network.router;

import com.cloud.vm.VirtualMachine;

public interface VirtualRouter extends VirtualMachine {

    enum Role {
        VIRTUAL_ROUTER, LB, INTERNAL_LB_VM, NETSCALER_VM
    }

    enum UpdateState {
        UPDATE_NEEDED, UPDATE_IN_PROGRESS, UPDATE_COMPLETE, UPDATE_FAILED
    }

    enum RedundantState {
        UNKNOWN, PRIMARY, BACKUP, FAULT
    }

    Role getRole();

    boolean getIsRedundantRouter();

    RedundantState getRedundantState();

    String getPublicIpAddress();

    boolean isStopPending();

    void setStopPending(boolean stopPending);

    Long getVpcId();

    String getTemplateVersion();

    String getScriptsVersion();
}
