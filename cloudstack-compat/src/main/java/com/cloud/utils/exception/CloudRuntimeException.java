package com.cloud.utils.exception;

import java.util.List;

import com.cloud.utils.Pair;

// Subset: addProxyObject and the other ExceptionProxyObject based methods are not declared.
public class CloudRuntimeException extends RuntimeException implements ErrorContext {

    protected int csErrorCode;

    public CloudRuntimeException(String message) {
        super(message);
    }

    public CloudRuntimeException(String message, Throwable th) {
        super(message, th);
    }

    protected CloudRuntimeException() {
        super();
    }

    public CloudRuntimeException(Throwable t) {
        super(t);
    }

    @Override
    public CloudRuntimeException add(Class<?> entity, String uuid) {
        return this;
    }

    public void setCSErrorCode(int cserrcode) {
        csErrorCode = cserrcode;
    }

    public int getCSErrorCode() {
        return csErrorCode;
    }

    @Override
    public List<Pair<Class<?>, String>> getEntitiesInError() {
        return null;
    }
}
