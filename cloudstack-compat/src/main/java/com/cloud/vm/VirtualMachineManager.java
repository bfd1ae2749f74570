package com.cloud.vm;

import java.util.Map;

import com.cloud.deploy.DeploymentPlan;
import com.cloud.deploy.DeploymentPlanner;
import com.cloud.exception.ConcurrentOperationException;
import com.cloud.exception.OperationTimedoutException;
import com.cloud.exception.ResourceUnavailableException;
import com.cloud.hypervisor.Hypervisor.HypervisorType;
import com.cloud.offering.ServiceOffering;
import com.cloud.utils.Pair;
import com.cloud.utils.component.Manager;

// Subset of the real interface; declared names, and start (inherited from ComponentLifecycle), have their whole
// real overload set.
public interface VirtualMachineManager extends Manager {

    interface Topics {
        String VM_POWER_STATE = "vm.powerstate";
    }

    void start(String vmUuid, Map<VirtualMachineProfile.Param, Object> params);

    void start(String vmUuid, Map<VirtualMachineProfile.Param, Object> params, DeploymentPlan planToDeploy,
            DeploymentPlanner planner);

    void stop(String vmUuid) throws ResourceUnavailableException;

    void stopForced(String vmUuid) throws ResourceUnavailableException;

    void advanceStop(String vmUuid, boolean cleanupEvenIfUnableToStop)
            throws ResourceUnavailableException, OperationTimedoutException, ConcurrentOperationException;

    boolean isVirtualMachineUpgradable(VirtualMachine vm, ServiceOffering offering);

    VirtualMachine findById(long vmId);

    void checkIfCanUpgrade(VirtualMachine vmInstance, ServiceOffering newServiceOffering);

    boolean upgradeVmDb(long vmId, ServiceOffering newServiceOffering, ServiceOffering currentServiceOffering);

    boolean getExecuteInSequence(HypervisorType hypervisorType);

    Pair<Boolean, String> unmanage(String vmUuid, Long paramHostId);

    boolean isRootVolumeOnLocalStorage(long vmId);

    Pair<Long, Long> findClusterAndHostIdForVm(long vmId);

    Pair<Long, Long> findClusterAndHostIdForVm(VirtualMachine vm, boolean skipCurrentHostForStartingVm);
}
