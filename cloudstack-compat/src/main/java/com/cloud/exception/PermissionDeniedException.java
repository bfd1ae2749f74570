package com.cloud.exception;

import com.cloud.utils.exception.CloudRuntimeException;

// Subset of the real constructors.
public class PermissionDeniedException extends CloudRuntimeException {

    public PermissionDeniedException(String message) {
        super(message);
    }

    protected PermissionDeniedException() {
        super();
    }
}
