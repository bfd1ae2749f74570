package org.apache.cloudstack.vrscaling;

import static org.apache.cloudstack.vrscaling.TestSupport.assertApiError;
import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.cloudstack.api.ApiErrorCode;
import org.apache.cloudstack.api.ServerApiException;
import org.apache.cloudstack.api.command.admin.vrscaling.ClearVirtualRouterProfilePlanCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.CreateVirtualRouterProfileCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.DeleteVirtualRouterProfileCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.GetVirtualRouterDiagnosisCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.ListVirtualRouterProfilesCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.ResetVirtualRouterProfileCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.ScaleVirtualRouterProfileCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.UpdateVirtualRouterProfileCmd;
import org.apache.cloudstack.context.CallContext;
import org.apache.cloudstack.framework.jobs.AsyncJob;
import org.apache.cloudstack.framework.messagebus.MessageBus;
import org.apache.cloudstack.vrscaling.access.ResourceAccess;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.core.profile.RouterProfile;
import org.apache.cloudstack.vrscaling.core.profile.TuningOverrides;
import org.apache.cloudstack.vrscaling.core.sizing.ConntrackBudget;
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.diagnosis.DiagnosisService;
import org.apache.cloudstack.vrscaling.lifecycle.JobStateSubscriber;
import org.apache.cloudstack.vrscaling.lifecycle.LifecycleRunner;
import org.apache.cloudstack.vrscaling.lifecycle.ProfileBindings;
import org.apache.cloudstack.vrscaling.lifecycle.ReconcileService;
import org.apache.cloudstack.vrscaling.lifecycle.RouterStateListener;
import org.apache.cloudstack.vrscaling.presize.PresizeService;
import org.apache.cloudstack.vrscaling.profile.ProfileService;
import org.apache.cloudstack.vrscaling.profile.ProfileSpec;
import org.apache.cloudstack.vrscaling.profile.ProfileView;
import org.apache.cloudstack.vrscaling.scale.ScaleService;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.ArgumentCaptor;
import org.mockito.InjectMocks;
import org.mockito.Mock;
import org.mockito.MockedStatic;
import org.mockito.junit.MockitoJUnitRunner;
import org.springframework.test.util.ReflectionTestUtils;

import com.cloud.service.ServiceOfferingVO;
import com.cloud.utils.Pair;

@RunWith(MockitoJUnitRunner.class)
public class VrScalingManagerImplTest {
    /** The real CallContext needs it to register the system user the background work runs as. */
    @Rule
    public final SystemCallContext systemCallContext = new SystemCallContext();

    @Mock
    ProfileService profileService;
    @Mock
    ScaleService scaleService;
    @Mock
    ProfileBindings profileBindings;
    @Mock
    RouterStateListener routerStateListener;
    @Mock
    JobStateSubscriber jobStateSubscriber;
    @Mock
    LifecycleRunner lifecycleRunner;
    @Mock
    MessageBus messageBus;
    @Mock
    ReconcileService reconcileService;
    @Mock
    PresizeService presizeService;
    @Mock
    ResourceAccess resourceAccess;
    @Mock
    DiagnosisService diagnosisService;
    @InjectMocks
    VrScalingManagerImpl manager;

    @Test
    public void createPassesEveryParameterToTheProfileService() {
        CreateVirtualRouterProfileCmd cmd = new CreateVirtualRouterProfileCmd();
        ReflectionTestUtils.setField(cmd, "name", "big");
        ReflectionTestUtils.setField(cmd, "cpuNumber", 2);
        ReflectionTestUtils.setField(cmd, "cpuSpeed", 1000);
        ReflectionTestUtils.setField(cmd, "memory", 2048);
        ReflectionTestUtils.setField(cmd, "storageType", "local");
        ReflectionTestUtils.setField(cmd, "conntrackMax", 300_000L);
        ServiceOfferingVO created = offering(10L, "big", 2, 1000, 2048);
        ProfileView view = mock(ProfileView.class);
        when(profileService.create(any())).thenReturn(created);
        when(profileService.view(created, null)).thenReturn(view);

        assertSame(view, manager.createProfile(cmd));

        ArgumentCaptor<ProfileSpec> spec = ArgumentCaptor.forClass(ProfileSpec.class);
        verify(profileService).create(spec.capture());
        assertEquals("big", spec.getValue().getName());
        assertEquals(Integer.valueOf(2048), spec.getValue().getMemory());
        assertEquals("local", spec.getValue().getStorageType());
        assertEquals(Map.of(TuningKey.CONNTRACK_MAX, 300_000L), spec.getValue().getOverrides());
    }

