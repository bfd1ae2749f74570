package com.cloud.exception;

public class ManagementServerException extends CloudException {

    public ManagementServerException() {
    }

    public ManagementServerException(String message) {
        super(message);
    }

    public ManagementServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
