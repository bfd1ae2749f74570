package org.apache.cloudstack.vrscaling.scale;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.cloudstack.api.ServerApiException;
import org.apache.cloudstack.vrscaling.VrScalingErrors;
import org.apache.cloudstack.vrscaling.VrScalingEventTypes;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.framework.jobs.dao.AsyncJobDao;
import org.apache.cloudstack.management.ManagementServerHost;
import org.apache.cloudstack.utils.identity.ManagementServerNode;
import org.apache.cloudstack.vrscaling.core.lifecycle.RestartJobRule;
import org.apache.cloudstack.vrscaling.core.plan.PlanRefusedException;
import org.apache.cloudstack.vrscaling.core.plan.PlanTarget;
import org.apache.cloudstack.vrscaling.core.plan.Refusal;
import org.apache.cloudstack.vrscaling.core.plan.RollingPlan;
import org.apache.cloudstack.vrscaling.core.plan.RollingPlanner;
import org.apache.cloudstack.vrscaling.core.plan.RouterObservation;
import org.apache.cloudstack.vrscaling.core.plan.RouterRunState;
import org.apache.cloudstack.vrscaling.core.plan.RouterStep;
import org.apache.cloudstack.vrscaling.core.profile.RouterProfile;
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.lifecycle.LifecycleEvents;
import org.apache.cloudstack.vrscaling.lifecycle.ScopeLock;
import org.apache.cloudstack.vrscaling.presize.PresizeService;
import org.apache.cloudstack.vrscaling.profile.ProfileService;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.cluster.ManagementServerHostVO;
import com.cloud.cluster.dao.ManagementServerHostDao;
import com.cloud.network.Network;
import com.cloud.network.VpcVirtualNetworkApplianceService;
import com.cloud.network.dao.NetworkDao;
import com.cloud.network.dao.NetworkVO;
import com.cloud.network.vpc.Vpc;
import com.cloud.network.vpc.VpcVO;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VirtualMachineManager;
import com.cloud.vm.dao.DomainRouterDao;

/** Resolves what to scale, validates it, binds the profile, plans with the core and hands the plan to the executor. */
public class ScaleService {
    private static final Logger LOG = LogManager.getLogger(ScaleService.class);
    private static final String[] ROUTER_CHANGING_COMMANDS =
            RestartJobRule.ROUTER_CHANGING_COMMANDS.toArray(new String[0]);

    @Inject
    ProfileService profileService;
    @Inject
    BindingStore bindingStore;
    @Inject
    RouterObserver routerObserver;
    @Inject
    PlanExecutor planExecutor;
    @Inject
    NetworkDao networkDao;
    @Inject
    VpcDao vpcDao;
    @Inject
    DomainRouterDao routerDao;
    @Inject
    VirtualMachineManager vmManager;
    /** CloudStack has two router managers (the VPC one extends the other) and injects them by the VPC type. */
    @Inject
    VpcVirtualNetworkApplianceService routerService;
    @Inject
    VrScalingSettings settings;
    @Inject
    PresizeService presizeService;
    @Inject
    CapacityCheck capacityCheck;
    @Inject
    ManagementServerHostDao managementServerHostDao;

    @Inject
    ScopeLock scopeLock;
    @Inject
    LifecycleEvents events;
    @Inject
    AsyncJobDao asyncJobDao;

    RollingPlanner planner = new RollingPlanner();
    String managementServer = localName();
    /** mshost.msid of this server: plans record it, so a peer can tell whether their owner is still Up. */
    long managementServerId = ManagementServerNode.getManagementServerId();
    /** Plans recorded as started before this are ones this server can have been interrupted in. */
    long serverStartedMillis = System.currentTimeMillis();

