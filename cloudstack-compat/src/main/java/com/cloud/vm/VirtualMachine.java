package com.cloud.vm;

import java.util.Date;
import java.util.Map;

import org.apache.cloudstack.acl.ControlledEntity;
import org.apache.cloudstack.api.Displayable;
import org.apache.cloudstack.kernel.Partition;

import com.cloud.hypervisor.Hypervisor.HypervisorType;
import com.cloud.utils.fsm.StateMachine2;
import com.cloud.utils.fsm.StateObject;

// Subset: getBackupVolumeList() (Backup.VolumeInfo) is not declared.
public interface VirtualMachine extends RunningOn, ControlledEntity, Partition, Displayable, StateObject<VirtualMachine.State> {

    enum PowerState {
        PowerUnknown,
        PowerOn,
        PowerOff,
        PowerReportMissing
    }

    enum State {
        Starting(true),
        Running(false),
        Stopping(true),
        Stopped(false),
        Destroyed(false),
        Expunging(true),
        Migrating(true),
        Error(false),
        Unknown(false),
        Shutdown(false),
        Restoring(true);

        // No transitions are registered in the stand-in; listeners registered here are never called.
        private static final StateMachine2<State, Event, VirtualMachine> STATE_MACHINE = new StateMachine2<>();

        private final boolean transitional;

        State(boolean transitional) {
            this.transitional = transitional;
        }

        public String getDescription() {
            return null;
        }

        public boolean isTransitional() {
            return transitional;
        }

        public static StateMachine2<State, Event, VirtualMachine> getStateMachine() {
            return STATE_MACHINE;
        }

        public static boolean isVmStarted(State oldState, Event e, State newState) {
            return false;
        }

        public static boolean isVmStopped(State oldState, Event e, State newState) {
            return false;
        }

        public static boolean isVmMigrated(State oldState, Event e, State newState) {
            return false;
        }

        public static boolean isVmCreated(State oldState, Event e, State newState) {
            return false;
        }

        public static boolean isVmDestroyed(State oldState, Event e, State newState) {
            return false;
        }
    }

    enum Event {
        CreateRequested,
        StartRequested,
        StopRequested,
        DestroyRequested,
        RecoveryRequested,
        AgentReportStopped,
        AgentReportRunning,
        MigrationRequested,
        StorageMigrationRequested,
        ExpungeOperation,
        OperationSucceeded,
        OperationFailed,
        OperationFailedToError,
        OperationRetry,
        AgentReportShutdowned,
        AgentReportMigrated,
        RevertRequested,
        SnapshotRequested,
        RestoringRequested,
        RestoringFailed,
        RestoringSuccess,
        FollowAgentPowerOnReport,
        FollowAgentPowerOffReport
    }

    enum Type {
        User(false),
        DomainRouter(true),
        ConsoleProxy(true),
        SecondaryStorageVm(true),
        ElasticIpVm(true),
        ElasticLoadBalancerVm(true),
        InternalLoadBalancerVm(true),
        NetScalerVm(true),
        UserBareMetal(false),
        Instance(false);

        private final boolean usedBySystem;

        Type(boolean usedBySystem) {
            this.usedBySystem = usedBySystem;
        }

        public boolean isUsedBySystem() {
            return usedBySystem;
        }
    }

    String getInstanceName();

    String getHostName();

    String getPrivateIpAddress();

    String getPrivateMacAddress();

    String getVncPassword();

    long getTemplateId();

    long getGuestOSId();

    Long getPodIdToDeployIn();

    long getDataCenterId();

    Long getLastHostId();

    @Override
    Long getHostId();

    void setHostId(Long hostId);

    boolean isHaEnabled();

    boolean limitCpuUse();

    Date getCreated();

    Date getRemoved();

    long getServiceOfferingId();

    Long getBackupOfferingId();

    String getBackupExternalId();

    Type getType();

    HypervisorType getHypervisorType();

    Map<String, String> getDetails();

    long getUpdated();

    @Override
    boolean isDisplay();

    boolean isDynamicallyScalable();
}
