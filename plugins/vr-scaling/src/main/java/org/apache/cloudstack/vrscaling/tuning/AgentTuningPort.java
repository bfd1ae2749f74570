package org.apache.cloudstack.vrscaling.tuning;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.inject.Inject;

import org.apache.cloudstack.vrscaling.VrScalingDetails;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.agent.VrTuningCommand;
import org.apache.cloudstack.vrscaling.agent.VrTuningReport;
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
import com.cloud.exception.AgentUnavailableException;
import com.cloud.exception.OperationTimedoutException;
import com.cloud.hypervisor.Hypervisor;
import com.cloud.network.router.RouterControlHelper;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.dao.DomainRouterDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

/**
 * Delivers tuning to a router through its host's agent (the vr-scaling-kvm extension runs the VR-side script) and
 * reads the report back. Anything short of a readable report is "not delivered", never success.
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

    public AgentTuningPort() {
    }

    @Override
    public TuningOutcome apply(long routerId, KernelTuning tuning) {
        VrTuningReport report;
        try {
            report = exchange(routerId, VrTuningCommand.apply(tuning));
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
        VrTuningReport report;
        try {
            report = exchange(routerId, VrTuningCommand.verify(tuning));
        } catch (TuningNotDeliveredException e) {
            return TuningOutcome.notDelivered(e.getMessage());
        }
        // The core verifier knows the kernel's rounding, the NIC limit, what the router's conntrack budget allowed
        // and what waits for nf_conntrack; the script's word on the file counts too.
        List<KeyResult> keys = TuningVerifier.compare(tuning, report.valuesInForce(), report.nicQueuesOffered(),
                report.budgetLimits(), report.pendingKeys());
        boolean anyFailure = keys.stream().anyMatch(k -> k.getStatus().isFailure());
        boolean ok = report.isOk() && !anyFailure;
        String message = report.toOutcome().getMessage();
        return new TuningOutcome(true, ok, false, message, keys, report.version());
    }

    @Override
    public TuningOutcome remove(long routerId) {
        VrTuningReport report;
        try {
            report = exchange(routerId, VrTuningCommand.remove());
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
        VrTuningReport report = exchange(routerId, VrTuningCommand.diagnose(seconds));
        if (!report.isOk()) {
            throw new TuningNotDeliveredException("diagnose failed on router " + routerId + ": " + report.error());
        }
        return report.measurements();
    }

    /** Sends the command to the router's host and returns the report it carried back. */
    private VrTuningReport exchange(long routerId, VrTuningCommand command) {
        DomainRouterVO router = domainRouterDao.findById(routerId);
        if (router == null) {
            throw notDelivered("router " + routerId + " does not exist");
        }
        String name = router.getInstanceName();
        if (router.getState() != VirtualMachine.State.Running) {
            throw notDelivered("router " + name + " is " + router.getState() + ", not Running");
        }
        Hypervisor.HypervisorType hypervisor = router.getHypervisorType();
        if (!Hypervisor.HypervisorType.KVM.equals(hypervisor)) {
            // Only the KVM agent extension can carry the command into a router today.
            throw notDelivered("no delivery path for hypervisor " + hypervisor + ": router " + name
                    + " cannot be tuned (VR Scale delivers tuning through its KVM agent extension)");
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
        if (command.getMode() == TuningMode.APPLY || command.getMode() == TuningMode.VERIFY) {
            // The script caps the table to the router's real RAM with the zone's values, the ones the tuning used.
            SizingAssumptions assumptions = settings.sizingModel(router.getDataCenterId()).getAssumptions();
            command.withConntrackBudget(assumptions.getConntrackMemoryFraction(),
                    assumptions.getBytesPerConntrackEntry());
        }
        if (command.getMode() == TuningMode.APPLY) {
            markManaged(routerId);
        }

        Answer answer;
        try {
            answer = agentManager.send(hostId, command);
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
        if (answer == null) {
            throw notDelivered("host " + hostId + " returned no answer for router " + name);
        }
        String details = answer.getDetails();
        if (!answer.getResult() && details != null && details.startsWith(UNSUPPORTED_PREFIX)) {
            throw notDelivered("agent extension missing on host " + hostId
                    + ": install vr-scaling-kvm in /usr/share/cloudstack-agent/plugins/");
        }
        try {
            return VrTuningReport.parse(details, command.getMode());
        } catch (IllegalArgumentException e) {
            // A failed answer without a report: the agent's own message says what went wrong.
            if (answer.getResult() || details == null || details.trim().isEmpty()) {
                throw notDelivered("router " + name + " on host " + hostId + " answered without a readable report: "
                        + e.getMessage());
            }
            throw notDelivered(details);
        }
    }

    private static TuningNotDeliveredException notDelivered(String message) {
        LOG.info("Tuning not delivered: {}", message);
        return new TuningNotDeliveredException(message);
    }
}
