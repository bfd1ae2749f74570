package org.apache.cloudstack.api;

import com.cloud.utils.exception.CloudRuntimeException;

public class ServerApiException extends CloudRuntimeException {

    private ApiErrorCode errorCode;
    private String description;

    public ServerApiException() {
        super();
    }

    public ServerApiException(ApiErrorCode errorCode, String description) {
        super();
        this.errorCode = errorCode;
        this.description = description;
    }

    public ServerApiException(ApiErrorCode errorCode, String description, Throwable cause) {
        super(description, cause);
        this.errorCode = errorCode;
        this.description = description;
    }

    public ApiErrorCode getErrorCode() {
        return errorCode;
    }

    public void setErrorCode(ApiErrorCode errorCode) {
        this.errorCode = errorCode;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    @Override
    public String getMessage() {
        return description;
    }
}
