package com.cloud.resource;

import java.util.List;

import org.apache.cloudstack.framework.config.Configurable;

import com.cloud.host.HostVO;
import com.cloud.hypervisor.Hypervisor.HypervisorType;

// Subset of the real interface.
public interface ResourceManager extends ResourceService, Configurable {

    List<HostVO> listAllUpAndEnabledHostsInOneZoneByHypervisor(HypervisorType type, long dcId);
}
