package com.cloud.vm;

import com.cloud.hypervisor.Hypervisor.HypervisorType;
import com.cloud.network.router.VirtualRouter;

// Compile-only stand-in: constructor arguments and setters are stored in plain fields; nothing else.
public class DomainRouterVO extends VMInstanceVO implements VirtualRouter {

    private long elementId;
    private String publicIpAddress;
    private String publicMacAddress;
    private String publicNetmask;
    private boolean isRedundantRouter;
    private RedundantState redundantState;
    private boolean stopPending;
    private Role role = Role.VIRTUAL_ROUTER;
    private String templateVersion;
    private String scriptsVersion;
    private String softwareVersion;
    private Long vpcId;
    private UpdateState updateState;

    public DomainRouterVO(long id, long serviceOfferingId, long elementId, String name, long templateId,
            HypervisorType hypervisorType, long guestOSId, long domainId, long accountId, long userId, boolean isRedundantRouter,
            RedundantState redundantState, boolean haEnabled, boolean stopPending, Long vpcId) {
        this(id, serviceOfferingId, elementId, name, templateId, hypervisorType, guestOSId, domainId, accountId, userId,
                isRedundantRouter, redundantState, haEnabled, stopPending, Type.DomainRouter, vpcId);
    }

    public DomainRouterVO(long id, long serviceOfferingId, long elementId, String name, long templateId,
            HypervisorType hypervisorType, long guestOSId, long domainId, long accountId, long userId, boolean isRedundantRouter,
            RedundantState redundantState, boolean haEnabled, boolean stopPending, Type vmType, Long vpcId) {
        super(id, serviceOfferingId, name, name, vmType, templateId, hypervisorType, guestOSId, domainId, accountId, userId,
                haEnabled);
        this.elementId = elementId;
        this.isRedundantRouter = isRedundantRouter;
        this.redundantState = redundantState;
        this.stopPending = stopPending;
        this.vpcId = vpcId;
    }

    protected DomainRouterVO() {
    }

    public long getElementId() {
        return elementId;
    }

    public void setPublicIpAddress(String publicIpAddress) {
        this.publicIpAddress = publicIpAddress;
    }

    public void setPublicMacAddress(String publicMacAddress) {
        this.publicMacAddress = publicMacAddress;
    }

    public void setPublicNetmask(String publicNetmask) {
        this.publicNetmask = publicNetmask;
    }

    public String getPublicNetmask() {
        return publicNetmask;
    }

    public String getPublicMacAddress() {
        return publicMacAddress;
    }

    @Override
    public String getPublicIpAddress() {
        return publicIpAddress;
    }

    @Override
    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    @Override
    public boolean getIsRedundantRouter() {
        return isRedundantRouter;
    }

    public void setIsRedundantRouter(boolean isRedundantRouter) {
        this.isRedundantRouter = isRedundantRouter;
    }

    @Override
    public RedundantState getRedundantState() {
        return redundantState;
    }

    public void setRedundantState(RedundantState redundantState) {
        this.redundantState = redundantState;
    }

    @Override
    public boolean isStopPending() {
        return stopPending;
    }

    @Override
    public void setStopPending(boolean stopPending) {
        this.stopPending = stopPending;
    }

    @Override
    public String getTemplateVersion() {
        return templateVersion;
    }

    public void setTemplateVersion(String templateVersion) {
        this.templateVersion = templateVersion;
    }

    @Override
    public String getScriptsVersion() {
        return scriptsVersion;
    }

    public void setScriptsVersion(String scriptsVersion) {
        this.scriptsVersion = scriptsVersion;
    }

    @Override
    public Long getVpcId() {
        return vpcId;
    }

    public UpdateState getUpdateState() {
        return updateState;
    }

    public void setUpdateState(UpdateState updateState) {
        this.updateState = updateState;
    }

    public String getSoftwareVersion() {
        return softwareVersion;
    }

    public void setSoftwareVersion(String softwareVersion) {
        this.softwareVersion = softwareVersion;
    }
}
