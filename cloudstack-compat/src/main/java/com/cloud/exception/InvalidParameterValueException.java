package com.cloud.exception;

import com.cloud.utils.exception.CloudRuntimeException;

public class InvalidParameterValueException extends CloudRuntimeException {

    public InvalidParameterValueException(String message) {
        super(message);
    }
}
