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
import org.apache.cloudstack.api.response.VpcResponse;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterDiagnosisResponse;
import org.apache.cloudstack.vrscaling.VrScalingEventTypes;
import org.apache.cloudstack.vrscaling.VrScalingLabels;
import org.apache.cloudstack.vrscaling.VrScalingManager;
import org.apache.cloudstack.vrscaling.access.ResourceOwner;
import org.apache.cloudstack.vrscaling.diagnosis.DiagnosisResponses;


@APICommand(name = "getVirtualRouterDiagnosis",
        description = "Measures virtual routers from inside (conntrack fill and drops, hash chains, NIC and backlog "
                + "drops, OOM kills, CPU steal, context switches, the CPUs and memory the router sees) and returns "
                + "findings with evidence and fixes plus a recommended profile size. Changes nothing.",
        since = "4.22.0", responseObject = VirtualRouterDiagnosisResponse.class, requestHasSensitiveInfo = false,
        responseHasSensitiveInfo = false, authorized = {RoleType.Admin})
public class GetVirtualRouterDiagnosisCmd extends BaseAsyncCmd {
    @Inject
    protected VrScalingManager vrScalingManager;

    @ACL(accessType = AccessType.OperateEntry)
    @Parameter(name = ApiConstants.ROUTER_ID, type = CommandType.UUID, entityType = DomainRouterResponse.class,
            description = "the router to diagnose (exactly one of routerid, networkid, vpcid)")
    private Long routerId;

    @ACL(accessType = AccessType.OperateEntry)
    @Parameter(name = ApiConstants.NETWORK_ID, type = CommandType.UUID, entityType = NetworkResponse.class,
            description = "diagnose every router of this network (exactly one of routerid, networkid, vpcid)")
    private Long networkId;

    @ACL(accessType = AccessType.OperateEntry)
    @Parameter(name = ApiConstants.VPC_ID, type = CommandType.UUID, entityType = VpcResponse.class,
            description = "diagnose every router of this VPC (exactly one of routerid, networkid, vpcid)")
    private Long vpcId;

    @Parameter(name = "sampleseconds", type = CommandType.INTEGER,
            description = "seconds over which CPU steal, busy time and context switches are sampled, 0 to 10 "
                    + "(default 2)")
    private Integer sampleSeconds;

    public Long getRouterId() {
        return routerId;
    }

    public Long getNetworkId() {
        return networkId;
    }

    public Long getVpcId() {
        return vpcId;
    }

    public Integer getSampleSeconds() {
        return sampleSeconds;
    }

    @Override
    public void execute() {
        VirtualRouterDiagnosisResponse response = DiagnosisResponses.of(vrScalingManager.diagnose(this));
        response.setResponseName(getCommandName());
        setResponseObject(response);
    }

    @Override
    public String getEventType() {
        return VrScalingEventTypes.DIAGNOSE;
    }

    @Override
    public String getEventDescription() {
        // Names and uuids: the fields hold database ids once the API has resolved the uuids.
        return "Diagnosing the virtual routers of " + (routerId != null
                ? VrScalingLabels.target(_entityMgr, null, null, routerId)
                : VrScalingLabels.target(_entityMgr, networkId, vpcId, null));
    }

    @Override
    public Long getApiResourceId() {
        return routerId != null ? routerId : networkId != null ? networkId : vpcId;
    }

    @Override
    public ApiCommandResourceType getApiResourceType() {
        return routerId != null ? ApiCommandResourceType.DomainRouter
                : networkId != null ? ApiCommandResourceType.Network : ApiCommandResourceType.Vpc;
    }

    @Override
    public long getEntityOwnerId() {
        // The tenant the routers belong to: CloudStack checks the caller may act for it and files the events there.
        return ResourceOwner.of(_entityMgr, networkId, vpcId, routerId);
    }
}