    @Test
    public void updateRefusesSizeParametersBeforeTouchingTheProfile() {
        UpdateVirtualRouterProfileCmd cmd = new UpdateVirtualRouterProfileCmd();
        ReflectionTestUtils.setField(cmd, "id", 10L);
        ReflectionTestUtils.setField(cmd, "memory", 4096);
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> manager.updateProfile(cmd), "cannot change",
                "create a new profile");
        verify(profileService, never()).update(anyLong(), any(), any(), any(), any(), anyBoolean());
    }

    @Test
    public void listViewsEachOfferingAndKeepsTheTotal() {
        ListVirtualRouterProfilesCmd cmd = new ListVirtualRouterProfilesCmd();
        ReflectionTestUtils.setField(cmd, "name", "big");
        ServiceOfferingVO big = offering(10L, "big", 2, 1000, 2048);
        when(profileService.list(eq(null), eq("big"), any(), any(), any())).thenReturn(new Pair<>(List.of(big), 7));
        ProfileView view = mock(ProfileView.class);
        when(profileService.view(big, null)).thenReturn(view);

        Pair<List<ProfileView>, Integer> listed = manager.listProfiles(cmd);

        assertEquals(List.of(view), listed.first());
        assertEquals(Integer.valueOf(7), listed.second());
    }

    @Test
    public void aNetworkIdListsTheProfileItIsBoundToAfterTheAccessCheck() {
        ListVirtualRouterProfilesCmd cmd = new ListVirtualRouterProfilesCmd();
        ReflectionTestUtils.setField(cmd, "networkId", 100L);
        BindingScope scope = new BindingScope(BindingScope.Type.NETWORK, 100L, null, null, 0);
        when(scaleService.syncScope(100L, null, null)).thenReturn(scope);
        ServiceOfferingVO big = offering(10L, "big", 2, 1000, 2048);
        when(profileService.boundProfile(scope)).thenReturn(big);
        ProfileView view = mock(ProfileView.class);
        when(profileService.view(big, null)).thenReturn(view);

        Pair<List<ProfileView>, Integer> listed = manager.listProfiles(cmd);

        assertEquals(List.of(view), listed.first());
        assertEquals(Integer.valueOf(1), listed.second());
        verify(resourceAccess).checkList(100L, null);
        verify(profileService, never()).list(any(), any(), any(), any(), any());
    }

    @Test
    public void anUnboundVpcOrAnIdOfAnotherProfileListsNothing() {
        ListVirtualRouterProfilesCmd cmd = new ListVirtualRouterProfilesCmd();
        ReflectionTestUtils.setField(cmd, "vpcId", 200L);
        BindingScope scope = new BindingScope(BindingScope.Type.VPC, 200L, null, null, 0);
        when(scaleService.syncScope(null, 200L, null)).thenReturn(scope);
        assertEquals(List.of(), manager.listProfiles(cmd).first());

        ServiceOfferingVO big = offering(10L, "big", 2, 1000, 2048);
        when(profileService.boundProfile(scope)).thenReturn(big);
        ReflectionTestUtils.setField(cmd, "id", 11L);
        Pair<List<ProfileView>, Integer> listed = manager.listProfiles(cmd);
        assertEquals(List.of(), listed.first());
        assertEquals(Integer.valueOf(0), listed.second());
    }

    @Test
    public void aBindingIsNotShownToACallerWhoMayNotSeeTheNetwork() {
        ListVirtualRouterProfilesCmd cmd = new ListVirtualRouterProfilesCmd();
        ReflectionTestUtils.setField(cmd, "networkId", 100L);
        doThrow(new ServerApiException(ApiErrorCode.ACCOUNT_ERROR, "may not see this network"))
                .when(resourceAccess).checkList(100L, null);
        assertApiError(ApiErrorCode.ACCOUNT_ERROR, () -> manager.listProfiles(cmd), "may not see this network");
        verify(profileService, never()).boundProfile(any());
    }

    @Test
    public void networkIdAndVpcIdTogetherAreRefused() {
        ListVirtualRouterProfilesCmd cmd = new ListVirtualRouterProfilesCmd();
        ReflectionTestUtils.setField(cmd, "networkId", 100L);
        ReflectionTestUtils.setField(cmd, "vpcId", 200L);
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> manager.listProfiles(cmd), "at most one of networkid and vpcid");
        verify(profileService, never()).boundProfile(any());
    }

    @Test
    public void aCallerWithoutAccessToTheNetworkReachesNoService() {
        ServerApiException denied = new ServerApiException(ApiErrorCode.ACCOUNT_ERROR, "may not operate");
        doThrow(denied).when(resourceAccess).checkOperate(100L, null, null);
        ScaleVirtualRouterProfileCmd scale = new ScaleVirtualRouterProfileCmd();
        ReflectionTestUtils.setField(scale, "networkId", 100L);
        ReflectionTestUtils.setField(scale, "profileId", 10L);
        assertApiError(ApiErrorCode.ACCOUNT_ERROR, () -> manager.scale(scale), "may not operate");
        ResetVirtualRouterProfileCmd reset = new ResetVirtualRouterProfileCmd();
        ReflectionTestUtils.setField(reset, "networkId", 100L);
        assertApiError(ApiErrorCode.ACCOUNT_ERROR, () -> manager.resetProfile(reset), "may not operate");
        ClearVirtualRouterProfilePlanCmd clear = new ClearVirtualRouterProfilePlanCmd();
        ReflectionTestUtils.setField(clear, "networkId", 100L);
        assertApiError(ApiErrorCode.ACCOUNT_ERROR, () -> manager.clearPlan(clear), "may not operate");
        GetVirtualRouterDiagnosisCmd diagnose = new GetVirtualRouterDiagnosisCmd();
        ReflectionTestUtils.setField(diagnose, "networkId", 100L);
        assertApiError(ApiErrorCode.ACCOUNT_ERROR, () -> manager.diagnose(diagnose), "may not operate");

        verify(scaleService, never()).scale(any(), any(), any(), any(), any());
        verify(scaleService, never()).clearPlan(any(), any());
        verify(profileBindings, never()).unbind(any(), any(), any());
        verify(diagnosisService, never()).diagnose(any(), any(), any(), any());
    }

    @Test
    public void profilesAreCreatedChangedAndDeletedOnlyAfterTheRootAdminCheck() {
        ServerApiException denied = new ServerApiException(ApiErrorCode.ACCOUNT_ERROR, "Only a root administrator");
        doThrow(denied).when(resourceAccess).checkRootAdmin(anyString());
        CreateVirtualRouterProfileCmd create = new CreateVirtualRouterProfileCmd();
        assertApiError(ApiErrorCode.ACCOUNT_ERROR, () -> manager.createProfile(create), "root administrator");
        UpdateVirtualRouterProfileCmd update = new UpdateVirtualRouterProfileCmd();
        ReflectionTestUtils.setField(update, "id", 10L);
        assertApiError(ApiErrorCode.ACCOUNT_ERROR, () -> manager.updateProfile(update), "root administrator");
        DeleteVirtualRouterProfileCmd delete = new DeleteVirtualRouterProfileCmd();
        ReflectionTestUtils.setField(delete, "id", 10L);
        assertApiError(ApiErrorCode.ACCOUNT_ERROR, () -> manager.deleteProfile(delete), "root administrator");
        verify(profileService, never()).create(any());
        verify(profileService, never()).update(anyLong(), any(), any(), any(), any(), anyBoolean());
        verify(profileService, never()).delete(anyLong(), anyBoolean());
    }

    @Test
    public void scaleHandsTheTargetToTheScaleService() {
        ScaleVirtualRouterProfileCmd cmd = new ScaleVirtualRouterProfileCmd();
        ReflectionTestUtils.setField(cmd, "vpcId", 200L);
        ReflectionTestUtils.setField(cmd, "profileId", 5L);
        ReflectionTestUtils.setField(cmd, "dryRun", true);
        manager.scale(cmd);
        verify(scaleService).scale(null, 200L, null, 5L, true);
    }

    @Test
    public void startSchedulesTheCleanUpOfInterruptedPlansAfterAgentsReconnect() {
        ScheduledExecutorService executor = mock(ScheduledExecutorService.class);
        manager.recoveryExecutor = executor;

        assertTrue(manager.start());

        ArgumentCaptor<Runnable> task = ArgumentCaptor.forClass(Runnable.class);
        verify(executor).schedule(task.capture(), eq(VrScalingManagerImpl.RECOVERY_DELAY_SECONDS),
                eq(TimeUnit.SECONDS));
        task.getValue().run();
        verify(scaleService).recoverInterruptedPlans();
        verify(presizeService).syncAllRecorded("management server start");
        verify(reconcileService).requestAllBound("management server start");
    }

    @Test
    public void startRunsTheLifecyclePoolAndFollowsFinishedJobsAndStopUndoesBoth() {
        manager.recoveryExecutor = mock(ScheduledExecutorService.class);

        assertTrue(manager.start());
        verify(lifecycleRunner).start();
        verify(messageBus).subscribe(AsyncJob.Topics.JOB_STATE, jobStateSubscriber);

        assertTrue(manager.stop());
        verify(messageBus).unsubscribe(AsyncJob.Topics.JOB_STATE, jobStateSubscriber);
        verify(lifecycleRunner).stop();
    }

    @Test
    public void resetRemovesTheBindingOfTheGivenNetwork() {
        ResetVirtualRouterProfileCmd cmd = new ResetVirtualRouterProfileCmd();
        ReflectionTestUtils.setField(cmd, "networkId", 100L);

        BindingScope scope = new BindingScope(BindingScope.Type.NETWORK, 100L, "net-uuid", "web", 1L);
        ArgumentCaptor<Consumer<BindingScope>> underTheLock = ArgumentCaptor.forClass(Consumer.class);
        when(profileBindings.unbind(eq(100L), eq(null), underTheLock.capture())).thenReturn(scope);

        assertTrue(manager.resetProfile(cmd));

        // The pre-sizing switch back runs inside the unbind, under the scope's lock.
        verify(presizeService, never()).sync(any());
        underTheLock.getValue().accept(scope);
        verify(presizeService).sync(scope);
    }

    @Test
    public void actionEventsNameTheProfileOrScopeByNameAndUuid() {
        // CloudStack appends the call's event details to the @ActionEvent's fixed description.
        CallContext context = mock(CallContext.class);
        DeleteVirtualRouterProfileCmd delete = new DeleteVirtualRouterProfileCmd();
        ReflectionTestUtils.setField(delete, "id", 5L);
        ServiceOfferingVO big = offering(5L, "big", 2, 1000, 2048);
        when(profileService.findOfferingIncludingRemoved(5L)).thenReturn(big);
        ResetVirtualRouterProfileCmd reset = new ResetVirtualRouterProfileCmd();
        ReflectionTestUtils.setField(reset, "vpcId", 200L);
        when(profileBindings.unbind(eq(null), eq(200L), any()))
                .thenReturn(new BindingScope(BindingScope.Type.VPC, 200L, "vpc-uuid", "shop", 1L));

        try (MockedStatic<CallContext> current = mockStatic(CallContext.class)) {
            current.when(CallContext::current).thenReturn(context);
            manager.deleteProfile(delete);
            manager.resetProfile(reset);
        }

        verify(context).setEventDetails("profile big (offering-uuid-5)");
        verify(context).setEventDetails("VPC shop (vpc-uuid)");
    }

    @Test
    public void aCreateAcceptedOnlyByForceSaysSoInTheResponseAndTheEvent() {
        CreateVirtualRouterProfileCmd cmd = new CreateVirtualRouterProfileCmd();
        ReflectionTestUtils.setField(cmd, "name", "tiny");
        ReflectionTestUtils.setField(cmd, "force", true);
        ServiceOfferingVO created = offering(10L, "tiny", 1, 500, 256);
        RouterSize size = new RouterSize(1, 500, 256);
        RouterProfile profile = new RouterProfile("tiny", size, TuningOverrides.of(Map.of(TuningKey.CONNTRACK_MAX,
                1_000_000L)));
        KernelTuning tuning = profile.effectiveTuning(new SizingModel(SizingAssumptions.defaults()));
        when(profileService.create(any())).thenReturn(created);
        when(profileService.view(created, null)).thenReturn(new ProfileView(created, profile, false, false, tuning,
                0, 0, ConntrackBudget.of(tuning, size, SizingAssumptions.defaults())));
        CallContext context = mock(CallContext.class);

        ProfileView view;
        try (MockedStatic<CallContext> current = mockStatic(CallContext.class)) {
            current.when(CallContext::current).thenReturn(context);
            view = manager.createProfile(cmd);
        }

        assertTrue(view.isConntrackForced());
        ArgumentCaptor<ProfileSpec> spec = ArgumentCaptor.forClass(ProfileSpec.class);
        verify(profileService).create(spec.capture());
        assertTrue(spec.getValue().isForce());
        ArgumentCaptor<String> details = ArgumentCaptor.forClass(String.class);
        verify(context).setEventDetails(details.capture());
        assertTrue(details.getValue(), details.getValue().startsWith("profile tiny (offering-uuid-10); accepted "
                + "with forced=true although a full conntrack table of 1,000,000 entries"));
    }

    @Test
    public void aForceThatWasNotNeededIsNotReportedAsForced() {
        UpdateVirtualRouterProfileCmd cmd = new UpdateVirtualRouterProfileCmd();
        ReflectionTestUtils.setField(cmd, "id", 10L);
        ReflectionTestUtils.setField(cmd, "force", true);
        ServiceOfferingVO big = offering(10L, "big", 2, 1000, 2048);
        RouterSize size = new RouterSize(2, 1000, 2048);
        RouterProfile profile = new RouterProfile("big", size, TuningOverrides.none());
        KernelTuning tuning = profile.effectiveTuning(new SizingModel(SizingAssumptions.defaults()));
        when(profileService.update(eq(10L), any(), any(), any(), any(), eq(true))).thenReturn(big);
        when(profileService.view(big, null)).thenReturn(new ProfileView(big, profile, false, false, tuning, 0, 0,
                ConntrackBudget.of(tuning, size, SizingAssumptions.defaults())));

        assertFalse(manager.updateProfile(cmd).isConntrackForced());
    }

    @Test
    public void aForcedDeleteThatRemovedBindingsSyncsThePresizedNetworksOnlyThen() {
        DeleteVirtualRouterProfileCmd cmd = new DeleteVirtualRouterProfileCmd();
        ReflectionTestUtils.setField(cmd, "id", 5L);
        ReflectionTestUtils.setField(cmd, "forced", true);
        when(profileService.delete(5L, true)).thenReturn(2, 0);

        assertTrue(manager.deleteProfile(cmd));
        assertTrue(manager.deleteProfile(cmd));

        verify(presizeService, times(1)).syncAllRecorded("profile deleted");
    }

    @Test
    public void aFailingCleanUpIsLoggedNotThrown() {
        when(scaleService.recoverInterruptedPlans()).thenThrow(new IllegalStateException("database away"));
        when(presizeService.syncAllRecorded(anyString())).thenThrow(new IllegalStateException("database away"));
        manager.recoverInterruptedPlans();
        verify(scaleService).recoverInterruptedPlans();
        verify(reconcileService).requestAllBound("management server start");
    }
}
