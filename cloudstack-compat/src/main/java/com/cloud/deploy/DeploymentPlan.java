package com.cloud.deploy;

// Subset of the real interface: no methods. Declared only for VirtualMachineManager.start's overload set.
public interface DeploymentPlan {
}
