package com.cloud.exception;

import com.cloud.configuration.Resource.ResourceType;

public class ResourceAllocationException extends ManagementServerException {

    private ResourceType resourceType;

    public ResourceAllocationException(String message, ResourceType resourceType) {
        super(message);
        this.resourceType = resourceType;
    }

    public ResourceType getResourceType() {
        return resourceType;
    }
}