    public ScaleReport scale(Long networkId, Long vpcId, Long routerId, Long profileId, Boolean dryRun) {
        checkExactlyOneTarget(networkId, vpcId, routerId);
        ServiceOfferingVO offering = profileService.findProfileOffering(profileId);
        DomainRouterVO singleRouter = routerId == null ? null : findRouter(routerId);
        BindingScope scope = singleRouter != null ? scopeOfRouter(singleRouter)
                : networkId != null ? networkScope(networkId) : vpcScope(vpcId);
        boolean onlyPlan = dryRun == null ? settings.defaultDryRun() : dryRun;
        if (onlyPlan) {
            return run(scope, offering, singleRouter, true);
        }
        // 4.22 queues API jobs without their sync object, so the scope's cluster-wide lock is what serializes every
        // writer: API scales, the automatic rescale, reset and start-up recovery.
        ScopeLock.Held held = scopeLock.tryLock(scope);
        if (held == null) {
            throw VrScalingErrors.refused("Refused, nothing was changed: another VR Scale plan is changing the "
                    + "routers of " + scope + " right now (last recorded progress: " + planDescription(scope)
                    + "); run the scale again when it has finished");
        }
        try {
            String busy = busyWith(scope);
            if (busy != null) {
                throw VrScalingErrors.refused("Refused, nothing was changed: " + busy + "; run the scale again "
                        + "when it has finished");
            }
            return run(scope, offering, singleRouter, false);
        } finally {
            held.close();
        }
    }

    /**
     * The automatic path: brings a bound scope's routers to the profile. The caller holds the scope's lock and has
     * checked that nothing else runs on it; the scope is resolved and validated again here.
     */
    public ScaleReport rescale(BindingScope scope, long profileId) {
        ServiceOfferingVO offering = profileService.findProfileOffering(profileId);
        return run(scope.isVpc() ? vpcScope(scope.getId()) : networkScope(scope.getId()), offering, null, false);
    }

    /** Why the scope's routers must not be touched now (a VR Scale plan or a CloudStack job on them), or null. */
    public String busyWith(BindingScope scope) {
        if (bindingStore.planRunning(scope)) {
            return "a VR Scale plan is running on " + scope + " (" + planDescription(scope) + ")";
        }
        for (String uuid : uuidsTouching(scope)) {
            // The job's parameters are stored as JSON: the uuid in quotes is a value, not part of another one.
            if (asyncJobDao.countPendingJobs("\"" + uuid + "\"", ROUTER_CHANGING_COMMANDS) > 0) {
                return "a CloudStack job (restart, update, router start/stop, ...) naming " + uuid + " is still "
                        + "running on " + scope;
            }
        }
        return null;
    }

    /** The scope, its VPC tiers and its routers: what a router-changing job's parameters can name. */
    private List<String> uuidsTouching(BindingScope scope) {
        List<String> uuids = new ArrayList<>();
        if (scope.getUuid() != null) {
            uuids.add(scope.getUuid());
        }
        if (scope.isVpc()) {
            for (NetworkVO tier : networkDao.listByVpc(scope.getId())) {
                uuids.add(tier.getUuid());
            }
        }
        for (DomainRouterVO router : routerObserver.routers(scope)) {
            uuids.add(router.getUuid());
        }
        return uuids;
    }

    private String planDescription(BindingScope scope) {
        String step = bindingStore.step(scope.getType(), scope.getId());
        String owner = bindingStore.owner(scope.getType(), scope.getId());
        return "step " + (step == null ? "unknown" : step) + " on management server "
                + (owner == null ? "unknown" : owner);
    }

