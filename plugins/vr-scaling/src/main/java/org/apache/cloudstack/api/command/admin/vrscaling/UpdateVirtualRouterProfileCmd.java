package org.apache.cloudstack.api.command.admin.vrscaling;

import java.util.List;

import org.apache.cloudstack.acl.RoleType;
import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.Parameter;
import org.apache.cloudstack.api.response.ServiceOfferingResponse;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterProfileResponse;
import org.apache.cloudstack.vrscaling.VrScalingResponses;

@APICommand(name = "updateVirtualRouterProfile",
        description = "Updates a virtual router profile's name, display text or tuning overrides. Its size is "
                + "immutable, as for any CloudStack offering: create a new profile and scale to it instead. Routers "
                + "get changed tuning at their next scale or start.",
        since = "4.22.0", responseObject = VirtualRouterProfileResponse.class, requestHasSensitiveInfo = false,
        responseHasSensitiveInfo = false, authorized = {RoleType.Admin})
public class UpdateVirtualRouterProfileCmd extends BaseVirtualRouterProfileTuningCmd {
    @Parameter(name = ApiConstants.ID, type = CommandType.UUID, entityType = ServiceOfferingResponse.class,
            required = true, description = "the ID of the profile")
    private Long id;

    @Parameter(name = ApiConstants.NAME, type = CommandType.STRING, description = "the new name of the profile")
    private String name;

    @Parameter(name = ApiConstants.DISPLAY_TEXT, type = CommandType.STRING,
            description = "the new display text of the profile")
    private String displayText;

    @Parameter(name = ApiConstants.CPU_NUMBER, type = CommandType.INTEGER,
            description = "not updatable: a profile's size is immutable and passing it is refused")
    private Integer cpuNumber;

    @Parameter(name = ApiConstants.CPU_SPEED, type = CommandType.INTEGER,
            description = "not updatable: a profile's size is immutable and passing it is refused")
    private Integer cpuSpeed;

    @Parameter(name = ApiConstants.MEMORY, type = CommandType.INTEGER,
            description = "not updatable: a profile's size is immutable and passing it is refused")
    private Integer memory;

    @Parameter(name = "resettuning", type = CommandType.LIST, collectionType = CommandType.STRING,
            description = "tuning settings (parameter names such as conntrackmax) whose override is removed, so "
                    + "they go back to the value derived from the size")
    private List<String> resetTuning;

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDisplayText() {
        return displayText;
    }

    public boolean hasSizeParameters() {
        return cpuNumber != null || cpuSpeed != null || memory != null;
    }

    public List<String> getResetTuning() {
        return resetTuning;
    }

    @Override
    public void execute() {
        VirtualRouterProfileResponse response = VrScalingResponses.profile(vrScalingManager.updateProfile(this));
        response.setResponseName(getCommandName());
        setResponseObject(response);
    }
}
