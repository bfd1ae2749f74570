package org.apache.cloudstack.api.command.admin.vrscaling;

import javax.inject.Inject;

import org.apache.cloudstack.acl.RoleType;
import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.BaseCmd;
import org.apache.cloudstack.api.Parameter;
import org.apache.cloudstack.api.response.ServiceOfferingResponse;
import org.apache.cloudstack.api.response.SuccessResponse;
import org.apache.cloudstack.vrscaling.VrScalingManager;

import com.cloud.user.Account;

@APICommand(name = "deleteVirtualRouterProfile",
        description = "Deletes a virtual router profile. Refused while networks or VPCs are bound to it unless forced "
                + "is true, which removes the bindings; routers keep the size they run. A profile that adopted an "
                + "existing offering keeps that offering.",
        since = "4.22.0", responseObject = SuccessResponse.class, requestHasSensitiveInfo = false,
        responseHasSensitiveInfo = false, authorized = {RoleType.Admin})
public class DeleteVirtualRouterProfileCmd extends BaseCmd {
    @Inject
    protected VrScalingManager vrScalingManager;

    @Parameter(name = ApiConstants.ID, type = CommandType.UUID, entityType = ServiceOfferingResponse.class,
            required = true, description = "the ID of the profile")
    private Long id;

    @Parameter(name = ApiConstants.FORCED, type = CommandType.BOOLEAN,
            description = "true to delete a profile that networks or VPCs are bound to, removing the bindings "
                    + "(default false)")
    private Boolean forced;

    public Long getId() {
        return id;
    }

    public boolean isForced() {
        return Boolean.TRUE.equals(forced);
    }

    @Override
    public void execute() {
        SuccessResponse response = new SuccessResponse(getCommandName());
        response.setSuccess(vrScalingManager.deleteProfile(this));
        setResponseObject(response);
    }

    @Override
    public long getEntityOwnerId() {
        return Account.ACCOUNT_ID_SYSTEM;
    }
}
