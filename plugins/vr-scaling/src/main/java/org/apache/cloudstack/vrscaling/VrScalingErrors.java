package org.apache.cloudstack.vrscaling;

import org.apache.cloudstack.api.ApiErrorCode;
import org.apache.cloudstack.api.ServerApiException;

/**
 * The error mapping of the plugin (README, "Errors"): bad input is PARAM_ERROR, a request refused because of the
 * current state of the cloud is UNSUPPORTED_ACTION_ERROR, an execution failure after revert is INTERNAL_ERROR.
 */
public final class VrScalingErrors {
    private VrScalingErrors() {
    }

    public static ServerApiException badInput(String message) {
        return new ServerApiException(ApiErrorCode.PARAM_ERROR, message);
    }

    public static ServerApiException refused(String message) {
        return new ServerApiException(ApiErrorCode.UNSUPPORTED_ACTION_ERROR, message);
    }

    public static ServerApiException failed(String message) {
        return new ServerApiException(ApiErrorCode.INTERNAL_ERROR, message);
    }
}
