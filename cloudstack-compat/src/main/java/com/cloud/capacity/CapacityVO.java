package com.cloud.capacity;

public class CapacityVO implements Capacity {

    public CapacityVO() {
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
    public long getUsedCapacity() {
        return 0;
    }

    @Override
    public long getTotalCapacity() {
        return 0;
    }

    @Override
    public long getReservedCapacity() {
        return 0;
    }
}
