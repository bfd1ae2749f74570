package com.cloud.exception;

public abstract class InsufficientCapacityException extends CloudException {

    private Class<?> scope;

    public InsufficientCapacityException(String msg, Class<?> scope, Long id) {
        super(msg);
        this.scope = scope;
    }

    public Class<?> getScope() {
        return scope;
    }

    public long getId() {
        return 0;
    }
}
