package org.apache.cloudstack.vrscaling;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.cloudstack.api.response.vrscaling.VirtualRouterProfileResponse;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterScaleResponse;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterScaleRouterResponse;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterTuningResponse;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.core.plan.RouterStep;
import org.apache.cloudstack.vrscaling.core.plan.StepAction;
import org.apache.cloudstack.vrscaling.core.sizing.ConntrackBudget;
import org.apache.cloudstack.vrscaling.core.sizing.TuningValue;
import org.apache.cloudstack.vrscaling.core.tuning.TuningOutcome;
import org.apache.cloudstack.vrscaling.profile.ProfileView;
import org.apache.cloudstack.vrscaling.scale.RouterReport;
import org.apache.cloudstack.vrscaling.scale.ScaleReport;

import com.cloud.service.ServiceOfferingVO;

/** Turns the services' results into API responses; no lookups, no decisions. */
public final class VrScalingResponses {
    private VrScalingResponses() {
    }

    public static VirtualRouterProfileResponse profile(ProfileView view) {
        ServiceOfferingVO offering = view.getOffering();
        VirtualRouterProfileResponse response = new VirtualRouterProfileResponse();
        response.setId(offering.getUuid());
        response.setName(offering.getName());
        response.setDisplayText(offering.getDisplayText());
        response.setCpuNumber(offering.getCpu());
        response.setCpuSpeed(offering.getSpeed());
        response.setMemory(offering.getRamSize());
        response.setStorageType(view.getStorageType());
        response.setAdopted(view.isAdopted());
        List<VirtualRouterTuningResponse> tuning = new ArrayList<>();
        for (TuningValue value : view.getTuning().values()) {
            VirtualRouterTuningResponse item = new VirtualRouterTuningResponse();
            item.setName(value.getKey().parameterName());
            item.setSysctl(value.getKey().sysctlName());
            item.setValue(value.getValue());
            item.setSource(value.getSource().name());
            item.setWhy(value.getWhy());
            item.setMemory(value.getMemoryBytes());
            tuning.add(item);
        }
        response.setTuning(tuning);
        response.setTuningMemory(view.getTuning().totalMemoryBytes());
        ConntrackBudget budget = view.getConntrackBudget();
        response.setConntrackFits(budget.fits());
        response.setConntrackMemory(budget.getFullTableBytes());
        response.setConntrackBudget(budget.getBudgetBytes());
        response.setConntrackMaxAllowed(budget.getAllowedMax());
        response.setConntrackBucketsAllowed(budget.getAllowedBuckets());
        response.setConntrackVerdict(budget.describe());
        response.setConntrackForced(view.isConntrackForced());
        response.setNetworkCount(view.getNetworkCount());
        response.setVpcCount(view.getVpcCount());
        response.setCreated(offering.getCreated());
        response.setObjectName("virtualrouterprofile");
        return response;
    }

    public static VirtualRouterScaleResponse scale(ScaleReport report) {
        VirtualRouterScaleResponse response = new VirtualRouterScaleResponse();
        BindingScope scope = report.getScope();
        if (scope.isVpc()) {
            response.setVpcId(scope.getUuid());
        } else {
            response.setNetworkId(scope.getUuid());
        }
        response.setTargetName(scope.getName());
        response.setProfileId(report.getProfileOffering().getUuid());
        response.setProfileName(report.getProfileOffering().getName());
        response.setBound(report.isBound());
        response.setDryRun(report.isDryRun());
        List<VirtualRouterScaleRouterResponse> routers = new ArrayList<>();
        int reboots = 0;
        int interruption = 0;
        for (RouterReport router : report.getRouters()) {
            VirtualRouterScaleRouterResponse item = router(report, router);
            reboots += item.getRebootCount();
            interruption += router.getStep().getInterruptionSeconds();
            routers.add(item);
        }
        response.setRouters(routers);
        response.setTotalReboots(reboots);
        response.setTotalInterruptionSeconds(interruption);
        response.setWarnings(new ArrayList<>(report.getWarnings()));
        response.setObjectName("virtualrouterscale");
        return response;
    }

    private static VirtualRouterScaleRouterResponse router(ScaleReport report, RouterReport router) {
        RouterStep step = router.getStep();
        VirtualRouterScaleRouterResponse item = new VirtualRouterScaleRouterResponse();
        item.setId(step.getRouter().getUuid());
        item.setName(step.getRouter().getName());
        item.setRole(step.getRouter().getRole().name());
        item.setState(step.getRouter().getState().name());
        ServiceOfferingVO from = report.offering(step.getFromOfferingId());
        ServiceOfferingVO to = report.offering(step.getTargetOfferingId());
        item.setOldOfferingId(from == null ? String.valueOf(step.getFromOfferingId()) : from.getUuid());
        item.setOldOfferingName(from == null ? null : from.getName());
        item.setOfferingId(to == null ? String.valueOf(step.getTargetOfferingId()) : to.getUuid());
        item.setOfferingName(to == null ? null : to.getName());
        item.setOldNicQueues(step.getFromNicQueues());
        item.setNicQueues(step.getTargetNicQueues());
        item.setPlannedSteps(names(step.getActions()));
        item.setStepsDone(names(router.getDone()));
        item.setRebootCount(report.isDryRun() ? step.getReboots() : router.getReboots());
        TuningOutcome tuning = router.getTuning();
        if (tuning != null) {
            item.setTuningDelivered(tuning.isDelivered());
            item.setTuningMessage(tuning.toString());
        } else if (report.isDryRun() && step.getActions().contains(StepAction.PUSH_TUNING)) {
            item.setTuningMessage("dry run: tuning would be pushed");
        }
        TuningOutcome verification = router.getVerification();
        if (verification != null) {
            item.setVerification(verification.toString());
        } else if (!report.isDryRun() && step.getActions().contains(StepAction.VERIFY)) {
            item.setVerification("not verified: the tuning was not delivered");
        }
        item.setInterruption(step.getInterruption().name());
        item.setInterruptionSeconds(step.getInterruptionSeconds());
        List<String> notes = new ArrayList<>();
        notes.add(step.getNote());
        notes.addAll(router.getNotes());
        item.setNote(String.join("; ", notes));
        item.setObjectName("router");
        return item;
    }

    private static List<String> names(List<StepAction> actions) {
        return actions.stream().map(StepAction::name).collect(Collectors.toList());
    }
}
