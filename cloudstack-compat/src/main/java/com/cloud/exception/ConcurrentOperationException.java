package com.cloud.exception;

import com.cloud.utils.exception.CloudRuntimeException;

public class ConcurrentOperationException extends CloudRuntimeException {

    public ConcurrentOperationException(String message) {
        super(message);
    }
}
