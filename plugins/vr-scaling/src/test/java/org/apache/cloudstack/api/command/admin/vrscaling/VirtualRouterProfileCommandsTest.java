package org.apache.cloudstack.api.command.admin.vrscaling;

import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.apache.cloudstack.api.ApiCommandResourceType;
import org.apache.cloudstack.api.BaseAsyncCmd;
import org.apache.cloudstack.api.response.SuccessResponse;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterPlanClearResponse;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterProfileResponse;
import org.apache.cloudstack.vrscaling.VrScalingEventTypes;
import org.apache.cloudstack.vrscaling.VrScalingManager;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.core.profile.RouterProfile;
import org.apache.cloudstack.vrscaling.core.profile.TuningOverrides;
import org.apache.cloudstack.vrscaling.core.sizing.ConntrackBudget;
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.profile.ProfileView;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;
import org.springframework.test.util.ReflectionTestUtils;

import com.cloud.network.Network;
import com.cloud.network.router.VirtualRouter;
import com.cloud.network.vpc.Vpc;
import com.cloud.offering.ServiceOffering;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.user.Account;
import com.cloud.utils.db.EntityManager;

/** The commands stay thin: parameters in, one manager call, a response out. */
@RunWith(MockitoJUnitRunner.class)
public class VirtualRouterProfileCommandsTest {
    @Mock
    VrScalingManager manager;
    @Mock
    EntityManager entities;

    private ProfileView view() {
        ServiceOfferingVO offering = offering(10L, "big", 2, 1000, 2048);
        RouterProfile profile = new RouterProfile("big", new RouterSize(2, 1000, 2048), TuningOverrides.none());
        SizingModel model = new SizingModel(SizingAssumptions.defaults());
        KernelTuning tuning = profile.effectiveTuning(model);
        return new ProfileView(offering, profile, false, false, tuning, 0, 0,
                ConntrackBudget.of(tuning, profile.getSize(), model.getAssumptions()));
    }

    @Test
    public void createReturnsTheNewProfile() {
        CreateVirtualRouterProfileCmd cmd = new CreateVirtualRouterProfileCmd();
        cmd.vrScalingManager = manager;
        ProfileView view = view();
        when(manager.createProfile(cmd)).thenReturn(view);
        cmd.execute();
        VirtualRouterProfileResponse response = (VirtualRouterProfileResponse) cmd.getResponseObject();
        assertEquals("offering-uuid-10", response.getId());
        assertEquals("big", response.getName());
    }

    @Test
    public void tuningParametersBecomeOverridesOnlyWhenGiven() {
        UpdateVirtualRouterProfileCmd cmd = new UpdateVirtualRouterProfileCmd();
        ReflectionTestUtils.setField(cmd, "conntrackMax", 500_000L);
        ReflectionTestUtils.setField(cmd, "nicQueues", 4L);
        assertEquals(Map.of(TuningKey.CONNTRACK_MAX, 500_000L, TuningKey.NIC_QUEUES, 4L), cmd.getTuningOverrides());
    }

    @Test
    public void deleteAnswersSuccess() {
        DeleteVirtualRouterProfileCmd cmd = new DeleteVirtualRouterProfileCmd();
        cmd.vrScalingManager = manager;
        ReflectionTestUtils.setField(cmd, "forced", true);
        when(manager.deleteProfile(cmd)).thenReturn(true);
        cmd.execute();
        assertTrue(cmd.isForced());
        assertTrue(cmd.getResponseObject() instanceof SuccessResponse);
    }

    @Test
    public void clearAnswersWhatTheCleanUpDidNotABareSuccess() {
        // CloudStack's async job result of a SuccessResponse keeps only "success": the note would be lost.
        ClearVirtualRouterProfilePlanCmd cmd = new ClearVirtualRouterProfilePlanCmd();
        cmd.vrScalingManager = manager;
        ReflectionTestUtils.setField(cmd, "networkId", 100L);
        when(manager.clearPlan(cmd)).thenReturn("Interrupted at step '1/1 r-11-VM STOP': an administrator cleared it");

        cmd.execute();

        VirtualRouterPlanClearResponse response = (VirtualRouterPlanClearResponse) cmd.getResponseObject();
        assertTrue(response.getSuccess());
        assertEquals("Interrupted at step '1/1 r-11-VM STOP': an administrator cleared it", response.getNote());
        assertEquals(VrScalingEventTypes.PLAN_CLEAR, cmd.getEventType());
    }

    @Test
    public void resetHandsItsTargetToTheManagerAndAnswersSuccess() {
        ResetVirtualRouterProfileCmd cmd = new ResetVirtualRouterProfileCmd();
        cmd.vrScalingManager = manager;
        ReflectionTestUtils.setField(cmd, "vpcId", 200L);
        when(manager.resetProfile(cmd)).thenReturn(true);

        cmd.execute();

        assertEquals(Long.valueOf(200L), cmd.getVpcId());
        assertNull(cmd.getNetworkId());
        assertTrue(cmd.getResponseObject() instanceof SuccessResponse);
        assertEquals(Account.ACCOUNT_ID_SYSTEM, cmd.getEntityOwnerId());
    }

