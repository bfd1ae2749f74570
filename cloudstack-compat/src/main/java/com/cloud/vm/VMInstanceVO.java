package com.cloud.vm;

import java.util.Date;
import java.util.Map;

import org.apache.cloudstack.kernel.Partition;

import com.cloud.hypervisor.Hypervisor.HypervisorType;
import com.cloud.utils.fsm.FiniteStateObject;

// Compile-only stand-in: constructor arguments and setters are stored in plain fields; nothing else.
public class VMInstanceVO implements VirtualMachine, FiniteStateObject<VirtualMachine.State, VirtualMachine.Event> {

    protected long id;
    protected String uuid;
    protected String hostName;
    protected String instanceName;
    protected State state;
    protected Type type;
    protected long templateId;
    protected long guestOSId;
    protected HypervisorType hypervisorType;
    protected long serviceOfferingId;
    protected long domainId;
    protected long accountId;
    protected long userId;
    protected boolean haEnabled;
    protected boolean limitCpuUse;
    protected Long hostId;
    protected Long lastHostId;
    protected Long podIdToDeployIn;
    protected long dataCenterId;
    protected String privateIpAddress;
    protected String privateMacAddress;
    protected String vncPassword;
    protected Date removed;
    protected Map<String, String> details;
    protected boolean dynamicallyScalable;
    protected boolean displayVm;
    protected PowerState powerState;
    protected Long powerHostId;

    public VMInstanceVO(long id, long serviceOfferingId, String name, String instanceName, Type type, Long vmTemplateId,
            HypervisorType hypervisorType, long guestOSId, long domainId, long accountId, long userId, boolean haEnabled) {
        this.id = id;
        this.serviceOfferingId = serviceOfferingId;
        this.hostName = name;
        this.instanceName = instanceName;
        this.type = type;
        this.templateId = vmTemplateId;
        this.hypervisorType = hypervisorType;
        this.guestOSId = guestOSId;
        this.domainId = domainId;
        this.accountId = accountId;
        this.userId = userId;
        this.haEnabled = haEnabled;
    }

    public VMInstanceVO(long id, long serviceOfferingId, String name, String instanceName, Type type, Long vmTemplateId,
            HypervisorType hypervisorType, long guestOSId, long domainId, long accountId, long userId, boolean haEnabled,
            boolean limitResourceUse) {
        this(id, serviceOfferingId, name, instanceName, type, vmTemplateId, hypervisorType, guestOSId, domainId, accountId, userId,
                haEnabled);
    }

    public VMInstanceVO() {
    }

    @Override
    public Date getRemoved() {
        return removed;
    }

    @Override
    public long getDomainId() {
        return domainId;
    }

    @Override
    public long getAccountId() {
        return accountId;
    }

    @Override
    public Type getType() {
        return type;
    }

    @Override
    public long getUpdated() {
        return 0;
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    @Override
    public HypervisorType getHypervisorType() {
        return hypervisorType;
    }

    public void setHypervisorType(HypervisorType hypervisorType) {
        this.hypervisorType = hypervisorType;
    }

    @Override
    public Date getCreated() {
        return null;
    }

    public Date getUpdateTime() {
        return null;
    }

    @Override
    public long getDataCenterId() {
        return dataCenterId;
    }

    @Override
    public String getHostName() {
        return hostName;
    }

    public void setHostName(String hostName) {
        this.hostName = hostName;
    }

    @Override
    public String getInstanceName() {
        return instanceName;
    }

    public void setInstanceName(String instanceName) {
        this.instanceName = instanceName;
    }

    @Override
    public State getState() {
        return state;
    }

    @Override
    public void setState(State state) {
        this.state = state;
    }

    @Override
    public String getPrivateIpAddress() {
        return privateIpAddress;
    }

    public void setPrivateIpAddress(String privateIpAddress) {
        this.privateIpAddress = privateIpAddress;
    }

    public void setVncPassword(String vncPassword) {
        this.vncPassword = vncPassword;
    }

    @Override
    public String getVncPassword() {
        return vncPassword;
    }

    @Override
    public long getServiceOfferingId() {
        return serviceOfferingId;
    }

    public void setServiceOfferingId(long serviceOfferingId) {
        this.serviceOfferingId = serviceOfferingId;
    }

    @Override
    public long getTemplateId() {
        return templateId;
    }

    public void setTemplateId(Long templateId) {
        this.templateId = templateId;
    }

    @Override
    public long getGuestOSId() {
        return guestOSId;
    }

    public void setGuestOSId(long guestOSId) {
        this.guestOSId = guestOSId;
    }

    public void incrUpdated() {
    }

    public void decrUpdated() {
    }

    @Override
    public Long getHostId() {
        return hostId;
    }

    @Override
    public void setHostId(Long hostId) {
        this.hostId = hostId;
    }

    @Override
    public Long getLastHostId() {
        return lastHostId;
    }

    public void setLastHostId(Long lastHostId) {
        this.lastHostId = lastHostId;
    }

    @Override
    public boolean isHaEnabled() {
        return haEnabled;
    }

    public void setHaEnabled(boolean haEnabled) {
        this.haEnabled = haEnabled;
    }

    public boolean isDisplayVm() {
        return displayVm;
    }

    public void setDisplayVm(boolean displayVm) {
        this.displayVm = displayVm;
    }

    @Override
    public boolean isDisplay() {
        return displayVm;
    }

    @Override
    public boolean limitCpuUse() {
        return limitCpuUse;
    }

    public void setLimitCpuUse(boolean limitCpuUse) {
        this.limitCpuUse = limitCpuUse;
    }

    @Override
    public String getPrivateMacAddress() {
        return privateMacAddress;
    }

    public void setPrivateMacAddress(String privateMacAddress) {
        this.privateMacAddress = privateMacAddress;
    }

    @Override
    public Long getPodIdToDeployIn() {
        return podIdToDeployIn;
    }

    public void setPodIdToDeployIn(Long podIdToDeployIn) {
        this.podIdToDeployIn = podIdToDeployIn;
    }

    public void setDataCenterId(long dataCenterId) {
        this.dataCenterId = dataCenterId;
    }

    public boolean isRemoved() {
        return false;
    }

    public void setRemoved(Date removed) {
        this.removed = removed;
    }

    @Override
    public Map<String, String> getDetails() {
        return details;
    }

    public void setDetail(String name, String value) {
    }

    public void setDetails(Map<String, String> details) {
        this.details = details;
    }

    public void setDynamicallyScalable(boolean dynamicallyScalable) {
        this.dynamicallyScalable = dynamicallyScalable;
    }

    @Override
    public boolean isDynamicallyScalable() {
        return dynamicallyScalable;
    }

    @Override
    public Class<?> getEntityType() {
        return null;
    }

    @Override
    public String getName() {
        return instanceName;
    }

    public PowerState getPowerState() {
        return powerState;
    }

    public void setPowerState(PowerState powerState) {
        this.powerState = powerState;
    }

    public Long getPowerHostId() {
        return powerHostId;
    }

    public void setPowerHostId(Long powerHostId) {
        this.powerHostId = powerHostId;
    }

    @Override
    public Partition.PartitionType partitionType() {
        return null;
    }

    public long getUserId() {
        return userId;
    }

    @Override
    public Long getBackupOfferingId() {
        return null;
    }

    @Override
    public String getBackupExternalId() {
        return null;
    }
}
