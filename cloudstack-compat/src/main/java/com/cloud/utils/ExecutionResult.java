package com.cloud.utils;

public class ExecutionResult {

    private Boolean success;
    private String details;

    public ExecutionResult(Boolean success, String details) {
        this.success = success;
        this.details = details;
    }

    public Boolean isSuccess() {
        return success;
    }

    public void setSuccess(Boolean success) {
        this.success = success;
    }

    public String getDetails() {
        return details;
    }

    public void setDetails(String details) {
        this.details = details;
    }
}
