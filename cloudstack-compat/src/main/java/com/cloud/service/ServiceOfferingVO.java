package com.cloud.service;

import java.util.Date;
import java.util.Map;

import com.cloud.offering.ServiceOffering;
import com.cloud.vm.VirtualMachine;

// Compile-only stand-in: constructor arguments and setters are stored in plain fields; nothing else.
public class ServiceOfferingVO implements ServiceOffering {

    private long id;
    private String uuid;
    private String name;
    private String uniqueName;
    private String displayText;
    private Integer cpu;
    private Integer speed;
    private Integer ramSize;
    private Integer rateMbps;
    private Integer multicastRateMbps;
    private boolean offerHA;
    private boolean limitCpuUse;
    private boolean volatileVm;
    private boolean systemUse;
    private boolean defaultUse;
    private String hostTag;
    private String deploymentPlanner;
    private boolean dynamicScalingEnabled;
    private boolean customized;
    private int sortKey;
    private Date created;
    private Date removed;
    private State state;
    private Long diskOfferingId;
    private Boolean diskOfferingStrictness;
    private Long vgpuProfileId;
    private Integer gpuCount;
    private Boolean gpuDisplay;
    private Map<String, String> details;

    protected ServiceOfferingVO() {
    }

    public ServiceOfferingVO(String name, Integer cpu, Integer ramSize, Integer speed, Integer rateMbps,
            Integer multicastRateMbps, boolean offerHA, String displayText, boolean systemUse, VirtualMachine.Type vmType,
            boolean defaultUse) {
        this.name = name;
        this.cpu = cpu;
        this.ramSize = ramSize;
        this.speed = speed;
        this.rateMbps = rateMbps;
        this.multicastRateMbps = multicastRateMbps;
        this.offerHA = offerHA;
        this.displayText = displayText;
        this.systemUse = systemUse;
        this.defaultUse = defaultUse;
    }

    public ServiceOfferingVO(String name, Integer cpu, Integer ramSize, Integer speed, Integer rateMbps,
            Integer multicastRateMbps, boolean offerHA, boolean limitResourceUse, boolean volatileVm, String displayText,
            boolean systemUse, VirtualMachine.Type vmType, String hostTag, String deploymentPlanner,
            boolean dynamicScalingEnabled, boolean isCustomized) {
        this.name = name;
        this.cpu = cpu;
        this.ramSize = ramSize;
        this.speed = speed;
        this.rateMbps = rateMbps;
        this.multicastRateMbps = multicastRateMbps;
        this.offerHA = offerHA;
        this.limitCpuUse = limitResourceUse;
        this.volatileVm = volatileVm;
        this.displayText = displayText;
        this.systemUse = systemUse;
        this.hostTag = hostTag;
        this.deploymentPlanner = deploymentPlanner;
        this.dynamicScalingEnabled = dynamicScalingEnabled;
        this.customized = isCustomized;
    }

    public ServiceOfferingVO(ServiceOfferingVO offering) {
    }

    @Override
    public boolean isOfferHA() {
        return offerHA;
    }

    public void setOfferHA(boolean offerHA) {
        this.offerHA = offerHA;
    }

    @Override
    public boolean getLimitCpuUse() {
        return limitCpuUse;
    }

    public void setLimitResourceUse(boolean limitResourceUse) {
        this.limitCpuUse = limitResourceUse;
    }

    @Override
    public boolean getDefaultUse() {
        return defaultUse;
    }

    @Override
    public Integer getCpu() {
        return cpu;
    }

    public void setCpu(int cpu) {
        this.cpu = cpu;
    }

    public void setSpeed(int speed) {
        this.speed = speed;
    }

    public void setRamSize(int ramSize) {
        this.ramSize = ramSize;
    }

    @Override
    public Integer getSpeed() {
        return speed;
    }

    @Override
    public Integer getRamSize() {
        return ramSize;
    }

    public void setRateMbps(Integer rateMbps) {
        this.rateMbps = rateMbps;
    }

    @Override
    public Integer getRateMbps() {
        return rateMbps;
    }

    public void setMulticastRateMbps(Integer multicastRateMbps) {
        this.multicastRateMbps = multicastRateMbps;
    }

    @Override
    public Integer getMulticastRateMbps() {
        return multicastRateMbps;
    }

    public void setHostTag(String hostTag) {
        this.hostTag = hostTag;
    }

    @Override
    public String getHostTag() {
        return hostTag;
    }

    @Override
    public String getVmType() {
        return null;
    }

    @Override
    public void setSortKey(int key) {
        this.sortKey = key;
    }

    @Override
    public int getSortKey() {
        return sortKey;
    }

    @Override
    public boolean isVolatileVm() {
        return volatileVm;
    }

    @Override
    public String getDeploymentPlanner() {
        return deploymentPlanner;
    }

    public Map<String, String> getDetails() {
        return details;
    }

    public String getDetail(String name) {
        return null;
    }

    public void setDetail(String name, String value) {
    }

    public void setDetails(Map<String, String> details) {
        this.details = details;
    }

    @Override
    public boolean isDynamic() {
        return false;
    }

    public void setDynamicFlag(boolean isDynamic) {
    }

    public boolean isCustomCpuSpeedSupported() {
        return false;
    }

    @Override
    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isSystemUse() {
        return systemUse;
    }

    @Override
    public void setName(String name) {
        this.name = name;
    }

    @Override
    public String getUniqueName() {
        return uniqueName;
    }

    @Override
    public void setUniqueName(String uniqueName) {
        this.uniqueName = uniqueName;
    }

    @Override
    public String getDisplayText() {
        return displayText;
    }

    @Override
    public void setDisplayText(String displayText) {
        this.displayText = displayText;
    }

    @Override
    public boolean isCustomized() {
        return customized;
    }

    @Override
    public void setCustomized(boolean customized) {
        this.customized = customized;
    }

    @Override
    public void setRemoved(Date removed) {
        this.removed = removed;
    }

    @Override
    public Date getRemoved() {
        return removed;
    }

    @Override
    public Date getCreated() {
        return created;
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
    public Long getDiskOfferingId() {
        return diskOfferingId;
    }

    public void setDiskOfferingId(Long diskOfferingId) {
        this.diskOfferingId = diskOfferingId;
    }

    @Override
    public String getUuid() {
        return uuid;
    }

    @Override
    public boolean isDynamicScalingEnabled() {
        return dynamicScalingEnabled;
    }

    public void setDynamicScalingEnabled(boolean dynamicScalingEnabled) {
        this.dynamicScalingEnabled = dynamicScalingEnabled;
    }

    @Override
    public Boolean getDiskOfferingStrictness() {
        return diskOfferingStrictness;
    }

    @Override
    public void setDiskOfferingStrictness(boolean diskOfferingStrictness) {
        this.diskOfferingStrictness = diskOfferingStrictness;
    }

    @Override
    public Long getVgpuProfileId() {
        return vgpuProfileId;
    }

    public void setVgpuProfileId(Long vgpuProfileId) {
        this.vgpuProfileId = vgpuProfileId;
    }

    @Override
    public Integer getGpuCount() {
        return gpuCount;
    }

    public void setGpuCount(Integer gpuCount) {
        this.gpuCount = gpuCount;
    }

    public Boolean getGpuDisplay() {
        return gpuDisplay;
    }

    public void setGpuDisplay(Boolean gpuDisplay) {
        this.gpuDisplay = gpuDisplay;
    }
}