    private ScaleReport run(BindingScope scope, ServiceOfferingVO offering, DomainRouterVO singleRouter,
                            boolean onlyPlan) {
        RouterProfile profile = profileService.toProfile(offering);
        KernelTuning tuning = profile.effectiveTuning(settings.sizingModel(scope.getZoneId()));
        PlanTarget target = new PlanTarget(offering.getId(), profile.getSize(),
                (int) tuning.value(TuningKey.NIC_QUEUES));
        List<DomainRouterVO> routers = routerObserver.routers(scope);
        boolean targetLocal = profileService.usesLocalStorage(offering);
        checkStorage(routers, targetLocal, offering);
        List<RouterObservation> observations = routerObserver.observe(routers);
        checkRedundantPairUp(scope, observations);
        RollingPlan plan = plan(observations, target);

        List<RouterStep> steps = new ArrayList<>(plan.getSteps());
        List<String> warnings = new ArrayList<>(plan.getWarnings());
        if (singleRouter != null) {
            steps.removeIf(step -> step.getRouter().getId() != singleRouter.getId());
            warnings.add("Single router " + singleRouter.getInstanceName() + ": the other routers of " + scope
                    + " and its profile binding are left as they are");
        }
        // Before anything stops, and in the dry run too: a size no host can carry is refused with the numbers.
        warnings.addAll(capacityCheck.check(scope, steps, routers, offering));
        if (onlyPlan) {
            return new ScaleReport(scope, offering, true, false, plan, tuning, reportsOf(steps), warnings,
                    offeringsOf(steps, offering));
        }

        // Marked running first, so the lifecycle hook and other management servers keep off while it runs.
        bindingStore.planStarted(scope, managementServer, managementServerId, System.currentTimeMillis());
        List<RouterReport> done;
        try {
            done = planExecutor.execute(scope, steps, tuning, targetLocal, warnings);
        } catch (ServerApiException e) {
            bindingStore.planFinished(scope.getType(), scope.getId(), false, e.getDescription());
            throw e;
        } catch (RuntimeException e) {
            bindingStore.planFinished(scope.getType(), scope.getId(), false, e.getMessage());
            throw VrScalingErrors.failed("Scaling " + scope + " failed: " + e.getMessage());
        }
        // Bound only once every router runs the profile: a failed plan leaves the binding as it was, so the
        // automatic path never retries a size the cloud could not carry.
        boolean bind = singleRouter == null;
        if (bind) {
            bindingStore.bind(scope, offering.getUuid());
            // An operator's successful scale ends any back-off of the automatic path.
            bindingStore.automaticReset(scope);
            // After the rescale, so a refused or failed switch never costs the routers their new size; before the
            // plan is marked finished, so the automatic path and a reset wait for it.
            String presize = presizeService.sync(scope);
            if (presize != null) {
                warnings.add(presize);
            }
        }
        bindingStore.planFinished(scope.getType(), scope.getId(), true, String.format(Locale.ROOT,
                "%d router(s) at profile %s, %d reboot(s)", done.size(), offering.getName(),
                done.stream().mapToInt(RouterReport::getReboots).sum()));
        return new ScaleReport(scope, offering, false, bind, plan, tuning, done, warnings,
                offeringsOf(steps, offering));
    }

    /** The network or VPC a call queues on, or null when the ids do not resolve (execute() then explains). */
    public BindingScope syncScope(Long networkId, Long vpcId, Long routerId) {
        try {
            if (routerId != null) {
                DomainRouterVO router = routerDao.findById(routerId);
                return router == null ? null : scopeOfRouter(router);
            }
            if (networkId != null) {
                NetworkVO network = networkDao.findById(networkId);
                if (network != null && network.getVpcId() != null) {
                    return new BindingScope(BindingScope.Type.VPC, network.getVpcId(), null, null, 0);
                }
                return network == null ? null : new BindingScope(BindingScope.Type.NETWORK, networkId, null, null, 0);
            }
            return vpcId == null ? null : new BindingScope(BindingScope.Type.VPC, vpcId, null, null, 0);
        } catch (ServerApiException e) {
            return null;
        }
    }

    /**
     * Clean-up of plans nobody runs any more: those this server was running when it went down, and those whose
     * management server is no longer Up in CloudStack's management-server table. Each is taken over under the
     * scope's lock (a live plan holds it), marked FAILED, and the routers it had stopped are started again.
     * Runs at start-up and then periodically. Returns how many plans it cleaned up.
     */
    public int recoverInterruptedPlans() {
        int recovered = 0;
        for (BindingStore.RunningPlan plan : bindingStore.runningPlans()) {
            String why = interruptedBecause(plan);
            if (why == null) {
                continue;
            }
            BindingScope scope = named(plan);
            ScopeLock.Held held = scopeLock.tryLock(scope);
            if (held == null) {
                LOG.info("VR Scale plan on {} {} is held by a live actor: left to it", plan.getType(),
                        plan.getResourceId());
                continue;
            }
            try {
                if (!bindingStore.planRunning(scope)) {
                    continue;
                }
                recover(plan, scope, why);
            } finally {
                held.close();
            }
            recovered++;
        }
        return recovered;
    }

    /** The plan's network or VPC with its name and uuid for notes and events; bare when it is gone. */
    private BindingScope named(BindingStore.RunningPlan plan) {
        try {
            return plan.getType() == BindingScope.Type.VPC ? anyVpcScope(plan.getResourceId())
                    : anyNetworkScope(plan.getResourceId());
        } catch (ServerApiException e) {
            return new BindingScope(plan.getType(), plan.getResourceId(), null, null, 0);
        }
    }

