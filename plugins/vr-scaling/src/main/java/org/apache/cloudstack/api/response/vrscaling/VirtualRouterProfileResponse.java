package org.apache.cloudstack.api.response.vrscaling;

import java.util.Date;
import java.util.List;

import org.apache.cloudstack.api.BaseResponse;
import org.apache.cloudstack.api.EntityReference;

import com.cloud.offering.ServiceOffering;
import com.cloud.serializer.Param;
import com.google.gson.annotations.SerializedName;

/** A virtual-router profile: its system offering, size, effective tuning and bindings. */
@EntityReference(value = ServiceOffering.class)
public class VirtualRouterProfileResponse extends BaseResponse {
    @SerializedName("id")
    @Param(description = "the ID of the profile (the ID of its system service offering)")
    private String id;

    @SerializedName("name")
    @Param(description = "the name of the profile")
    private String name;

    @SerializedName("displaytext")
    @Param(description = "the display text of the profile")
    private String displayText;

    @SerializedName("cpunumber")
    @Param(description = "the number of vCPUs of routers with this profile")
    private Integer cpuNumber;

    @SerializedName("cpuspeed")
    @Param(description = "the CPU speed in MHz of routers with this profile")
    private Integer cpuSpeed;

    @SerializedName("memory")
    @Param(description = "the memory in MiB of routers with this profile")
    private Integer memory;

    @SerializedName("storagetype")
    @Param(description = "the storage type (shared or local) of the root volumes of routers this profile fits")
    private String storageType;

    @SerializedName("adopted")
    @Param(description = "true when the profile adopted an existing system offering (deleting the profile keeps it)")
    private Boolean adopted;

    @SerializedName("tuning")
    @Param(description = "the effective kernel tuning: derived from the size, with the profile's overrides",
            responseObject = VirtualRouterTuningResponse.class)
    private List<VirtualRouterTuningResponse> tuning;

    @SerializedName("tuningmemory")
    @Param(description = "worst-case kernel memory in bytes all tuning settings together let a router use")
    private Long tuningMemory;

    @SerializedName("conntrackfits")
    @Param(description = "true when a full conntrack table fits the profile's RAM budget: conntrackmemory <= "
            + "conntrackbudget (global vrscaling.conntrack.memory.fraction and vrscaling.conntrack.bytes.per.entry)")
    private Boolean conntrackFits;

    @SerializedName("conntrackmemory")
    @Param(description = "bytes a full conntrack table needs: conntrackmax entries at "
            + "vrscaling.conntrack.bytes.per.entry plus the conntrackbuckets hash heads (8 B, whole 4 KiB pages)")
    private Long conntrackMemory;

    @SerializedName("conntrackbudget")
    @Param(description = "bytes the conntrack table may use: memory x vrscaling.conntrack.memory.fraction")
    private Long conntrackBudget;

    @SerializedName("conntrackmaxallowed")
    @Param(description = "the largest conntrackmax that fits the budget (beside conntrackbucketsallowed); equals "
            + "the effective conntrackmax when the table fits. The VR-side script caps to the same rule")
    private Long conntrackMaxAllowed;

    @SerializedName("conntrackbucketsallowed")
    @Param(description = "the bucket count the budget allows; equals the effective one when the table fits")
    private Long conntrackBucketsAllowed;

    @SerializedName("conntrackverdict")
    @Param(description = "the conntrack memory check in words: what a full table needs against the budget and, "
            + "when it does not fit, the largest table that does")
    private String conntrackVerdict;

    @SerializedName("conntrackforced")
    @Param(description = "true when this create or update was accepted only because forced=true was passed, "
            + "although the conntrack table does not fit the budget (the event records it too)")
    private Boolean conntrackForced;

    @SerializedName("networkcount")
    @Param(description = "the number of networks bound to this profile")
    private Integer networkCount;

    @SerializedName("vpccount")
    @Param(description = "the number of VPCs bound to this profile")
    private Integer vpcCount;

    @SerializedName("created")
    @Param(description = "the date the profile's offering was created")
    private Date created;

    public VirtualRouterProfileResponse() {
        super("virtualrouterprofile");
    }

    @Override
    public String getObjectId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setDisplayText(String displayText) {
        this.displayText = displayText;
    }

    public void setCpuNumber(Integer cpuNumber) {
        this.cpuNumber = cpuNumber;
    }

    public void setCpuSpeed(Integer cpuSpeed) {
        this.cpuSpeed = cpuSpeed;
    }

    public void setMemory(Integer memory) {
        this.memory = memory;
    }

    public void setStorageType(String storageType) {
        this.storageType = storageType;
    }

    public void setAdopted(Boolean adopted) {
        this.adopted = adopted;
    }

    public void setTuning(List<VirtualRouterTuningResponse> tuning) {
        this.tuning = tuning;
    }

    public void setTuningMemory(Long tuningMemory) {
        this.tuningMemory = tuningMemory;
    }

    public void setConntrackFits(Boolean conntrackFits) {
        this.conntrackFits = conntrackFits;
    }

    public void setConntrackMemory(Long conntrackMemory) {
        this.conntrackMemory = conntrackMemory;
    }

    public void setConntrackBudget(Long conntrackBudget) {
        this.conntrackBudget = conntrackBudget;
    }

    public void setConntrackMaxAllowed(Long conntrackMaxAllowed) {
        this.conntrackMaxAllowed = conntrackMaxAllowed;
    }

    public void setConntrackBucketsAllowed(Long conntrackBucketsAllowed) {
        this.conntrackBucketsAllowed = conntrackBucketsAllowed;
    }

    public void setConntrackVerdict(String conntrackVerdict) {
        this.conntrackVerdict = conntrackVerdict;
    }

    public void setConntrackForced(Boolean conntrackForced) {
        this.conntrackForced = conntrackForced;
    }

    public Boolean getConntrackFits() {
        return conntrackFits;
    }

    public Long getConntrackMaxAllowed() {
        return conntrackMaxAllowed;
    }

    public String getConntrackVerdict() {
        return conntrackVerdict;
    }

    public Boolean getConntrackForced() {
        return conntrackForced;
    }

    public void setNetworkCount(Integer networkCount) {
        this.networkCount = networkCount;
    }

    public void setVpcCount(Integer vpcCount) {
        this.vpcCount = vpcCount;
    }

    public void setCreated(Date created) {
        this.created = created;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getStorageType() {
        return storageType;
    }

    public List<VirtualRouterTuningResponse> getTuning() {
        return tuning;
    }

    public Long getTuningMemory() {
        return tuningMemory;
    }

    public Integer getNetworkCount() {
        return networkCount;
    }

    public Integer getVpcCount() {
        return vpcCount;
    }
}
