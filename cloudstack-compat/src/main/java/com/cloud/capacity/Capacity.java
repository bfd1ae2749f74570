package com.cloud.capacity;

import org.apache.cloudstack.api.Identity;
import org.apache.cloudstack.api.InternalIdentity;

// Subset of the real interface: the CPU and memory rows of a host.
public interface Capacity extends InternalIdentity, Identity {
    short CAPACITY_TYPE_MEMORY = 0;
    short CAPACITY_TYPE_CPU = 1;

    long getUsedCapacity();

    long getTotalCapacity();

    long getReservedCapacity();
}
