package org.apache.cloudstack.api.response.vrscaling;

import java.util.List;

import org.apache.cloudstack.api.BaseResponse;

import com.cloud.serializer.Param;
import com.google.gson.annotations.SerializedName;

/** One router's measurements, findings and recommended size. */
public class VirtualRouterDiagnosisRouterResponse extends BaseResponse {
    @SerializedName("id")
    @Param(description = "the router's ID")
    private String id;

    @SerializedName("name")
    @Param(description = "the router's name")
    private String name;

    @SerializedName("state")
    @Param(description = "the router's state")
    private String state;

    @SerializedName("redundantstate")
    @Param(description = "the router's VRRP role (PRIMARY, BACKUP, ...) or NONE when not redundant")
    private String role;

    @SerializedName("cpunumber")
    @Param(description = "vCPUs of the router's service offering")
    private Integer cpuNumber;

    @SerializedName("memory")
    @Param(description = "RAM in MiB of the router's service offering")
    private Integer memory;

    @SerializedName("measured")
    @Param(description = "true when the router was measured; false when it could not be (see message)")
    private Boolean measured;

    @SerializedName("message")
    @Param(description = "why the router could not be measured, when it could not")
    private String message;

    @SerializedName("guestcpus")
    @Param(description = "vCPUs the router's kernel sees")
    private Integer guestCpus;

    @SerializedName("guestmemory")
    @Param(description = "RAM in MiB the router's kernel sees (MemTotal)")
    private Long guestMemory;

    @SerializedName("conntrackcount")
    @Param(description = "connections tracked now")
    private Long conntrackCount;

    @SerializedName("conntrackmax")
    @Param(description = "nf_conntrack_max in force")
    private Long conntrackMax;

    @SerializedName("conntrackbuckets")
    @Param(description = "conntrack hash buckets in force")
    private Long conntrackBuckets;

    @SerializedName("conntrackchainlength")
    @Param(description = "average hash-chain length if the table were full (2 x max / buckets)")
    private Double conntrackChainLength;

    @SerializedName("conntrackdrops")
    @Param(description = "flows dropped because the table was full, since boot")
    private Long conntrackDrops;

    @SerializedName("conntrackearlydrops")
    @Param(description = "entries evicted early to make room, since boot")
    private Long conntrackEarlyDrops;

    @SerializedName("conntrackinsertfailed")
    @Param(description = "conntrack insert failures, since boot")
    private Long conntrackInsertFailed;

    @SerializedName("rxdropped")
    @Param(description = "packets dropped on receive by the router's NICs, since boot")
    private Long rxDropped;

    @SerializedName("softnetdropped")
    @Param(description = "packets dropped because a CPU backlog queue was full, since boot")
    private Long softnetDropped;

    @SerializedName("softnettimesqueeze")
    @Param(description = "times the receive budget ran out with work left, since boot")
    private Long softnetTimeSqueeze;

    @SerializedName("oomkills")
    @Param(description = "out-of-memory kills since boot")
    private Long oomKills;

    @SerializedName("stealpercent")
    @Param(description = "CPU time stolen by the host during the sample, in percent")
    private Double stealPercent;

    @SerializedName("busypercent")
    @Param(description = "CPU busy time during the sample, in percent")
    private Double busyPercent;

    @SerializedName("contextswitchespersecond")
    @Param(description = "context switches per second during the sample")
    private Double contextSwitchesPerSecond;

    @SerializedName("finding")
    @Param(description = "what is wrong, with evidence and fix; empty for a healthy router",
            responseObject = VirtualRouterFindingResponse.class)
    private List<VirtualRouterFindingResponse> findings;

    @SerializedName("recommendedsize")
    @Param(description = "the smallest standard size that holds the measured load and cures memory/CPU findings")
    private String recommendedSize;

    @SerializedName("resizeadvised")
    @Param(description = "true when the router should move to the recommended size")
    private Boolean resizeAdvised;

    @SerializedName("recommendation")
    @Param(description = "the recommendation in words")
    private String recommendation;

