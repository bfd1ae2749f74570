package org.apache.cloudstack.api.response.vrscaling;

import org.apache.cloudstack.api.BaseResponse;

import com.cloud.serializer.Param;
import com.google.gson.annotations.SerializedName;

/** One kernel setting of a profile's effective tuning. */
public class VirtualRouterTuningResponse extends BaseResponse {
    @SerializedName("name")
    @Param(description = "the tuning setting's parameter name (as accepted by create/updateVirtualRouterProfile)")
    private String name;

    @SerializedName("sysctl")
    @Param(description = "the sysctl the setting writes in the router; empty for NIC queues (set with ethtool -L)")
    private String sysctl;

    @SerializedName("value")
    @Param(description = "the value routers of this profile get")
    private Long value;

    @SerializedName("source")
    @Param(description = "where the value comes from: DERIVED from the size, or OVERRIDE set in the profile")
    private String source;

    @SerializedName("why")
    @Param(description = "why the value is what it is")
    private String why;

    @SerializedName("memory")
    @Param(description = "worst-case kernel memory in bytes the setting lets the router use")
    private Long memory;

    public VirtualRouterTuningResponse() {
        super("tuning");
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setSysctl(String sysctl) {
        this.sysctl = sysctl;
    }

    public void setValue(Long value) {
        this.value = value;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public void setWhy(String why) {
        this.why = why;
    }

    public void setMemory(Long memory) {
        this.memory = memory;
    }

    public String getName() {
        return name;
    }

    public Long getValue() {
        return value;
    }

    public String getSource() {
        return source;
    }
}
