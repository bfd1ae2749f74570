package org.apache.cloudstack.api.command.admin.vrscaling;

import org.apache.cloudstack.acl.RoleType;
import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.Parameter;
import org.apache.cloudstack.api.response.ServiceOfferingResponse;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterProfileResponse;
import org.apache.cloudstack.vrscaling.VrScalingResponses;

@APICommand(name = "createVirtualRouterProfile",
        description = "Creates a virtual router profile: a system service offering for routers (systemvmtype "
                + "domainrouter) plus the kernel tuning that size carries. Pass cpunumber, cpuspeed and memory to "
                + "create the offering, or serviceofferingid to adopt an existing router system offering.",
        since = "4.22.0", responseObject = VirtualRouterProfileResponse.class, requestHasSensitiveInfo = false,
        responseHasSensitiveInfo = false, authorized = {RoleType.Admin})
public class CreateVirtualRouterProfileCmd extends BaseVirtualRouterProfileTuningCmd {
    @Parameter(name = ApiConstants.NAME, type = CommandType.STRING,
            description = "the name of the profile and of its service offering (required unless serviceofferingid "
                    + "is given)")
    private String name;

    @Parameter(name = ApiConstants.DISPLAY_TEXT, type = CommandType.STRING,
            description = "the display text of the profile; defaults to the name")
    private String displayText;

    @Parameter(name = ApiConstants.CPU_NUMBER, type = CommandType.INTEGER,
            description = "the number of vCPUs of the routers (required unless serviceofferingid is given)")
    private Integer cpuNumber;

    @Parameter(name = ApiConstants.CPU_SPEED, type = CommandType.INTEGER,
            description = "the CPU speed in MHz of the routers, at least 500 (required unless serviceofferingid is "
                    + "given)")
    private Integer cpuSpeed;

    @Parameter(name = ApiConstants.MEMORY, type = CommandType.INTEGER,
            description = "the memory in MiB of the routers, at least 256 (required unless serviceofferingid is "
                    + "given)")
    private Integer memory;

    @Parameter(name = ApiConstants.SERVICE_OFFERING_ID, type = CommandType.UUID,
            entityType = ServiceOfferingResponse.class,
            description = "an existing active system offering with systemvmtype domainrouter to adopt as the "
                    + "profile's size (instead of cpunumber, cpuspeed, memory, name, displaytext and storagetype)")
    private Long serviceOfferingId;

    @Parameter(name = "storagetype", type = CommandType.STRING,
            description = "the storage type of the routers' root volumes: shared (default) or local; it must match "
                    + "the routers a profile is applied to, as in createServiceOffering")
    private String storageType;

    public String getName() {
        return name;
    }

    public String getDisplayText() {
        return displayText;
    }

    public Integer getCpuNumber() {
        return cpuNumber;
    }

    public Integer getCpuSpeed() {
        return cpuSpeed;
    }

    public Integer getMemory() {
        return memory;
    }

    public Long getServiceOfferingId() {
        return serviceOfferingId;
    }

    public String getStorageType() {
        return storageType;
    }

    @Override
    public void execute() {
        VirtualRouterProfileResponse response = VrScalingResponses.profile(vrScalingManager.createProfile(this));
        response.setResponseName(getCommandName());
        setResponseObject(response);
    }
}
