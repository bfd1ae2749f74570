package org.apache.cloudstack.api.response;

import org.apache.cloudstack.api.BaseResponseWithAnnotations;
import org.apache.cloudstack.api.EntityReference;

import com.cloud.offering.ServiceOffering;

// Subset of the real response: kept mainly as an @Parameter entityType target.
@EntityReference(value = ServiceOffering.class)
public class ServiceOfferingResponse extends BaseResponseWithAnnotations {

    private String id;
    private String name;
    private String displayText;
    private Integer cpuNumber;
    private Integer cpuSpeed;
    private Integer memory;

    public ServiceOfferingResponse() {
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDisplayText() {
        return displayText;
    }

    public void setDisplayText(String displayText) {
        this.displayText = displayText;
    }

    public int getCpuNumber() {
        return 0;
    }

    public void setCpuNumber(Integer cpuNumber) {
        this.cpuNumber = cpuNumber;
    }

    public int getCpuSpeed() {
        return 0;
    }

    public void setCpuSpeed(Integer cpuSpeed) {
        this.cpuSpeed = cpuSpeed;
    }

    public int getMemory() {
        return 0;
    }

    public void setMemory(Integer memory) {
        this.memory = memory;
    }
}