    @Test
    public void scaleQueuesOnTheVpcOfItsTargetAndRecordsItsEvent() {
        ScaleVirtualRouterProfileCmd cmd = new ScaleVirtualRouterProfileCmd();
        cmd.vrScalingManager = manager;
        ReflectionTestUtils.setField(cmd, "routerId", 41L);
        ReflectionTestUtils.setField(cmd, "profileId", 5L);
        cmd._entityMgr = entities;
        VirtualRouter router = mock(VirtualRouter.class);
        when(router.getInstanceName()).thenReturn("r-41-VM");
        when(router.getUuid()).thenReturn("router-uuid-41");
        when(entities.findById(VirtualRouter.class, 41L)).thenReturn(router);
        ServiceOfferingVO profile = offering(5L, "big", 2, 1000, 2048);
        when(entities.findById(ServiceOffering.class, 5L)).thenReturn(profile);
        when(manager.syncScope(null, null, 41L)).thenReturn(new BindingScope(BindingScope.Type.VPC, 200L, null, null,
                0));
        assertEquals(BaseAsyncCmd.vpcSyncObject, cmd.getSyncObjType());
        assertEquals(Long.valueOf(200L), cmd.getSyncObjId());
        assertEquals(VrScalingEventTypes.SCALE, cmd.getEventType());
        assertEquals("Scaling the virtual routers of router r-41-VM (router-uuid-41) to virtual router profile big "
                + "(offering-uuid-5)", cmd.getEventDescription());
        assertEquals(ApiCommandResourceType.DomainRouter, cmd.getApiResourceType());
    }

    @Test
    public void listingANetworksBindingActsForTheNetworksOwnerSoCloudStacksAccessCheckHasAnAccount() {
        ListVirtualRouterProfilesCmd list = new ListVirtualRouterProfilesCmd();
        list._entityMgr = entities;
        assertEquals("no networkid/vpcid: no owner, as any list", 0L, list.getEntityOwnerId());
        ReflectionTestUtils.setField(list, "networkId", 100L);
        Network network = mock(Network.class);
        when(network.getAccountId()).thenReturn(42L);
        when(entities.findById(Network.class, 100L)).thenReturn(network);
        assertEquals(42L, list.getEntityOwnerId());
        ReflectionTestUtils.setField(list, "networkId", null);
        ReflectionTestUtils.setField(list, "vpcId", 200L);
        Vpc vpc = mock(Vpc.class);
        when(vpc.getAccountId()).thenReturn(43L);
        when(entities.findById(Vpc.class, 200L)).thenReturn(vpc);
        assertEquals(43L, list.getEntityOwnerId());
    }

    @Test
    public void eventDescriptionsNameTheTargetsByNameAndUuidNotByDatabaseId() {
        ScaleVirtualRouterProfileCmd scale = new ScaleVirtualRouterProfileCmd();
        scale._entityMgr = entities;
        ReflectionTestUtils.setField(scale, "networkId", 100L);
        ReflectionTestUtils.setField(scale, "profileId", 5L);
        ReflectionTestUtils.setField(scale, "dryRun", true);
        Network network = mock(Network.class);
        when(network.getName()).thenReturn("web");
        when(network.getUuid()).thenReturn("net-uuid");
        when(entities.findById(Network.class, 100L)).thenReturn(network);
        ServiceOfferingVO profile = offering(5L, "big", 2, 1000, 2048);
        when(entities.findById(ServiceOffering.class, 5L)).thenReturn(profile);
        GetVirtualRouterDiagnosisCmd diagnose = new GetVirtualRouterDiagnosisCmd();
        diagnose._entityMgr = entities;
        ReflectionTestUtils.setField(diagnose, "vpcId", 200L);
        Vpc vpc = mock(Vpc.class);
        when(vpc.getName()).thenReturn("shop");
        when(vpc.getUuid()).thenReturn("vpc-uuid");
        when(entities.findById(Vpc.class, 200L)).thenReturn(vpc);

        assertEquals("Scaling the virtual routers of network web (net-uuid) to virtual router profile big "
                + "(offering-uuid-5) (dry run)", scale.getEventDescription());
        assertEquals("Diagnosing the virtual routers of VPC shop (vpc-uuid)", diagnose.getEventDescription());
    }

    @Test
    public void scaleDoesNotQueueWhenItsTargetDoesNotResolve() {
        ScaleVirtualRouterProfileCmd cmd = new ScaleVirtualRouterProfileCmd();
        cmd.vrScalingManager = manager;
        ReflectionTestUtils.setField(cmd, "networkId", 404L);
        assertNull(cmd.getSyncObjType());
        assertNull(cmd.getSyncObjId());
    }
}
