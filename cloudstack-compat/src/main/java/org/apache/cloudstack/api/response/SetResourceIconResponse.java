package org.apache.cloudstack.api.response;

// Subset: the real interface's setResourceIconResponse(ResourceIconResponse) is not declared here.
public interface SetResourceIconResponse {
}
