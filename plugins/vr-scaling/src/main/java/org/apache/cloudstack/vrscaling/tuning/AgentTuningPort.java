package org.apache.cloudstack.vrscaling.tuning;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.inject.Inject;

import org.apache.cloudstack.vrscaling.VrScalingDetails;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.agent.VrTuningCommand;
import org.apache.cloudstack.vrscaling.agent.VrTuningReport;
import org.apache.cloudstack.vrscaling.agent.delivery.DeployerChannel;
import org.apache.cloudstack.vrscaling.agent.delivery.VrDelivery;
import org.apache.cloudstack.vrscaling.core.hypervisor.DeliveryPath;
import org.apache.cloudstack.vrscaling.core.hypervisor.HypervisorSupport;
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.tuning.KeyResult;
import org.apache.cloudstack.vrscaling.core.tuning.TuningDigest;
import org.apache.cloudstack.vrscaling.core.tuning.TuningMode;
import org.apache.cloudstack.vrscaling.core.tuning.TuningOutcome;
import org.apache.cloudstack.vrscaling.core.tuning.TuningPort;
import org.apache.cloudstack.vrscaling.core.tuning.TuningVerifier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.agent.AgentManager;
import com.cloud.agent.api.Answer;
import com.cloud.agent.resource.virtualnetwork.VirtualRouterDeployer;
import com.cloud.exception.AgentUnavailableException;
import com.cloud.exception.OperationTimedoutException;
import com.cloud.hypervisor.Hypervisor;
import com.cloud.network.router.RouterControlHelper;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.dao.DomainRouterDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

/**
 * Delivers tuning to a router and reads the report back, by the router's hypervisor (core HypervisorSupport): KVM
 * through the host's agent (vr-scaling-kvm), XenServer/XCP-ng through its resource in this management server (our
 * CitrixVrTuningCommandWrapper), VMware by running the delivery routine here over SSH (VMware's resource would fail
 * the command). All three run the same routine (VrDelivery). Anything short of a readable report is "not delivered",
 * never success; other hypervisors get "tuning not delivered: no delivery path for hypervisor X".
 */
public class AgentTuningPort implements TuningPort {
    /** Router detail holding the digest of the last tuning applied successfully. */
    public static final String DIGEST_DETAIL = "vrscaling.tuning.digest";
    static final String UNSUPPORTED_PREFIX = "Unsupported command";

    private static final Logger LOG = LogManager.getLogger(AgentTuningPort.class);

    @Inject
    AgentManager agentManager;
    @Inject
    DomainRouterDao domainRouterDao;
    @Inject
    RouterControlHelper routerControlHelper;
    @Inject
    VMInstanceDetailsDao vmInstanceDetailsDao;
    @Inject
    VrScalingSettings settings;
    /** VMware routers: SSH from here with the system-VM key, as CloudStack's VMware resource reaches them. */
    VirtualRouterDeployer vmwareDeployer = new VmwareRouterDeployer(
            () -> SystemVmKey.find(AgentTuningPort.class.getClassLoader()), RouterSsh.SSH_HELPER);

    public AgentTuningPort() {
    }

    @Override
    public TuningOutcome apply(long routerId, KernelTuning tuning) {
        VrTuningReport report;
        try {
            report = exchange(routerId, VrTuningCommand.apply(tuning)).report;
        } catch (TuningNotDeliveredException e) {
            return TuningOutcome.notDelivered(e.getMessage());
        }
        TuningOutcome outcome = report.toOutcome();
        if (outcome.isOk()) {
            try {
                // An upsert: the router keeps exactly one digest, the one of what it runs now.
                vmInstanceDetailsDao.addDetail(routerId, DIGEST_DETAIL, TuningDigest.of(tuning), false);
            } catch (RuntimeException e) {
                // The router is tuned; without the digest it only looks out of date and gets the same push again.
                LOG.warn("Router {} is tuned but recording {} failed", routerId, DIGEST_DETAIL, e);
                return new TuningOutcome(true, true, outcome.isChanged(), outcome.getMessage() + "; recording "
                        + DIGEST_DETAIL + " failed: " + e.getMessage(), outcome.getKeys(), outcome.getScriptVersion());
            }
        } else {
            LOG.warn("Tuning apply on router {} did not succeed: {}", routerId, outcome.getMessage());
        }
        return outcome;
    }

