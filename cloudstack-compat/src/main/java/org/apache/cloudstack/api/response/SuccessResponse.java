package org.apache.cloudstack.api.response;

import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.BaseResponse;

import com.google.gson.annotations.SerializedName;

public class SuccessResponse extends BaseResponse {

    @SerializedName(ApiConstants.SUCCESS)
    private Boolean success = true;

    @SerializedName(ApiConstants.DISPLAY_TEXT)
    private String displayText;

    public SuccessResponse() {
    }

    public SuccessResponse(String responseName) {
        setResponseName(responseName);
    }

    public Boolean getSuccess() {
        return success;
    }

    public void setSuccess(Boolean success) {
        this.success = success;
    }

    public String getDisplayText() {
        return displayText;
    }

    public void setDisplayText(String displayText) {
        this.displayText = displayText;
    }
}
