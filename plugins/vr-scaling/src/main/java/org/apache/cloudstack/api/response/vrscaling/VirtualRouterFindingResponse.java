package org.apache.cloudstack.api.response.vrscaling;

import org.apache.cloudstack.api.BaseResponse;

import com.cloud.serializer.Param;
import com.google.gson.annotations.SerializedName;

/** One finding of a router diagnosis: what is wrong, the numbers that show it, the fix. */
public class VirtualRouterFindingResponse extends BaseResponse {
    @SerializedName("code")
    @Param(description = "the troubleshooting-matrix row, e.g. CONNTRACK_PRESSURE, OOM_KILLS, SINGLE_QUEUE_DROPS")
    private String code;

    @SerializedName("severity")
    @Param(description = "INFO, WARNING or CRITICAL")
    private String severity;

    @SerializedName("evidence")
    @Param(description = "the measurements that show the problem")
    private String evidence;

    @SerializedName("fix")
    @Param(description = "what to do about it")
    private String fix;

    public VirtualRouterFindingResponse() {
        super("finding");
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getCode() {
        return code;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public String getSeverity() {
        return severity;
    }

    public void setEvidence(String evidence) {
        this.evidence = evidence;
    }

    public String getEvidence() {
        return evidence;
    }

    public void setFix(String fix) {
        this.fix = fix;
    }

    public String getFix() {
        return fix;
    }
}
