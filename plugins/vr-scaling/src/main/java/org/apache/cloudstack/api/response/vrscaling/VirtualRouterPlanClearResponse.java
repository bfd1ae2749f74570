package org.apache.cloudstack.api.response.vrscaling;

import org.apache.cloudstack.api.BaseResponse;

import com.cloud.serializer.Param;
import com.google.gson.annotations.SerializedName;

/**
 * What clearing a stuck plan did. Not a SuccessResponse: CloudStack's async job result of one carries only
 * "success", and the operator needs to read which routers were started and at which offering.
 */
public class VirtualRouterPlanClearResponse extends BaseResponse {
    @SerializedName("success")
    @Param(description = "true when the plan was ended and its routers were started again")
    private Boolean success;

    @SerializedName("note")
    @Param(description = "what the clean-up did: the step the plan was interrupted at, the routers started again "
            + "(at their previous offering when the new one did not start) and what happens to the binding")
    private String note;

    public VirtualRouterPlanClearResponse() {
        super("virtualrouterplan");
    }

    public void setSuccess(Boolean success) {
        this.success = success;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Boolean getSuccess() {
        return success;
    }

    public String getNote() {
        return note;
    }
}
