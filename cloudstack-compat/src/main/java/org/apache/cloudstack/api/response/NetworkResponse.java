package org.apache.cloudstack.api.response;

import org.apache.cloudstack.api.BaseResponseWithAssociatedNetwork;
import org.apache.cloudstack.api.EntityReference;

import com.cloud.network.Network;

// Subset of the real response: kept mainly as an @Parameter entityType target.
@EntityReference(value = {Network.class})
public class NetworkResponse extends BaseResponseWithAssociatedNetwork implements ControlledEntityResponse, SetResourceIconResponse {

    private String id;
    private String name;
    private String state;
    private String vpcId;

    public NetworkResponse() {
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setState(String state) {
        this.state = state;
    }

    public void setVpcId(String vpcId) {
        this.vpcId = vpcId;
    }

    public String getVpcId() {
        return vpcId;
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
