package org.apache.cloudstack.api.response.vrscaling;

import java.util.List;

import org.apache.cloudstack.api.BaseResponse;

import com.cloud.serializer.Param;
import com.google.gson.annotations.SerializedName;

/** The result of scaleVirtualRouterProfile: the bound profile, the plan or what was done, and warnings. */
public class VirtualRouterScaleResponse extends BaseResponse {
    @SerializedName("networkid")
    @Param(description = "the ID of the network scaled (absent for a VPC)")
    private String networkId;

    @SerializedName("vpcid")
    @Param(description = "the ID of the VPC scaled (absent for an isolated network)")
    private String vpcId;

    @SerializedName("targetname")
    @Param(description = "the name of the network or VPC")
    private String targetName;

    @SerializedName("profileid")
    @Param(description = "the ID of the virtual router profile")
    private String profileId;

    @SerializedName("profilename")
    @Param(description = "the name of the virtual router profile")
    private String profileName;

    @SerializedName("bound")
    @Param(description = "true when the network or VPC is now bound to the profile (false for dry runs and "
            + "single-router calls)")
    private Boolean bound;

    @SerializedName("dryrun")
    @Param(description = "true when only the plan is returned and nothing was changed")
    private Boolean dryRun;

    @SerializedName("totalreboots")
    @Param(description = "how many router restarts the plan needs")
    private Integer totalReboots;

    @SerializedName("totalinterruptionseconds")
    @Param(description = "the estimated total seconds without forwarding")
    private Integer totalInterruptionSeconds;

    @SerializedName("router")
    @Param(description = "the routers, in plan order", responseObject = VirtualRouterScaleRouterResponse.class)
    private List<VirtualRouterScaleRouterResponse> routers;

    @SerializedName("warnings")
    @Param(description = "what the operator should know about this plan")
    private List<String> warnings;

    public VirtualRouterScaleResponse() {
        super("virtualrouterscale");
    }

    public void setNetworkId(String networkId) {
        this.networkId = networkId;
    }

    public void setVpcId(String vpcId) {
        this.vpcId = vpcId;
    }

    public void setTargetName(String targetName) {
        this.targetName = targetName;
    }

    public void setProfileId(String profileId) {
        this.profileId = profileId;
    }

    public void setProfileName(String profileName) {
        this.profileName = profileName;
    }

    public void setBound(Boolean bound) {
        this.bound = bound;
    }

    public void setDryRun(Boolean dryRun) {
        this.dryRun = dryRun;
    }

    public void setTotalReboots(Integer totalReboots) {
        this.totalReboots = totalReboots;
    }

    public void setTotalInterruptionSeconds(Integer totalInterruptionSeconds) {
        this.totalInterruptionSeconds = totalInterruptionSeconds;
    }

    public void setRouters(List<VirtualRouterScaleRouterResponse> routers) {
        this.routers = routers;
    }

    public void setWarnings(List<String> warnings) {
        this.warnings = warnings;
    }

    public String getNetworkId() {
        return networkId;
    }

    public String getVpcId() {
        return vpcId;
    }

    public String getProfileId() {
        return profileId;
    }

    public Boolean getBound() {
        return bound;
    }

    public Boolean getDryRun() {
        return dryRun;
    }

    public Integer getTotalReboots() {
        return totalReboots;
    }

    public List<VirtualRouterScaleRouterResponse> getRouters() {
        return routers;
    }

    public List<String> getWarnings() {
        return warnings;
    }
}
