package com.cloud.deploy;

import com.cloud.utils.component.Adapter;

// Subset of the real interface: no methods of its own. Declared only for VirtualMachineManager.start's overload set.
public interface DeploymentPlanner extends Adapter {
}
