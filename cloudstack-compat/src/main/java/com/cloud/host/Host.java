package com.cloud.host;

import org.apache.cloudstack.api.Identity;
import org.apache.cloudstack.ha.HAResource;
import org.apache.cloudstack.kernel.Partition;

import com.cloud.hypervisor.Hypervisor.HypervisorType;
import com.cloud.utils.fsm.StateObject;

// Subset of the real interface: the sizes and placement VR Scale's capacity check reads.
public interface Host extends StateObject<Status>, Identity, Partition, HAResource {

    String getName();

    Long getTotalMemory();

    Integer getCpus();

    Long getSpeed();

    long getDataCenterId();

    HypervisorType getHypervisorType();

    Long getClusterId();
}
