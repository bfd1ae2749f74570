package com.cloud.host;

import com.cloud.hypervisor.Hypervisor.HypervisorType;

public class HostVO implements Host {

    protected HostVO() {
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
    public Long getTotalMemory() {
        return null;
    }

    @Override
    public Integer getCpus() {
        return null;
    }

    @Override
    public Long getSpeed() {
        return null;
    }

    @Override
    public long getDataCenterId() {
        return 0;
    }

    @Override
    public HypervisorType getHypervisorType() {
        return null;
    }

    @Override
    public Long getClusterId() {
        return null;
    }

    @Override
    public Status getState() {
        return null;
    }

    @Override
    public PartitionType partitionType() {
        return null;
    }
}
