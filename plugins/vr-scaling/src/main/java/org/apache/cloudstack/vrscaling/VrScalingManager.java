package org.apache.cloudstack.vrscaling;

import java.util.List;

import org.apache.cloudstack.api.command.admin.vrscaling.ClearVirtualRouterProfilePlanCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.CreateVirtualRouterProfileCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.DeleteVirtualRouterProfileCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.GetVirtualRouterDiagnosisCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.ListVirtualRouterProfilesCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.ResetVirtualRouterProfileCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.ScaleVirtualRouterProfileCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.UpdateVirtualRouterProfileCmd;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.diagnosis.RouterDiagnosis;
import org.apache.cloudstack.vrscaling.profile.ProfileView;
import org.apache.cloudstack.vrscaling.scale.ScaleReport;

import com.cloud.utils.Pair;

/** The API entry points of VR Scale; each delegates to one service. */
public interface VrScalingManager {
    ProfileView createProfile(CreateVirtualRouterProfileCmd cmd);

    Pair<List<ProfileView>, Integer> listProfiles(ListVirtualRouterProfilesCmd cmd);

    ProfileView updateProfile(UpdateVirtualRouterProfileCmd cmd);

    boolean deleteProfile(DeleteVirtualRouterProfileCmd cmd);

    ScaleReport scale(ScaleVirtualRouterProfileCmd cmd);

    /** Removes a network's or VPC's profile binding; its routers are left as they are. */
    boolean resetProfile(ResetVirtualRouterProfileCmd cmd);

    /** Ends a plan its management server no longer runs; returns what the clean-up did. */
    String clearPlan(ClearVirtualRouterProfilePlanCmd cmd);

    /** Measures the routers asked for and applies the troubleshooting rules; changes nothing. */
    List<RouterDiagnosis> diagnose(GetVirtualRouterDiagnosisCmd cmd);

    /** The network or VPC a scale call queues on; null when the ids do not resolve. */
    BindingScope syncScope(Long networkId, Long vpcId, Long routerId);
}
