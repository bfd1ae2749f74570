package org.apache.cloudstack.api.response.vrscaling;

import java.util.List;

import org.apache.cloudstack.api.BaseResponse;

import com.cloud.serializer.Param;
import com.google.gson.annotations.SerializedName;

/** One router's part of a scale call: planned and done steps, offerings, reboots, tuning and verification. */
public class VirtualRouterScaleRouterResponse extends BaseResponse {
    @SerializedName("id")
    @Param(description = "the ID of the router")
    private String id;

    @SerializedName("name")
    @Param(description = "the name of the router")
    private String name;

    @SerializedName("role")
    @Param(description = "the router's redundant role when planned: NONE (not redundant), PRIMARY, BACKUP, FAULT "
            + "or UNKNOWN")
    private String role;

    @SerializedName("state")
    @Param(description = "the router's state when planned")
    private String state;

    @SerializedName("oldserviceofferingid")
    @Param(description = "the ID of the service offering the router had before")
    private String oldOfferingId;

    @SerializedName("oldserviceofferingname")
    @Param(description = "the name of the service offering the router had before")
    private String oldOfferingName;

    @SerializedName("serviceofferingid")
    @Param(description = "the ID of the profile's service offering the router is scaled to")
    private String offeringId;

    @SerializedName("serviceofferingname")
    @Param(description = "the name of the profile's service offering the router is scaled to")
    private String offeringName;

    @SerializedName("oldnicqueues")
    @Param(description = "the router's NIC queue count (nic.multiqueue.number) before")
    private Integer oldNicQueues;

    @SerializedName("nicqueues")
    @Param(description = "the router's NIC queue count (nic.multiqueue.number) after")
    private Integer nicQueues;

    @SerializedName("plannedsteps")
    @Param(description = "the steps planned for the router, in order")
    private List<String> plannedSteps;

    @SerializedName("stepsdone")
    @Param(description = "the steps done on the router (empty for a dry run)")
    private List<String> stepsDone;

    @SerializedName("rebootcount")
    @Param(description = "how many times the router was (dry run: would be) restarted")
    private Integer rebootCount;

    @SerializedName("tuningdelivered")
    @Param(description = "true when the kernel tuning reached the router; false when it was not delivered; "
            + "absent when no push was due")
    private Boolean tuningDelivered;

    @SerializedName("tuningmessage")
    @Param(description = "what the tuning push reported, or why it was not delivered")
    private String tuningMessage;

    @SerializedName("verification")
    @Param(description = "the result of reading the tuning back from the router")
    private String verification;

    @SerializedName("interruption")
    @Param(description = "what forwarding sees while the router restarts: NONE, FAILOVER or OUTAGE")
    private String interruption;

    @SerializedName("interruptionseconds")
    @Param(description = "the estimated seconds without forwarding this router's restart causes")
    private Integer interruptionSeconds;

    @SerializedName("note")
    @Param(description = "why the router is handled this way, and what happened")
    private String note;

    public VirtualRouterScaleRouterResponse() {
        super("router");
    }

    public void setId(String id) {
        this.id = id;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public void setState(String state) {
        this.state = state;
    }

    public void setOldOfferingId(String oldOfferingId) {
        this.oldOfferingId = oldOfferingId;
    }

    public void setOldOfferingName(String oldOfferingName) {
        this.oldOfferingName = oldOfferingName;
    }

    public void setOfferingId(String offeringId) {
        this.offeringId = offeringId;
    }

    public void setOfferingName(String offeringName) {
        this.offeringName = offeringName;
    }

    public void setOldNicQueues(Integer oldNicQueues) {
        this.oldNicQueues = oldNicQueues;
    }

    public void setNicQueues(Integer nicQueues) {
        this.nicQueues = nicQueues;
    }

    public void setPlannedSteps(List<String> plannedSteps) {
        this.plannedSteps = plannedSteps;
    }

    public void setStepsDone(List<String> stepsDone) {
        this.stepsDone = stepsDone;
    }

    public void setRebootCount(Integer rebootCount) {
        this.rebootCount = rebootCount;
    }

    public void setTuningDelivered(Boolean tuningDelivered) {
        this.tuningDelivered = tuningDelivered;
    }

    public void setTuningMessage(String tuningMessage) {
        this.tuningMessage = tuningMessage;
    }

    public void setVerification(String verification) {
        this.verification = verification;
    }

    public void setInterruption(String interruption) {
        this.interruption = interruption;
    }

    public void setInterruptionSeconds(Integer interruptionSeconds) {
        this.interruptionSeconds = interruptionSeconds;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getName() {
        return name;
    }

    public String getOldOfferingName() {
        return oldOfferingName;
    }

    public List<String> getPlannedSteps() {
        return plannedSteps;
    }

    public List<String> getStepsDone() {
        return stepsDone;
    }

    public Integer getRebootCount() {
        return rebootCount;
    }

    public Boolean getTuningDelivered() {
        return tuningDelivered;
    }

    public String getTuningMessage() {
        return tuningMessage;
    }

    public String getVerification() {
        return verification;
    }
}
