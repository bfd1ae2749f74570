package org.apache.cloudstack.api.command.admin.vrscaling;

import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.apache.cloudstack.acl.RoleType;
import org.apache.cloudstack.acl.SecurityChecker.AccessType;
import org.apache.cloudstack.api.ACL;
import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.BaseListCmd;
import org.apache.cloudstack.api.Parameter;
import org.apache.cloudstack.api.response.ListResponse;
import org.apache.cloudstack.api.response.NetworkResponse;
import org.apache.cloudstack.api.response.ServiceOfferingResponse;
import org.apache.cloudstack.api.response.VpcResponse;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterProfileResponse;
import org.apache.cloudstack.vrscaling.VrScalingManager;
import org.apache.cloudstack.vrscaling.VrScalingResponses;
import org.apache.cloudstack.vrscaling.access.ResourceOwner;
import org.apache.cloudstack.vrscaling.profile.ProfileView;

import com.cloud.utils.Pair;

@APICommand(name = "listVirtualRouterProfiles",
        description = "Lists virtual router profiles with their size, effective kernel tuning (derived values and "
                + "overrides, with their memory cost) and how many networks and VPCs are bound to each. With networkid "
                + "or vpcid: only the profile that network or VPC is bound to (none when it is not bound).",
        since = "4.22.0", responseObject = VirtualRouterProfileResponse.class, requestHasSensitiveInfo = false,
        responseHasSensitiveInfo = false, authorized = {RoleType.Admin})
public class ListVirtualRouterProfilesCmd extends BaseListCmd {
    @Inject
    protected VrScalingManager vrScalingManager;

    @Parameter(name = ApiConstants.ID, type = CommandType.UUID, entityType = ServiceOfferingResponse.class,
            description = "list only the profile with this ID")
    private Long id;

    @Parameter(name = ApiConstants.NAME, type = CommandType.STRING, description = "list only profiles with this name")
    private String name;

    @ACL(accessType = AccessType.ListEntry)
    @Parameter(name = ApiConstants.NETWORK_ID, type = CommandType.UUID, entityType = NetworkResponse.class,
            description = "list only the profile this isolated network is bound to (for a VPC tier: its VPC's); "
                    + "at most one of networkid, vpcid")
    private Long networkId;

    @ACL(accessType = AccessType.ListEntry)
    @Parameter(name = ApiConstants.VPC_ID, type = CommandType.UUID, entityType = VpcResponse.class,
            description = "list only the profile this VPC is bound to; at most one of networkid, vpcid")
    private Long vpcId;

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Long getNetworkId() {
        return networkId;
    }

    public Long getVpcId() {
        return vpcId;
    }

    /**
     * With networkid/vpcid, the network's or VPC's owner: CloudStack checks the caller against it along with the
     * @ACL entity (BaseListCmd's 0 is no account, and its access check fails on it). Without them, no owner.
     */
    @Override
    public long getEntityOwnerId() {
        if (networkId == null && vpcId == null) {
            return super.getEntityOwnerId();
        }
        return ResourceOwner.of(_entityMgr, networkId, vpcId, null);
    }

    @Override
    public void execute() {
        Pair<List<ProfileView>, Integer> profiles = vrScalingManager.listProfiles(this);
        List<VirtualRouterProfileResponse> items = new ArrayList<>();
        for (ProfileView view : profiles.first()) {
            items.add(VrScalingResponses.profile(view));
        }
        ListResponse<VirtualRouterProfileResponse> response = new ListResponse<>();
        response.setResponses(items, profiles.second());
        response.setResponseName(getCommandName());
        setResponseObject(response);
    }
}