    /** Why nobody can be running the plan any more, or null when its owner may still be running it. */
    String interruptedBecause(BindingStore.RunningPlan plan) {
        String owner = bindingStore.owner(plan.getType(), plan.getResourceId());
        Long ownerMsid = bindingStore.ownerMsid(plan.getType(), plan.getResourceId());
        Long started = bindingStore.started(plan.getType(), plan.getResourceId());
        boolean mine = ownerMsid != null ? ownerMsid == managementServerId
                : owner == null || owner.isEmpty() || owner.equals(managementServer);
        if (mine) {
            if (started != null && started >= serverStartedMillis) {
                LOG.info("VR Scale plan on {} {} began after this management server started: left to run",
                        plan.getType(), plan.getResourceId());
                return null;
            }
            return "management server " + managementServer + " (this one) stopped while the plan ran";
        }
        if (ownerMsid == null) {
            // Recorded before plans carried the owner's msid: only its owner can tell.
            LOG.info("VR Scale plan on {} {} belongs to management server {}: left to it", plan.getType(),
                    plan.getResourceId(), owner);
            return null;
        }
        ManagementServerHostVO server = managementServerHostDao.findByMsid(ownerMsid);
        if (server != null && server.getState() == ManagementServerHost.State.Up) {
            LOG.debug("VR Scale plan on {} {} belongs to management server {}, which is Up: left to it",
                    plan.getType(), plan.getResourceId(), owner);
            return null;
        }
        return "its management server " + owner + " (msid " + ownerMsid + ") is "
                + (server == null ? "not in the management server table" : server.getState());
    }

    /**
     * An administrator's way out of a plan left RUNNING by a management server that stopped: the same clean-up as
     * recovery, at once. Refused while any actor holds the scope's lock, which a live plan always does.
     */
    public String clearPlan(Long networkId, Long vpcId) {
        if ((networkId == null) == (vpcId == null)) {
            throw VrScalingErrors.badInput("Exactly one of networkid or vpcid is required");
        }
        BindingScope scope = networkId != null ? anyNetworkScope(networkId) : anyVpcScope(vpcId);
        ScopeLock.Held held = scopeLock.tryLock(scope);
        if (held == null) {
            throw VrScalingErrors.refused("Refused, nothing was changed: the plan on " + scope + " is alive ("
                    + planDescription(scope) + "): it holds the scope's lock; wait for it to finish");
        }
        try {
            if (!bindingStore.planRunning(scope)) {
                throw VrScalingErrors.refused("Refused, nothing was changed: no VR Scale plan is recorded RUNNING "
                        + "on " + scope);
            }
            return recover(new BindingStore.RunningPlan(scope.getType(), scope.getId()), scope,
                    "an administrator cleared it (clearVirtualRouterProfilePlan), its management server "
                            + owner(scope) + " no longer running it");
        } finally {
            held.close();
        }
    }

    private String owner(BindingScope scope) {
        String owner = bindingStore.owner(scope.getType(), scope.getId());
        return owner == null || owner.isEmpty() ? "unknown" : owner;
    }

    /** Starts what the plan stopped (at its previous size when the new one does not start) and marks it FAILED. */
    private String recover(BindingStore.RunningPlan plan, BindingScope scope, String why) {
        List<String> started = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Map<Long, Long> touched = bindingStore.touchedOfferings(plan.getType(), plan.getResourceId());
        for (Map.Entry<Long, Long> entry : touched.entrySet()) {
            DomainRouterVO router = routerDao.findById(entry.getKey());
            if (router == null || router.getState() != VirtualMachine.State.Stopped) {
                continue;
            }
            String label = router.getInstanceName() + " (" + router.getUuid() + ")";
            try {
                routerService.startRouter(router.getId(), true);
                started.add(label);
                continue;
            } catch (Exception e) {
                String firstFailure = e.getMessage();
                String second = startAtPreviousOffering(router, entry.getValue());
                if (second == null) {
                    started.add(label + " at its previous offering " + offeringLabel(entry.getValue()) + " (at "
                            + offeringLabel(router.getServiceOfferingId()) + ": " + firstFailure + ")");
                } else {
                    failed.add(label + " (" + firstFailure + (second.isEmpty() ? "" : "; " + second) + ")");
                }
            }
        }
        String note = String.format(Locale.ROOT, "Interrupted at step '%s': %s. Routers started again: %s.%s The "
                + "binding did not change: the automatic path brings the routers of a bound network/VPC back to its "
                + "profile (vrscaling.automatic.enabled); otherwise run scaleVirtualRouterProfile again.",
                bindingStore.step(plan.getType(), plan.getResourceId()), why,
                started.isEmpty() ? "none needed" : String.join(", ", started),
                failed.isEmpty() ? "" : " Could NOT start: " + String.join(", ", failed) + ": start them by hand.");
        bindingStore.planFinished(plan.getType(), plan.getResourceId(), false, note);
        LOG.warn("VR Scale plan on {} {} cleaned up by {}: {}", plan.getType(), plan.getResourceId(),
                managementServer, note);
        // The note is overwritten by the next plan (the automatic path may start one right away): keep an event.
        events.warn(VrScalingEventTypes.RECOVERY, note, scope);
        return note;
    }

