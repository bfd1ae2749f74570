package org.apache.cloudstack.api.command.admin.vrscaling;

import javax.inject.Inject;

import org.apache.cloudstack.acl.RoleType;
import org.apache.cloudstack.acl.SecurityChecker.AccessType;
import org.apache.cloudstack.api.ACL;
import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.BaseAsyncCmd;
import org.apache.cloudstack.api.Parameter;
import org.apache.cloudstack.api.response.NetworkResponse;
import org.apache.cloudstack.api.response.VpcResponse;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterPlanClearResponse;
import org.apache.cloudstack.vrscaling.VrScalingEventTypes;
import org.apache.cloudstack.vrscaling.VrScalingLabels;
import org.apache.cloudstack.vrscaling.VrScalingManager;
import org.apache.cloudstack.vrscaling.access.ResourceOwner;


@APICommand(name = "clearVirtualRouterProfilePlan",
        description = "Ends a VR Scale plan left RUNNING on a network or VPC by a management server that no longer "
                + "runs it: starts the routers the plan had stopped (at their previous offering when the new one "
                + "does not start) and marks the plan FAILED. Refused while the plan is alive. VR Scale does the same "
                + "by itself at start-up and every few minutes for plans whose management server is not Up.",
        since = "4.22.0", responseObject = VirtualRouterPlanClearResponse.class, requestHasSensitiveInfo = false,
        responseHasSensitiveInfo = false, authorized = {RoleType.Admin})
public class ClearVirtualRouterProfilePlanCmd extends BaseAsyncCmd {
    @Inject
    protected VrScalingManager vrScalingManager;

    @ACL(accessType = AccessType.OperateEntry)
    @Parameter(name = ApiConstants.NETWORK_ID, type = CommandType.UUID, entityType = NetworkResponse.class,
            description = "the isolated network whose stuck plan is cleared (exactly one of networkid, vpcid)")
    private Long networkId;

    @ACL(accessType = AccessType.OperateEntry)
    @Parameter(name = ApiConstants.VPC_ID, type = CommandType.UUID, entityType = VpcResponse.class,
            description = "the VPC whose stuck plan is cleared (exactly one of networkid, vpcid)")
    private Long vpcId;

    public Long getNetworkId() {
        return networkId;
    }

    public Long getVpcId() {
        return vpcId;
    }

    @Override
    public void execute() {
        VirtualRouterPlanClearResponse response = new VirtualRouterPlanClearResponse();
        response.setNote(vrScalingManager.clearPlan(this));
        response.setSuccess(true);
        response.setResponseName(getCommandName());
        setResponseObject(response);
    }

    @Override
    public String getEventType() {
        return VrScalingEventTypes.PLAN_CLEAR;
    }

    @Override
    public String getEventDescription() {
        return "Clearing the stuck VR Scale plan of " + VrScalingLabels.target(_entityMgr, networkId, vpcId, null);
    }

    @Override
    public long getEntityOwnerId() {
        // The tenant the routers belong to: CloudStack checks the caller may act for it and files the events there.
        return ResourceOwner.of(_entityMgr, networkId, vpcId, null);
    }
}
