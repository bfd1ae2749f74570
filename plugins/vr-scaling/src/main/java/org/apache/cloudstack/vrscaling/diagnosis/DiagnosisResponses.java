package org.apache.cloudstack.vrscaling.diagnosis;

import java.util.ArrayList;
import java.util.List;

import org.apache.cloudstack.api.response.vrscaling.VirtualRouterDiagnosisResponse;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterDiagnosisRouterResponse;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterFindingResponse;
import org.apache.cloudstack.vrscaling.core.diagnosis.Diagnosis;
import org.apache.cloudstack.vrscaling.core.diagnosis.Finding;
import org.apache.cloudstack.vrscaling.core.diagnosis.VrMeasurements;
import org.apache.cloudstack.vrscaling.core.plan.RouterObservation;

/** Turns diagnoses into the API response; no lookups, no decisions. */
public final class DiagnosisResponses {
    private DiagnosisResponses() {
    }

    public static VirtualRouterDiagnosisResponse of(List<RouterDiagnosis> diagnoses) {
        List<VirtualRouterDiagnosisRouterResponse> routers = new ArrayList<>();
        for (RouterDiagnosis diagnosis : diagnoses) {
            routers.add(router(diagnosis));
        }
        VirtualRouterDiagnosisResponse response = new VirtualRouterDiagnosisResponse();
        response.setRouters(routers);
        return response;
    }

    static VirtualRouterDiagnosisRouterResponse router(RouterDiagnosis item) {
        RouterObservation router = item.getRouter();
        VirtualRouterDiagnosisRouterResponse out = new VirtualRouterDiagnosisRouterResponse();
        out.setId(router.getUuid());
        out.setName(router.getName());
        out.setState(router.getState().name());
        out.setRole(router.getRole().name());
        if (router.getSize() != null) {
            out.setCpuNumber(router.getSize().getCpus());
            out.setMemory(router.getSize().getMemoryMib());
        }
        out.setMeasured(item.isMeasured());
        out.setMessage(item.getProblem());
        if (!item.isMeasured()) {
            return out;
        }
        VrMeasurements m = item.getMeasurements();
        out.setGuestCpus(m.getCpus());
        out.setGuestMemory(m.getMemTotalKb() == null ? null : m.getMemTotalKb() / 1024);
        out.setConntrackCount(m.getConntrackCount());
        out.setConntrackMax(m.getConntrackMax());
        out.setConntrackBuckets(m.getConntrackBuckets());
        if (m.getConntrackMax() != null && m.getConntrackBuckets() != null && m.getConntrackBuckets() > 0) {
            out.setConntrackChainLength(2.0 * m.getConntrackMax() / m.getConntrackBuckets());
        }
        out.setConntrackDrops(m.getConntrackDrop());
        out.setConntrackEarlyDrops(m.getConntrackEarlyDrop());
        out.setConntrackInsertFailed(m.getConntrackInsertFailed());
        out.setRxDropped(m.totalRxDropped());
        out.setSoftnetDropped(m.getSoftnetDropped());
        out.setSoftnetTimeSqueeze(m.getSoftnetTimeSqueeze());
        out.setOomKills(m.getOomKills());
        out.setStealPercent(m.getStealPct());
        out.setBusyPercent(m.getBusyPct());
        out.setContextSwitchesPerSecond(m.getContextSwitchesPerSecond());

        Diagnosis diagnosis = item.getDiagnosis();
        List<VirtualRouterFindingResponse> findings = new ArrayList<>();
        for (Finding finding : diagnosis.getFindings()) {
            VirtualRouterFindingResponse f = new VirtualRouterFindingResponse();
            f.setCode(finding.getCode().name());
            f.setSeverity(finding.getSeverity().name());
            f.setEvidence(finding.getEvidence());
            f.setFix(finding.getFix());
            findings.add(f);
        }
        out.setFindings(findings);
        out.setRecommendedSize(diagnosis.getRecommended().toString());
        out.setResizeAdvised(diagnosis.isResizeAdvised());
        out.setRecommendation(diagnosis.getRecommendation());
        return out;
    }
}