    /** Puts a stopped router back on the offering it ran before the plan and starts it; null when it started. */
    private String startAtPreviousOffering(DomainRouterVO router, Long previousOfferingId) {
        if (previousOfferingId == null || previousOfferingId == router.getServiceOfferingId()) {
            return "";
        }
        try {
            DomainRouterVO now = routerDao.findById(router.getId());
            if (now == null || now.getState() != VirtualMachine.State.Stopped) {
                return "it is " + (now == null ? "gone" : now.getState()) + " now";
            }
            now.setServiceOfferingId(previousOfferingId);
            routerDao.update(now.getId(), now);
            routerService.startRouter(now.getId(), true);
            return null;
        } catch (Exception e) {
            return "at its previous offering " + offeringLabel(previousOfferingId) + ": " + e.getMessage();
        }
    }

    private String offeringLabel(Long offeringId) {
        ServiceOfferingVO offering = offeringId == null ? null : profileService.findOfferingIncludingRemoved(offeringId);
        return offering == null ? String.valueOf(offeringId) : offering.getName() + " (" + offering.getUuid() + ")";
    }

    /** A network or VPC by id, whatever its state: a plan's clean-up must work on a network that went down. */
    private BindingScope anyNetworkScope(long networkId) {
        NetworkVO network = networkDao.findById(networkId);
        if (network == null) {
            throw VrScalingErrors.badInput("Unable to find network with id " + networkId);
        }
        if (network.getVpcId() != null) {
            return anyVpcScope(network.getVpcId());
        }
        return new BindingScope(BindingScope.Type.NETWORK, network.getId(), network.getUuid(), network.getName(),
                network.getDataCenterId());
    }

    private BindingScope anyVpcScope(long vpcId) {
        VpcVO vpc = vpcDao.findById(vpcId);
        if (vpc == null) {
            throw VrScalingErrors.badInput("Unable to find VPC with id " + vpcId);
        }
        return new BindingScope(BindingScope.Type.VPC, vpc.getId(), vpc.getUuid(), vpc.getName(), vpc.getZoneId());
    }

    private static void checkExactlyOneTarget(Long networkId, Long vpcId, Long routerId) {
        List<String> given = new ArrayList<>();
        if (networkId != null) {
            given.add("networkid");
        }
        if (vpcId != null) {
            given.add("vpcid");
        }
        if (routerId != null) {
            given.add("routerid");
        }
        if (given.size() != 1) {
            throw VrScalingErrors.badInput("Exactly one of networkid, vpcid or routerid is required"
                    + (given.isEmpty() ? "" : " (got " + String.join(", ", given) + ")"));
        }
    }

    private DomainRouterVO findRouter(long routerId) {
        DomainRouterVO router = routerDao.findById(routerId);
        if (router == null) {
            throw VrScalingErrors.badInput("Unable to find router with id " + routerId);
        }
        return RouterObserver.requireVirtualRouter(router);
    }

    private BindingScope scopeOfRouter(DomainRouterVO router) {
        if (router.getVpcId() != null) {
            return vpcScope(router.getVpcId());
        }
        List<Long> networks = routerDao.getRouterNetworks(router.getId());
        if (networks == null || networks.isEmpty()) {
            throw VrScalingErrors.refused("Router " + router.getInstanceName() + " serves no guest network");
        }
        return networkScope(networks.get(0));
    }