    public VirtualRouterDiagnosisRouterResponse() {
        super("router");
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getState() {
        return state;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getRole() {
        return role;
    }

    public void setCpuNumber(Integer cpuNumber) {
        this.cpuNumber = cpuNumber;
    }

    public Integer getCpuNumber() {
        return cpuNumber;
    }

    public void setMemory(Integer memory) {
        this.memory = memory;
    }

    public Integer getMemory() {
        return memory;
    }

    public void setMeasured(Boolean measured) {
        this.measured = measured;
    }

    public Boolean getMeasured() {
        return measured;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getMessage() {
        return message;
    }

    public void setGuestCpus(Integer guestCpus) {
        this.guestCpus = guestCpus;
    }

    public Integer getGuestCpus() {
        return guestCpus;
    }

    public void setGuestMemory(Long guestMemory) {
        this.guestMemory = guestMemory;
    }

    public Long getGuestMemory() {
        return guestMemory;
    }

    public void setConntrackCount(Long conntrackCount) {
        this.conntrackCount = conntrackCount;
    }

    public Long getConntrackCount() {
        return conntrackCount;
    }

    public void setConntrackMax(Long conntrackMax) {
        this.conntrackMax = conntrackMax;
    }

    public Long getConntrackMax() {
        return conntrackMax;
    }

    public void setConntrackBuckets(Long conntrackBuckets) {
        this.conntrackBuckets = conntrackBuckets;
    }

    public Long getConntrackBuckets() {
        return conntrackBuckets;
    }

    public void setConntrackChainLength(Double conntrackChainLength) {
        this.conntrackChainLength = conntrackChainLength;
    }

    public Double getConntrackChainLength() {
        return conntrackChainLength;
    }

    public void setConntrackDrops(Long conntrackDrops) {
        this.conntrackDrops = conntrackDrops;
    }

    public Long getConntrackDrops() {
        return conntrackDrops;
    }

    public void setConntrackEarlyDrops(Long conntrackEarlyDrops) {
        this.conntrackEarlyDrops = conntrackEarlyDrops;
    }

    public Long getConntrackEarlyDrops() {
        return conntrackEarlyDrops;
    }

    public void setConntrackInsertFailed(Long conntrackInsertFailed) {
        this.conntrackInsertFailed = conntrackInsertFailed;
    }

    public Long getConntrackInsertFailed() {
        return conntrackInsertFailed;
    }

    public void setRxDropped(Long rxDropped) {
        this.rxDropped = rxDropped;
    }

    public Long getRxDropped() {
        return rxDropped;
    }

    public void setSoftnetDropped(Long softnetDropped) {
        this.softnetDropped = softnetDropped;
    }

    public Long getSoftnetDropped() {
        return softnetDropped;
    }

    public void setSoftnetTimeSqueeze(Long softnetTimeSqueeze) {
        this.softnetTimeSqueeze = softnetTimeSqueeze;
    }

    public Long getSoftnetTimeSqueeze() {
        return softnetTimeSqueeze;
    }

    public void setOomKills(Long oomKills) {
        this.oomKills = oomKills;
    }

    public Long getOomKills() {
        return oomKills;
    }

    public void setStealPercent(Double stealPercent) {
        this.stealPercent = stealPercent;
    }

    public Double getStealPercent() {
        return stealPercent;
    }

    public void setBusyPercent(Double busyPercent) {
        this.busyPercent = busyPercent;
    }

    public Double getBusyPercent() {
        return busyPercent;
    }

    public void setContextSwitchesPerSecond(Double contextSwitchesPerSecond) {
        this.contextSwitchesPerSecond = contextSwitchesPerSecond;
    }

    public Double getContextSwitchesPerSecond() {
        return contextSwitchesPerSecond;
    }

    public void setFindings(List<VirtualRouterFindingResponse> findings) {
        this.findings = findings;
    }

    public List<VirtualRouterFindingResponse> getFindings() {
        return findings;
    }

    public void setRecommendedSize(String recommendedSize) {
        this.recommendedSize = recommendedSize;
    }

    public String getRecommendedSize() {
        return recommendedSize;
    }

    public void setResizeAdvised(Boolean resizeAdvised) {
        this.resizeAdvised = resizeAdvised;
    }

    public Boolean getResizeAdvised() {
        return resizeAdvised;
    }

    public void setRecommendation(String recommendation) {
        this.recommendation = recommendation;
    }

    public String getRecommendation() {
        return recommendation;
    }
}
