package org.apache.cloudstack.api.command.admin.vrscaling;

import javax.inject.Inject;

import org.apache.cloudstack.acl.RoleType;
import org.apache.cloudstack.acl.SecurityChecker.AccessType;
import org.apache.cloudstack.api.ACL;
import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.BaseCmd;
import org.apache.cloudstack.api.Parameter;
import org.apache.cloudstack.api.response.NetworkResponse;
import org.apache.cloudstack.api.response.SuccessResponse;
import org.apache.cloudstack.api.response.VpcResponse;
import org.apache.cloudstack.vrscaling.VrScalingManager;
import org.apache.cloudstack.vrscaling.access.ResourceOwner;


@APICommand(name = "resetVirtualRouterProfile",
        description = "Removes the virtual router profile binding of a network or VPC. Its routers are not "
                + "restarted: they keep their size until CloudStack recreates them (restart with cleanup), which "
                + "then uses CloudStack's default sizing, and VR Scale removes its tuning file and NIC queue "
                + "setting at each router's next start.",
        since = "4.22.0", responseObject = SuccessResponse.class, requestHasSensitiveInfo = false,
        responseHasSensitiveInfo = false, authorized = {RoleType.Admin})
public class ResetVirtualRouterProfileCmd extends BaseCmd {
    @Inject
    protected VrScalingManager vrScalingManager;

    @ACL(accessType = AccessType.OperateEntry)
    @Parameter(name = ApiConstants.NETWORK_ID, type = CommandType.UUID, entityType = NetworkResponse.class,
            description = "the isolated network whose profile binding is removed (exactly one of networkid, vpcid)")
    private Long networkId;

    @ACL(accessType = AccessType.OperateEntry)
    @Parameter(name = ApiConstants.VPC_ID, type = CommandType.UUID, entityType = VpcResponse.class,
            description = "the VPC whose profile binding is removed (exactly one of networkid, vpcid)")
    private Long vpcId;

    public Long getNetworkId() {
        return networkId;
    }

    public Long getVpcId() {
        return vpcId;
    }

    @Override
    public void execute() {
        SuccessResponse response = new SuccessResponse(getCommandName());
        response.setSuccess(vrScalingManager.resetProfile(this));
        setResponseObject(response);
    }

    @Override
    public long getEntityOwnerId() {
        // The tenant the routers belong to: CloudStack checks the caller may act for it and files the events there.
        return ResourceOwner.of(_entityMgr, networkId, vpcId, null);
    }
}
