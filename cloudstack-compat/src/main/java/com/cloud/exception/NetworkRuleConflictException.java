package com.cloud.exception;

public class NetworkRuleConflictException extends ManagementServerException {

    public NetworkRuleConflictException(String message) {
        super(message);
    }
}
