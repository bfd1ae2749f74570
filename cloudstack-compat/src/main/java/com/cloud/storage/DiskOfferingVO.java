package com.cloud.storage;

import java.util.Date;

import com.cloud.offering.DiskOffering;

// Compile-only stand-in: constructor arguments and setters are stored in plain fields; nothing else.
public class DiskOfferingVO implements DiskOffering {

    private long id;
    private String uuid;
    private String uniqueName;
    private String name;
    private String displayText;
    private long diskSize;
    private String tags;
    private boolean computeOnly;
    private Date removed;
    private Date created;
    private boolean recreatable;
    private boolean useLocalStorage;
    private boolean customized;
    private Storage.ProvisioningType provisioningType;
    private boolean displayOffering = true;
    private State state;

    public DiskOfferingVO() {
    }

    public DiskOfferingVO(String name, String displayText, Storage.ProvisioningType provisioningType, boolean mirrored,
            String tags, boolean recreatable, boolean useLocalStorage, boolean customized) {
        this.name = name;
        this.displayText = displayText;
        this.provisioningType = provisioningType;
        this.tags = tags;
        this.recreatable = recreatable;
        this.useLocalStorage = useLocalStorage;
        this.customized = customized;
    }

    @Override
    public State getState() {
        return state;
    }

    public void setState(State state) {
        this.state = state;
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public boolean isCustomized() {
        return customized;
    }

    public void setCustomized(boolean customized) {
        this.customized = customized;
    }

    @Override
    public String getUniqueName() {
        return uniqueName;
    }

    public void setUniqueName(String uniqueName) {
        this.uniqueName = uniqueName;
    }

    @Override
    public boolean isUseLocalStorage() {
        return useLocalStorage;
    }

    public void setUseLocalStorage(boolean useLocalStorage) {
        this.useLocalStorage = useLocalStorage;
    }

    @Override
    public boolean isComputeOnly() {
        return computeOnly;
    }

    @Override
    public boolean isRecreatable() {
        return recreatable;
    }

    public void setRecreatable(boolean recreatable) {
        this.recreatable = recreatable;
    }

    @Override
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public String getDisplayText() {
        return displayText;
    }

    public void setDisplayText(String displayText) {
        this.displayText = displayText;
    }

    @Override
    public Storage.ProvisioningType getProvisioningType() {
        return provisioningType;
    }

    @Override
    public long getDiskSize() {
        return diskSize;
    }

    @Override
    public void setDiskSize(long diskSize) {
        this.diskSize = diskSize;
    }

    public Date getRemoved() {
        return removed;
    }

    public void setRemoved(Date removed) {
        this.removed = removed;
    }

    @Override
    public Date getCreated() {
        return created;
    }

    @Override
    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    @Override
    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public boolean getDisplayOffering() {
        return displayOffering;
    }

    public void setDisplayOffering(boolean displayOffering) {
        this.displayOffering = displayOffering;
    }
}
