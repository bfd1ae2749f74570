package com.cloud.exception;

public class ResourceUnavailableException extends CloudException {

    private Class<?> scope;
    private long resourceId;

    public ResourceUnavailableException(String msg, Class<?> scope, long resourceId) {
        super(msg);
        this.scope = scope;
        this.resourceId = resourceId;
    }

    public ResourceUnavailableException(String msg, Class<?> scope, long resourceId, Throwable cause) {
        super(msg, cause);
        this.scope = scope;
        this.resourceId = resourceId;
    }

    public Class<?> getScope() {
        return scope;
    }

    public long getResourceId() {
        return resourceId;
    }
}