    @Override
    public TuningOutcome verify(long routerId, KernelTuning tuning) {
        Exchange exchange;
        try {
            exchange = exchange(routerId, VrTuningCommand.verify(tuning));
        } catch (TuningNotDeliveredException e) {
            return TuningOutcome.notDelivered(e.getMessage());
        }
        VrTuningReport report = exchange.report;
        // The core verifier knows the kernel's rounding, the NIC limit, what the router's conntrack budget allowed
        // and what waits for nf_conntrack; the script's word on the file counts too.
        // Where the hypervisor owns the NIC queues, their count is reported as its own, never as drift.
        List<KeyResult> keys = exchange.support.adjust(TuningVerifier.compare(tuning, report.valuesInForce(),
                report.nicQueuesOffered(), report.budgetLimits(), report.pendingKeys()));
        boolean anyFailure = keys.stream().anyMatch(k -> k.getStatus().isFailure());
        boolean ok = report.isOk() && !anyFailure;
        String message = report.toOutcome().getMessage();
        return new TuningOutcome(true, ok, false, message, keys, report.version());
    }

    @Override
    public TuningOutcome remove(long routerId) {
        VrTuningReport report;
        try {
            report = exchange(routerId, VrTuningCommand.remove()).report;
        } catch (TuningNotDeliveredException e) {
            return TuningOutcome.notDelivered(e.getMessage());
        }
        TuningOutcome outcome = report.toOutcome();
        if (!outcome.isOk()) {
            LOG.warn("Tuning removal on router {} did not succeed: {}", routerId, outcome.getMessage());
            return outcome;
        }
        try {
            // Without the digest and the mark the router no longer looks VR-Scale-tuned: the next start leaves it be.
            vmInstanceDetailsDao.removeDetail(routerId, DIGEST_DETAIL);
            vmInstanceDetailsDao.removeDetail(routerId, VrScalingDetails.ROUTER_MANAGED);
        } catch (RuntimeException e) {
            LOG.warn("Router {} had its tuning file removed but clearing {} failed", routerId, DIGEST_DETAIL, e);
            return new TuningOutcome(true, true, outcome.isChanged(), outcome.getMessage() + "; clearing "
                    + DIGEST_DETAIL + " failed: " + e.getMessage(), outcome.getKeys(), outcome.getScriptVersion());
        }
        return outcome;
    }

    /**
     * Marks the router before anything is sent: a push that fails half-way, or whose answer is lost, may still have
     * written the tuning file, and the clean-up after an unbind must find the router.
     */
    private void markManaged(long routerId) {
        if (vmInstanceDetailsDao.findDetail(routerId, VrScalingDetails.ROUTER_MANAGED) != null) {
            return;
        }
        try {
            vmInstanceDetailsDao.addDetail(routerId, VrScalingDetails.ROUTER_MANAGED, Boolean.TRUE.toString(), false);
        } catch (RuntimeException e) {
            throw notDelivered("could not mark router " + routerId + " as managed by VR Scale before the push ("
                    + e.getMessage() + "): nothing was sent, so nothing needs cleaning up");
        }
    }

    /**
     * Reads the router's conntrack, drop, OOM, steal and CPU/memory measurements; changes nothing.
     *
     * @return the script's measurements as printed (integers as Long)
     * @throws TuningNotDeliveredException when the router could not be asked or did not answer with a report
     */
    public Map<String, Object> diagnose(long routerId, int seconds) {
        VrTuningReport report = exchange(routerId, VrTuningCommand.diagnose(seconds)).report;
        if (!report.isOk()) {
            throw new TuningNotDeliveredException("diagnose failed on router " + routerId + ": " + report.error());
        }
        return report.measurements();
    }

    /** A report and the hypervisor it came from. */
    private static final class Exchange {
        final VrTuningReport report;
        final HypervisorSupport support;

        Exchange(VrTuningReport report, HypervisorSupport support) {
            this.report = report;
            this.support = support;
        }
    }

