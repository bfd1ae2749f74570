package com.cloud.offering;

import java.util.Date;

import org.apache.cloudstack.acl.InfrastructureEntity;
import org.apache.cloudstack.api.Identity;
import org.apache.cloudstack.api.InternalIdentity;

import com.cloud.storage.Storage.ProvisioningType;

// Subset: the IOPS/bytes-rate, cache-mode and tag-array members are not declared.
public interface DiskOffering extends InfrastructureEntity, Identity, InternalIdentity {

    enum State {
        Inactive, Active
    }

    State getState();

    String getUniqueName();

    boolean isUseLocalStorage();

    String getName();

    String getDisplayText();

    ProvisioningType getProvisioningType();

    String getTags();

    Date getCreated();

    boolean isCustomized();

    void setDiskSize(long diskSize);

    long getDiskSize();

    boolean isRecreatable();

    boolean isComputeOnly();
}