    private BindingScope networkScope(long networkId) {
        NetworkVO network = networkDao.findById(networkId);
        if (network == null) {
            throw VrScalingErrors.badInput("Unable to find network with id " + networkId);
        }
        if (network.getVpcId() != null) {
            VpcVO vpc = vpcDao.findById(network.getVpcId());
            String vpcLabel = vpc == null ? String.valueOf(network.getVpcId()) : vpc.getUuid() + " (" + vpc.getName()
                    + ")";
            throw VrScalingErrors.refused("Network " + network.getName() + " (" + network.getUuid() + ") is a tier "
                    + "of VPC " + vpcLabel + ": its routers belong to the VPC, scale it with vpcid="
                    + (vpc == null ? network.getVpcId() : vpc.getUuid()));
        }
        if (network.getState() != Network.State.Implemented && network.getState() != Network.State.Setup) {
            throw VrScalingErrors.refused("Network " + network.getName() + " (" + network.getUuid() + ") is "
                    + network.getState() + ": only Implemented or Setup networks have routers to scale");
        }
        return new BindingScope(BindingScope.Type.NETWORK, network.getId(), network.getUuid(), network.getName(),
                network.getDataCenterId());
    }

    private BindingScope vpcScope(long vpcId) {
        VpcVO vpc = vpcDao.findById(vpcId);
        if (vpc == null) {
            throw VrScalingErrors.badInput("Unable to find VPC with id " + vpcId);
        }
        if (vpc.getState() != Vpc.State.Enabled) {
            throw VrScalingErrors.refused("VPC " + vpc.getName() + " (" + vpc.getUuid() + ") is " + vpc.getState()
                    + ": only Enabled VPCs can be scaled");
        }
        return new BindingScope(BindingScope.Type.VPC, vpc.getId(), vpc.getUuid(), vpc.getName(), vpc.getZoneId());
    }

    /** The same rule changeServiceForRouter applies: the offering's storage type must match the root volume. */
    private void checkStorage(List<DomainRouterVO> routers, boolean targetLocal, ServiceOfferingVO offering) {
        List<String> mismatched = new ArrayList<>();
        for (DomainRouterVO router : routers) {
            if (router.getState() == VirtualMachine.State.Destroyed
                    || router.getState() == VirtualMachine.State.Expunging) {
                continue;
            }
            if (vmManager.isRootVolumeOnLocalStorage(router.getId()) != targetLocal) {
                mismatched.add(router.getInstanceName());
            }
        }
        if (!mismatched.isEmpty()) {
            throw VrScalingErrors.badInput(String.format(Locale.ROOT, "Profile %s (%s) is for %s storage but the "
                    + "root volume of %s is on %s storage: use a profile created with storagetype=%s",
                    offering.getName(), offering.getUuid(), targetLocal ? "local" : "shared",
                    String.join(", ", mismatched), targetLocal ? "shared" : "local",
                    targetLocal ? ProfileService.STORAGE_SHARED : ProfileService.STORAGE_LOCAL));
        }
    }

    /** A redundant pair with no member running means the network is down: rescaling it would hide that. */
    private static void checkRedundantPairUp(BindingScope scope, List<RouterObservation> observations) {
        List<RouterObservation> redundant = observations.stream().filter(RouterObservation::isRedundant)
                .filter(r -> !r.getState().isGone()).collect(Collectors.toList());
        if (!redundant.isEmpty() && redundant.stream().noneMatch(r -> r.getState() == RouterRunState.RUNNING)) {
            throw VrScalingErrors.refused("No redundant router of " + scope + " is Running ("
                    + redundant.stream().map(RouterObservation::toString).collect(Collectors.joining(", "))
                    + "): the network is down; bring it back (restartNetwork / restartVPC) before rescaling");
        }
    }

    private RollingPlan plan(List<RouterObservation> observations, PlanTarget target) {
        try {
            return planner.plan(observations, target);
        } catch (PlanRefusedException e) {
            if (e.has(Refusal.Code.BELOW_FLOOR)) {
                throw VrScalingErrors.badInput(e.getMessage());
            }
            throw VrScalingErrors.refused("Refused, nothing was changed: " + e.getMessage());
        }
    }

    private Map<Long, ServiceOfferingVO> offeringsOf(List<RouterStep> steps, ServiceOfferingVO profileOffering) {
        Map<Long, ServiceOfferingVO> offerings = new HashMap<>();
        offerings.put(profileOffering.getId(), profileOffering);
        for (RouterStep step : steps) {
            offerings.computeIfAbsent(step.getFromOfferingId(), profileService::findOfferingIncludingRemoved);
        }
        return offerings;
    }

    private static List<RouterReport> reportsOf(List<RouterStep> steps) {
        return steps.stream().map(RouterReport::new).collect(Collectors.toList());
    }

    private static String localName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-management-server";
        }
    }
}
