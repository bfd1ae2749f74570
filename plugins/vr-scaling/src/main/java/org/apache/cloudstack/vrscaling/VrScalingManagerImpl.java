package org.apache.cloudstack.vrscaling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;
import javax.naming.ConfigurationException;

import org.apache.cloudstack.api.command.admin.vrscaling.ClearVirtualRouterProfilePlanCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.CreateVirtualRouterProfileCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.DeleteVirtualRouterProfileCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.GetVirtualRouterDiagnosisCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.ListVirtualRouterProfilesCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.ResetVirtualRouterProfileCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.ScaleVirtualRouterProfileCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.UpdateVirtualRouterProfileCmd;
import org.apache.cloudstack.context.CallContext;
import org.apache.cloudstack.framework.config.ConfigKey;
import org.apache.cloudstack.framework.config.Configurable;
import org.apache.cloudstack.framework.jobs.AsyncJob;
import org.apache.cloudstack.framework.messagebus.MessageBus;
import org.apache.cloudstack.managed.context.ManagedContextRunnable;
import org.apache.cloudstack.vrscaling.access.ResourceAccess;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.diagnosis.DiagnosisService;
import org.apache.cloudstack.vrscaling.diagnosis.RouterDiagnosis;
import org.apache.cloudstack.vrscaling.lifecycle.JobStateSubscriber;
import org.apache.cloudstack.vrscaling.lifecycle.LifecycleRunner;
import org.apache.cloudstack.vrscaling.lifecycle.ProfileBindings;
import org.apache.cloudstack.vrscaling.lifecycle.ReconcileService;
import org.apache.cloudstack.vrscaling.lifecycle.RouterStateListener;
import org.apache.cloudstack.vrscaling.presize.PresizeService;
import org.apache.cloudstack.vrscaling.profile.ProfileService;
import org.apache.cloudstack.vrscaling.profile.ProfileSpec;
import org.apache.cloudstack.vrscaling.profile.ProfileView;
import org.apache.cloudstack.vrscaling.scale.ScaleReport;
import org.apache.cloudstack.vrscaling.scale.ScaleService;

import com.cloud.event.ActionEvent;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.user.Account;
import com.cloud.user.User;
import com.cloud.utils.Pair;
import com.cloud.utils.component.ManagerBase;
import com.cloud.utils.component.PluggableService;
import com.cloud.vm.VirtualMachine;

/** Thin entry point: exposes the commands and settings, records events, delegates to the services. */
public class VrScalingManagerImpl extends ManagerBase implements VrScalingManager, PluggableService, Configurable {
    /** Agents reconnect after a management server starts; starting routers before that would fail. */
    static final long RECOVERY_DELAY_SECONDS = 120;
    /** How often plans whose management server is no longer Up are looked for after start-up. */
    static final long ORPHAN_SWEEP_SECONDS = 300;

    @Inject
    ProfileService profileService;
    @Inject
    ScaleService scaleService;
    @Inject
    ProfileBindings profileBindings;
    @Inject
    RouterStateListener routerStateListener;
    @Inject
    JobStateSubscriber jobStateSubscriber;
    @Inject
    LifecycleRunner lifecycleRunner;
    @Inject
    MessageBus messageBus;
    @Inject
    ReconcileService reconcileService;
    @Inject
    DiagnosisService diagnosisService;
    @Inject
    PresizeService presizeService;
    @Inject
    ResourceAccess resourceAccess;

    ScheduledExecutorService recoveryExecutor;

    @Override
    public List<Class<?>> getCommands() {
        return new ArrayList<>(Arrays.asList(CreateVirtualRouterProfileCmd.class, ListVirtualRouterProfilesCmd.class,
                UpdateVirtualRouterProfileCmd.class, DeleteVirtualRouterProfileCmd.class,
                ScaleVirtualRouterProfileCmd.class, ResetVirtualRouterProfileCmd.class,
                GetVirtualRouterDiagnosisCmd.class, ClearVirtualRouterProfilePlanCmd.class));
    }

