package org.apache.cloudstack.api;

public interface ResponseObject {

    enum ResponseView {
        Full, Restricted
    }

    String getResponseName();

    void setResponseName(String name);

    String getObjectName();

    void setObjectName(String name);

    String getObjectId();

    String getJobId();

    void setJobId(String jobId);

    Integer getJobStatus();

    void setJobStatus(Integer jobStatus);
}
