package org.apache.cloudstack.api.response;

import org.apache.cloudstack.api.BaseResponseWithAnnotations;
import org.apache.cloudstack.api.EntityReference;

import com.cloud.vm.VirtualMachine;

// Subset of the real response: kept mainly as an @Parameter entityType target.
@EntityReference(value = VirtualMachine.class)
public class DomainRouterResponse extends BaseResponseWithAnnotations implements ControlledViewEntityResponse {

    private String id;
    private String name;
    private VirtualMachine.State state;
    private String redundantState;
    private String serviceOfferingId;

    public DomainRouterResponse() {
    }

    @Override
    public String getObjectId() {
        return null;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setState(VirtualMachine.State state) {
        this.state = state;
    }

    public void setRedundantState(String redundantState) {
        this.redundantState = redundantState;
    }

    public void setServiceOfferingId(String serviceOfferingId) {
        this.serviceOfferingId = serviceOfferingId;
    }

    @Override
    public void setAccountName(String accountName) {
    }

    @Override
    public void setProjectId(String projectId) {
    }

    @Override
    public void setProjectName(String projectName) {
    }

    @Override
    public void setDomainId(String domainId) {
    }

    @Override
    public void setDomainName(String domainName) {
    }

    @Override
    public void setDomainPath(String domainPath) {
    }
}