    @Override
    public String getConfigComponentName() {
        return VrScalingManager.class.getSimpleName();
    }

    @Override
    public ConfigKey<?>[] getConfigKeys() {
        return VrScalingSettings.allKeys();
    }

    @Override
    public boolean configure(String name, Map<String, Object> params) throws ConfigurationException {
        super.configure(name, params);
        // Where CloudStack's own router manager registers: before any router can start.
        VirtualMachine.State.getStateMachine().registerListener(routerStateListener);
        return true;
    }

    @Override
    public boolean start() {
        lifecycleRunner.start();
        messageBus.subscribe(AsyncJob.Topics.JOB_STATE, jobStateSubscriber);
        if (recoveryExecutor == null) {
            recoveryExecutor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "VrScalingRecovery");
                thread.setDaemon(true);
                return thread;
            });
        }
        recoveryExecutor.schedule(new ManagedContextRunnable() {
            @Override
            protected void runInContext() {
                recoverInterruptedPlans();
            }
        }, RECOVERY_DELAY_SECONDS, TimeUnit.SECONDS);
        recoveryExecutor.scheduleWithFixedDelay(new ManagedContextRunnable() {
            @Override
            protected void runInContext() {
                sweepOrphanedPlans();
            }
        }, RECOVERY_DELAY_SECONDS + ORPHAN_SWEEP_SECONDS, ORPHAN_SWEEP_SECONDS, TimeUnit.SECONDS);
        logger.info("VR Scale start-up recovery of interrupted scale plans runs in {} s, then every {} s for plans "
                + "whose management server is no longer Up", RECOVERY_DELAY_SECONDS, ORPHAN_SWEEP_SECONDS);
        return true;
    }

    @Override
    public boolean stop() {
        messageBus.unsubscribe(AsyncJob.Topics.JOB_STATE, jobStateSubscriber);
        lifecycleRunner.stop();
        if (recoveryExecutor != null) {
            recoveryExecutor.shutdownNow();
        }
        return true;
    }

    /** Takes over plans left RUNNING by a management server that is no longer Up; logs instead of throwing. */
    void sweepOrphanedPlans() {
        try {
            CallContext.register(User.UID_SYSTEM, Account.ACCOUNT_ID_SYSTEM);
            try {
                int recovered = scaleService.recoverInterruptedPlans();
                if (recovered > 0) {
                    logger.warn("VR Scale took over {} scale plan(s) left by a management server that stopped",
                            recovered);
                }
            } finally {
                CallContext.unregister();
            }
        } catch (Exception e) {
            logger.error("VR Scale could not look for orphaned scale plans: {}", e.getMessage(), e);
        }
    }

    /**
     * Cleans up plans a crashed management server left running, then re-checks every bound network/VPC; logs
     * instead of throwing (background task).
     */
    void recoverInterruptedPlans() {
        try {
            CallContext.register(User.UID_SYSTEM, Account.ACCOUNT_ID_SYSTEM);
            try {
                int recovered = scaleService.recoverInterruptedPlans();
                if (recovered > 0) {
                    logger.warn("VR Scale cleaned up {} interrupted scale plan(s)", recovered);
                }
            } finally {
                CallContext.unregister();
            }
        } catch (Exception e) {
            logger.error("VR Scale could not clean up interrupted scale plans: {}", e.getMessage(), e);
        }
        try {
            // Unbound or switched-off scopes still on a derived offering go back to their own. Offering creation
            // and its events need a call context, as in an API call.
            CallContext.register(User.UID_SYSTEM, Account.ACCOUNT_ID_SYSTEM);
            try {
                int presized = presizeService.syncAllRecorded("management server start");
                logger.info("VR Scale checked {} pre-sized network(s)/VPC(s)", presized);
            } finally {
                CallContext.unregister();
            }
        } catch (Exception e) {
            logger.error("VR Scale could not check pre-sized networks at start-up: {}", e.getMessage(), e);
        }
        try {
            // Rescale requests wait in memory; after a restart the database says what still needs doing.
            int queued = reconcileService.requestAllBound("management server start");
            logger.info("VR Scale checks {} bound network(s)/VPC(s) for routers at another size", queued);
        } catch (Exception e) {
            logger.error("VR Scale could not check bound networks at start-up: {}", e.getMessage(), e);
        }
    }

    @Override
    @ActionEvent(eventType = VrScalingEventTypes.PROFILE_CREATE, eventDescription = "creating virtual router profile")
    public ProfileView createProfile(CreateVirtualRouterProfileCmd cmd) {
        resourceAccess.checkRootAdmin("create a virtual router profile");
        ProfileSpec spec = new ProfileSpec(cmd.getName(), cmd.getDisplayText(), cmd.getCpuNumber(), cmd.getCpuSpeed(),
                cmd.getMemory(), cmd.getServiceOfferingId(), cmd.getStorageType(), cmd.getTuningOverrides(),
                cmd.isForce());
        ServiceOfferingVO offering = profileService.create(spec);
        return withForcedVerdict(offering, profileService.view(offering, null), cmd.isForce());
    }

    /** Marks a view accepted only because of forced=true, and names the profile (and the override) in the event. */
    private static ProfileView withForcedVerdict(ServiceOfferingVO offering, ProfileView view, boolean force) {
        String label = VrScalingLabels.profile(offering);
        if (force && !view.getConntrackBudget().fits()) {
            eventDetails(label + "; accepted with forced=true although " + view.getConntrackBudget().describe());
            return view.withConntrackForced();
        }
        eventDetails(label);
        return view;
    }

    @Override
    public Pair<List<ProfileView>, Integer> listProfiles(ListVirtualRouterProfilesCmd cmd) {
        if (cmd.getNetworkId() != null || cmd.getVpcId() != null) {
            return listBoundProfile(cmd);
        }
        Pair<List<ServiceOfferingVO>, Integer> offerings = profileService.list(cmd.getId(), cmd.getName(),
                cmd.getKeyword(), cmd.getStartIndex(), cmd.getPageSizeVal());
        List<ProfileView> views = new ArrayList<>();
        for (ServiceOfferingVO offering : offerings.first()) {
            views.add(profileService.view(offering, null));
        }
        return new Pair<>(views, offerings.second());
    }

    /** The profile a network or VPC is bound to, shown only to a caller who may see that network or VPC. */
    private Pair<List<ProfileView>, Integer> listBoundProfile(ListVirtualRouterProfilesCmd cmd) {
        if (cmd.getNetworkId() != null && cmd.getVpcId() != null) {
            throw VrScalingErrors.badInput("Pass at most one of networkid and vpcid to listVirtualRouterProfiles");
        }
        resourceAccess.checkList(cmd.getNetworkId(), cmd.getVpcId());
        BindingScope scope = scaleService.syncScope(cmd.getNetworkId(), cmd.getVpcId(), null);
        if (scope == null) {
            throw VrScalingErrors.badInput("Unable to find " + (cmd.getNetworkId() != null ? "network with id "
                    + cmd.getNetworkId() : "VPC with id " + cmd.getVpcId()));
        }
        ServiceOfferingVO bound = profileService.boundProfile(scope);
        if (bound == null || (cmd.getId() != null && cmd.getId().longValue() != bound.getId())
                || (cmd.getName() != null && !cmd.getName().equalsIgnoreCase(bound.getName()))) {
            return new Pair<>(new ArrayList<>(), 0);
        }
        List<ProfileView> views = new ArrayList<>();
        views.add(profileService.view(bound, null));
        return new Pair<>(views, 1);
    }

    @Override
    @ActionEvent(eventType = VrScalingEventTypes.PROFILE_UPDATE, eventDescription = "updating virtual router profile")
    public ProfileView updateProfile(UpdateVirtualRouterProfileCmd cmd) {
        resourceAccess.checkRootAdmin("change a virtual router profile");
        if (cmd.hasSizeParameters()) {
            throw VrScalingErrors.badInput("A profile's size (cpunumber, cpuspeed, memory) cannot change, as for any "
                    + "CloudStack offering: create a new profile and scale the routers to it");
        }
        ServiceOfferingVO offering = profileService.update(cmd.getId(), cmd.getName(), cmd.getDisplayText(),
                cmd.getTuningOverrides(), cmd.getResetTuning(), cmd.isForce());
        return withForcedVerdict(offering, profileService.view(offering, null), cmd.isForce());
    }

    @Override
    @ActionEvent(eventType = VrScalingEventTypes.PROFILE_DELETE, eventDescription = "deleting virtual router profile")
    public boolean deleteProfile(DeleteVirtualRouterProfileCmd cmd) {
        resourceAccess.checkRootAdmin("delete a virtual router profile");
        // Before the delete, so that a refusal's event names the profile too.
        eventDetails(VrScalingLabels.profile(cmd.getId() == null ? null
                : profileService.findOfferingIncludingRemoved(cmd.getId())));
        if (profileService.delete(cmd.getId(), cmd.isForced()) > 0) {
            // The removed bindings may have left networks on copies of their offering that name this profile.
            presizeService.syncAllRecorded("profile deleted");
        }
        return true;
    }

    @Override
    public List<RouterDiagnosis> diagnose(GetVirtualRouterDiagnosisCmd cmd) {
        resourceAccess.checkOperate(cmd.getNetworkId(), cmd.getVpcId(), cmd.getRouterId());
        return diagnosisService.diagnose(cmd.getNetworkId(), cmd.getVpcId(), cmd.getRouterId(),
                cmd.getSampleSeconds());
    }

    @Override
    public ScaleReport scale(ScaleVirtualRouterProfileCmd cmd) {
        resourceAccess.checkOperate(cmd.getNetworkId(), cmd.getVpcId(), cmd.getRouterId());
        return scaleService.scale(cmd.getNetworkId(), cmd.getVpcId(), cmd.getRouterId(), cmd.getProfileId(),
                cmd.getDryRun());
    }

    @Override
    @ActionEvent(eventType = VrScalingEventTypes.PROFILE_RESET, eventDescription = "resetting virtual router profile")
    public boolean resetProfile(ResetVirtualRouterProfileCmd cmd) {
        resourceAccess.checkOperate(cmd.getNetworkId(), cmd.getVpcId(), null);
        // The switch back to the network's own offering happens under the reset's lock, as every writer's.
        BindingScope scope = profileBindings.unbind(cmd.getNetworkId(), cmd.getVpcId(), presizeService::sync);
        eventDetails(scope.toString());
        return true;
    }

    /**
     * The @ActionEvent descriptions above are fixed text; CloudStack appends the call's event details to them, so
     * the event names the resource (by name and uuid, as {@link VrScalingLabels} prints it).
     */
    private static void eventDetails(String resource) {
        CallContext context = CallContext.current();
        if (context != null) {
            context.setEventDetails(resource);
        }
    }

    @Override
    @ActionEvent(eventType = VrScalingEventTypes.PLAN_CLEAR, eventDescription = "clearing a stuck VR Scale plan",
            async = true)
    public String clearPlan(ClearVirtualRouterProfilePlanCmd cmd) {
        resourceAccess.checkOperate(cmd.getNetworkId(), cmd.getVpcId(), null);
        return scaleService.clearPlan(cmd.getNetworkId(), cmd.getVpcId());
    }

    @Override
    public BindingScope syncScope(Long networkId, Long vpcId, Long routerId) {
        return scaleService.syncScope(networkId, vpcId, routerId);
    }
}
