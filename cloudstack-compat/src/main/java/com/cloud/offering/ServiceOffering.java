package com.cloud.offering;

import java.util.Date;

import org.apache.cloudstack.acl.InfrastructureEntity;
import org.apache.cloudstack.api.Identity;
import org.apache.cloudstack.api.InternalIdentity;

public interface ServiceOffering extends InfrastructureEntity, InternalIdentity, Identity {

    String consoleProxyDefaultOffUniqueName = "Cloud.com-ConsoleProxy";
    String ssvmDefaultOffUniqueName = "Cloud.com-SecondaryStorage";
    String routerDefaultOffUniqueName = "Cloud.Com-SoftwareRouter";
    String elbVmDefaultOffUniqueName = "Cloud.Com-ElasticLBVm";
    String internalLbVmDefaultOffUniqueName = "Cloud.Com-InternalLBVm";

    enum State {
        Inactive, Active
    }

    enum StorageType {
        local, shared
    }

    String getDisplayText();

    Date getCreated();

    String getName();

    boolean isSystemUse();

    Integer getCpu();

    Integer getSpeed();

    Integer getRamSize();

    boolean isOfferHA();

    boolean getLimitCpuUse();

    boolean isVolatileVm();

    Integer getRateMbps();

    Integer getMulticastRateMbps();

    String getHostTag();

    boolean getDefaultUse();

    String getVmType();

    String getDeploymentPlanner();

    boolean isDynamic();

    void setState(State state);

    State getState();

    void setName(String name);

    String getUniqueName();

    void setUniqueName(String uniqueName);

    void setDisplayText(String displayText);

    boolean isCustomized();

    void setCustomized(boolean customized);

    Date getRemoved();

    void setRemoved(Date removed);

    void setSortKey(int key);

    int getSortKey();

    Long getDiskOfferingId();

    boolean isDynamicScalingEnabled();

    Boolean getDiskOfferingStrictness();

    void setDiskOfferingStrictness(boolean diskOfferingStrictness);

    Long getVgpuProfileId();

    Integer getGpuCount();
}
