package org.apache.cloudstack.api.response;

public interface ControlledEntityResponse {

    void setAccountName(String accountName);

    void setProjectId(String projectId);

    void setProjectName(String projectName);

    void setDomainId(String domainId);

    void setDomainName(String domainName);

    void setDomainPath(String domainPath);
}
