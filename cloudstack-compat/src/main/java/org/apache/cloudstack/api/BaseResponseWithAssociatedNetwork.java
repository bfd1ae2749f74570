package org.apache.cloudstack.api;

public abstract class BaseResponseWithAssociatedNetwork extends BaseResponseWithAnnotations {

    public void setAssociatedNetworkId(String associatedNetworkId) {
    }

    public void setAssociatedNetworkName(String associatedNetworkName) {
    }
}
