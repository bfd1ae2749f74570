package com.cloud.capacity;

import com.cloud.host.Host;

// Subset of the real interface: the fit checks CloudStack's planners use for a host.
public interface CapacityManager {

    boolean checkIfHostHasCapacity(Host host, Integer cpu, long ram, boolean checkFromReservedCapacity,
                                   float cpuOverprovisioningFactor, float memoryOvercommitRatio,
                                   boolean considerReservedCapacity);

    boolean checkIfHostHasCpuCapability(Host host, Integer cpuNum, Integer cpuSpeed);

    float getClusterOverProvisioningFactor(Long clusterId, short capacityType);
}