    /** Sends the command along the router's hypervisor's delivery path and returns the report it carried back. */
    private Exchange exchange(long routerId, VrTuningCommand command) {
        DomainRouterVO router = domainRouterDao.findById(routerId);
        if (router == null) {
            throw notDelivered("router " + routerId + " does not exist");
        }
        String name = router.getInstanceName();
        if (router.getState() != VirtualMachine.State.Running) {
            throw notDelivered("router " + name + " is " + router.getState() + ", not Running");
        }
        Hypervisor.HypervisorType hypervisor = router.getHypervisorType();
        HypervisorSupport support = HypervisorSupport.of(hypervisor == null ? null : hypervisor.name());
        if (!support.canDeliver()) {
            throw notDelivered(support.notDeliveredMessage() + ": router " + name + " cannot be tuned (VR Scale "
                    + "delivers tuning on KVM, XenServer/XCP-ng and VMware)");
        }
        Long hostId = router.getHostId();
        if (hostId == null) {
            throw notDelivered("router " + name + " has no host");
        }
        String controlIp = routerControlHelper.getRouterControlIp(routerId);
        if (controlIp == null || controlIp.trim().isEmpty()) {
            throw notDelivered("router " + name + " has no control IP");
        }
        command.forRouter(controlIp, name);
        if (!support.setsNicQueues() && command.getNicQueues() > 0) {
            command.withoutNicQueues();
        }
        if (command.getMode() == TuningMode.APPLY || command.getMode() == TuningMode.VERIFY) {
            // The script caps the table to the router's real RAM with the zone's values, the ones the tuning used.
            SizingAssumptions assumptions = settings.sizingModel(router.getDataCenterId()).getAssumptions();
            command.withConntrackBudget(assumptions.getConntrackMemoryFraction(),
                    assumptions.getBytesPerConntrackEntry());
        }
        if (command.getMode() == TuningMode.APPLY) {
            markManaged(routerId);
        }

        Answer answer = support.getDelivery() == DeliveryPath.MANAGEMENT_SERVER_SSH
                ? new VrDelivery(null).deliver(command, ip -> new DeployerChannel(vmwareDeployer, ip,
                        "over SSH from the management server to port 3922"))
                : send(hostId, name, command);
        if (answer == null) {
            throw notDelivered("host " + hostId + " returned no answer for router " + name);
        }
        String details = answer.getDetails();
        if (!answer.getResult() && details != null && details.startsWith(UNSUPPORTED_PREFIX)) {
            throw notDelivered(support.getDelivery() == DeliveryPath.XENSERVER_RESOURCE
                    ? "the XenServer resource of host " + hostId + " has no VR Scale wrapper: put the vr-scaling jar"
                    + " in /usr/share/cloudstack-management/lib/ on every management server and restart them"
                    : "agent extension missing on host " + hostId
                    + ": install vr-scaling-kvm in /usr/share/cloudstack-agent/plugins/");
        }
        try {
            return new Exchange(VrTuningReport.parse(details, command.getMode()), support);
        } catch (IllegalArgumentException e) {
            // A failed answer without a report: the agent's own message says what went wrong.
            if (answer.getResult() || details == null || details.trim().isEmpty()) {
                throw notDelivered("router " + name + " on host " + hostId + " answered without a readable report: "
                        + e.getMessage());
            }
            throw notDelivered(details);
        }
    }

    /** Sends the command to the router's host agent (KVM) or direct resource (XenServer). */
    private Answer send(long hostId, String name, VrTuningCommand command) {
        try {
            return agentManager.send(hostId, command);
        } catch (AgentUnavailableException e) {
            throw notDelivered("agent of host " + hostId + " is unavailable for the " + command.getMode().scriptWord()
                    + " on router " + name + ": " + Objects.toString(e.getMessage(), "no details"));
        } catch (OperationTimedoutException e) {
            throw notDelivered("agent of host " + hostId + " timed out on the " + command.getMode().scriptWord()
                    + " for router " + name + ": " + Objects.toString(e.getMessage(), "no details"));
        } catch (RuntimeException e) {
            LOG.warn("Sending tuning to router {} on host {} failed", name, hostId, e);
            throw notDelivered("sending " + command.getMode().scriptWord() + " to router " + name + " on host "
                    + hostId + " failed: " + e);
        }
    }

    private static TuningNotDeliveredException notDelivered(String message) {
        LOG.info("Tuning not delivered: {}", message);
        return new TuningNotDeliveredException(message);
    }
}
