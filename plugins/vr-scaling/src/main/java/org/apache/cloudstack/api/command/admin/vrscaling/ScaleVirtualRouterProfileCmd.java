package org.apache.cloudstack.api.command.admin.vrscaling;

import javax.inject.Inject;

import org.apache.cloudstack.acl.RoleType;
import org.apache.cloudstack.acl.SecurityChecker.AccessType;
import org.apache.cloudstack.api.ACL;
import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.ApiCommandResourceType;
import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.BaseAsyncCmd;
import org.apache.cloudstack.api.Parameter;
import org.apache.cloudstack.api.response.DomainRouterResponse;
import org.apache.cloudstack.api.response.NetworkResponse;
import org.apache.cloudstack.api.response.ServiceOfferingResponse;
import org.apache.cloudstack.api.response.VpcResponse;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterScaleResponse;
import org.apache.cloudstack.vrscaling.VrScalingEventTypes;
import org.apache.cloudstack.vrscaling.VrScalingLabels;
import org.apache.cloudstack.vrscaling.VrScalingManager;
import org.apache.cloudstack.vrscaling.access.ResourceOwner;
import org.apache.cloudstack.vrscaling.VrScalingResponses;
import org.apache.cloudstack.vrscaling.binding.BindingScope;


@APICommand(name = "scaleVirtualRouterProfile",
        description = "Applies a virtual router profile to the routers of a network, a VPC or one router: binds the "
                + "profile, then restarts each router that needs it at the profile's size (redundant pairs BACKUP "
                + "first, PRIMARY last), sets its NIC queues and pushes and verifies its kernel tuning. Routers "
                + "already at the profile's size only get tuning. With dryrun=true only the plan is returned.",
        since = "4.22.0", responseObject = VirtualRouterScaleResponse.class, requestHasSensitiveInfo = false,
        responseHasSensitiveInfo = false, authorized = {RoleType.Admin})
public class ScaleVirtualRouterProfileCmd extends BaseAsyncCmd {
    @Inject
    protected VrScalingManager vrScalingManager;

    @ACL(accessType = AccessType.OperateEntry)
    @Parameter(name = ApiConstants.NETWORK_ID, type = CommandType.UUID, entityType = NetworkResponse.class,
            description = "the isolated network whose routers are scaled (exactly one of networkid, vpcid, routerid)")
    private Long networkId;

    @ACL(accessType = AccessType.OperateEntry)
    @Parameter(name = ApiConstants.VPC_ID, type = CommandType.UUID, entityType = VpcResponse.class,
            description = "the VPC whose routers are scaled (exactly one of networkid, vpcid, routerid)")
    private Long vpcId;

    @ACL(accessType = AccessType.OperateEntry)
    @Parameter(name = ApiConstants.ROUTER_ID, type = CommandType.UUID, entityType = DomainRouterResponse.class,
            description = "a single router to scale; its network's binding is left unchanged (exactly one of "
                    + "networkid, vpcid, routerid)")
    private Long routerId;

    @Parameter(name = "profileid", type = CommandType.UUID, entityType = ServiceOfferingResponse.class,
            required = true, description = "the ID of the virtual router profile to apply")
    private Long profileId;

    @Parameter(name = "dryrun", type = CommandType.BOOLEAN,
            description = "true to return the plan without changing anything; default: the Global Setting "
                    + "vrscaling.scale.dryrun.default")
    private Boolean dryRun;

    public Long getNetworkId() {
        return networkId;
    }

    public Long getVpcId() {
        return vpcId;
    }

    public Long getRouterId() {
        return routerId;
    }

    public Long getProfileId() {
        return profileId;
    }

    public Boolean getDryRun() {
        return dryRun;
    }

    @Override
    public void execute() {
        VirtualRouterScaleResponse response = VrScalingResponses.scale(vrScalingManager.scale(this));
        response.setResponseName(getCommandName());
        setResponseObject(response);
    }

    @Override
    public String getEventType() {
        return VrScalingEventTypes.SCALE;
    }

    @Override
    public String getEventDescription() {
        // Names and uuids: the fields hold database ids once the API has resolved the uuids.
        return "Scaling the virtual routers of " + VrScalingLabels.target(_entityMgr, networkId, vpcId, routerId)
                + " to virtual router " + VrScalingLabels.profile(_entityMgr, profileId)
                + (Boolean.TRUE.equals(dryRun) ? " (dry run)" : "");
    }

    @Override
    public String getSyncObjType() {
        BindingScope scope = syncScope();
        return scope == null ? null : scope.isVpc() ? vpcSyncObject : networkSyncObject;
    }

    @Override
    public Long getSyncObjId() {
        BindingScope scope = syncScope();
        return scope == null ? null : scope.getId();
    }

    private BindingScope syncScope() {
        return vrScalingManager.syncScope(networkId, vpcId, routerId);
    }

    @Override
    public Long getApiResourceId() {
        return networkId != null ? networkId : vpcId != null ? vpcId : routerId;
    }

    @Override
    public ApiCommandResourceType getApiResourceType() {
        return networkId != null ? ApiCommandResourceType.Network : vpcId != null ? ApiCommandResourceType.Vpc
                : ApiCommandResourceType.DomainRouter;
    }

    @Override
    public long getEntityOwnerId() {
        // The tenant the routers belong to: CloudStack checks the caller may act for it and files the events there.
        return ResourceOwner.of(_entityMgr, networkId, vpcId, routerId);
    }
}
