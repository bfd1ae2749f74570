package org.apache.cloudstack.api.response.vrscaling;

import java.util.List;

import org.apache.cloudstack.api.BaseResponse;

import com.cloud.serializer.Param;
import com.google.gson.annotations.SerializedName;

/** The diagnosis of every router asked for. */
public class VirtualRouterDiagnosisResponse extends BaseResponse {
    @SerializedName("router")
    @Param(description = "one entry per router: measurements, findings and recommendation",
            responseObject = VirtualRouterDiagnosisRouterResponse.class)
    private List<VirtualRouterDiagnosisRouterResponse> routers;

    public VirtualRouterDiagnosisResponse() {
        super("virtualrouterdiagnosis");
    }

    public void setRouters(List<VirtualRouterDiagnosisRouterResponse> routers) {
        this.routers = routers;
    }

    public List<VirtualRouterDiagnosisRouterResponse> getRouters() {
        return routers;
    }
}
