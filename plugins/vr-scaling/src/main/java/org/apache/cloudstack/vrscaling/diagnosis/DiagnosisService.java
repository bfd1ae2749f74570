package org.apache.cloudstack.vrscaling.diagnosis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.cloudstack.vrscaling.VrScalingErrors;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.agent.VrMeasurementsReader;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.core.diagnosis.DiagnosisRules;
import org.apache.cloudstack.vrscaling.core.diagnosis.VrMeasurements;
import org.apache.cloudstack.vrscaling.core.plan.RouterObservation;
import org.apache.cloudstack.vrscaling.core.plan.RouterRunState;
import org.apache.cloudstack.vrscaling.lifecycle.ProfileBindings;
import org.apache.cloudstack.vrscaling.scale.RouterObserver;
import org.apache.cloudstack.vrscaling.tuning.AgentTuningPort;
import org.apache.cloudstack.vrscaling.tuning.TuningNotDeliveredException;

import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.dao.DomainRouterDao;

/** Measures routers from inside (the VR-side script's diagnose mode) and runs the core's troubleshooting rules. */
public class DiagnosisService {
    public static final int DEFAULT_SAMPLE_SECONDS = 2;
    public static final int MAX_SAMPLE_SECONDS = 10;

    @Inject
    AgentTuningPort tuningPort;
    @Inject
    RouterObserver routerObserver;
    @Inject
    DomainRouterDao routerDao;
    @Inject
    ProfileBindings bindings;
    @Inject
    VrScalingSettings settings;

    public List<RouterDiagnosis> diagnose(Long networkId, Long vpcId, Long routerId, Integer sampleSeconds) {
        int given = (networkId != null ? 1 : 0) + (vpcId != null ? 1 : 0) + (routerId != null ? 1 : 0);
        if (given != 1) {
            throw VrScalingErrors.badInput("Exactly one of networkid, vpcid or routerid is required");
        }
        int seconds = sampleSeconds == null ? DEFAULT_SAMPLE_SECONDS : sampleSeconds;
        if (seconds < 0 || seconds > MAX_SAMPLE_SECONDS) {
            throw VrScalingErrors.badInput("sampleseconds must be between 0 and " + MAX_SAMPLE_SECONDS + " (got "
                    + seconds + ")");
        }
        List<RouterDiagnosis> out = new ArrayList<>();
        for (DomainRouterVO router : routers(networkId, vpcId, routerId)) {
            out.add(diagnoseOne(router, seconds));
        }
        return out;
    }

    private List<DomainRouterVO> routers(Long networkId, Long vpcId, Long routerId) {
        if (routerId != null) {
            DomainRouterVO router = routerDao.findById(routerId);
            if (router == null) {
                throw VrScalingErrors.badInput("Unable to find a virtual router with id " + routerId);
            }
            // As scaleVirtualRouterProfile: an internal LB VM is no virtual router, and the script is not on it.
            return Collections.singletonList(RouterObserver.requireVirtualRouter(router));
        }
        // Lenient like the lifecycle hook: a VPC tier is served by its VPC's routers; any network state will do.
        BindingScope scope = networkId != null ? bindings.networkScope(networkId) : bindings.vpcScope(vpcId);
        if (scope == null) {
            throw VrScalingErrors.badInput(networkId != null ? "Unable to find a network with id " + networkId
                    : "Unable to find a VPC with id " + vpcId);
        }
        return routerObserver.routers(scope);
    }

    private RouterDiagnosis diagnoseOne(DomainRouterVO router, int seconds) {
        RouterObservation observed = routerObserver.observe(router);
        if (observed.getState() != RouterRunState.RUNNING) {
            return RouterDiagnosis.notMeasured(observed, "router is " + observed.getState() + ": only a running "
                    + "router can be measured");
        }
        if (observed.getSize() == null) {
            return RouterDiagnosis.notMeasured(observed, "the router's service offering could not be read");
        }
        Map<String, Object> raw;
        try {
            raw = tuningPort.diagnose(router.getId(), seconds);
        } catch (TuningNotDeliveredException e) {
            return RouterDiagnosis.notMeasured(observed, e.getMessage());
        }
        VrMeasurements measurements = VrMeasurementsReader.read(raw);
        DiagnosisRules rules = new DiagnosisRules(settings.sizingModel(router.getDataCenterId()));
        return RouterDiagnosis.measured(observed, measurements, rules.diagnose(measurements, observed.getSize()));
    }
}
