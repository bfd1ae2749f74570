package org.apache.cloudstack.vrscaling.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;

import org.apache.cloudstack.vrscaling.core.advisor.Advice;
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.TableAssessment;
import org.apache.cloudstack.vrscaling.core.sizing.TuningValue;

/** The machine-readable `plan --output json`: stable field names, numbers as numbers. */
final class JsonFormatter {
    private JsonFormatter() {
    }

    static String format(PlanReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (report.advice != null) {
            root.put("advice", advice(report.advice));
        }
        root.put("size", size(report.size));
        root.put("assumptions", assumptions(report.assumptions));
        root.put("cloudstackDefault", tuning(report.stock, report.stockAssessment));
        root.put("profile", tuning(report.profile, report.profileAssessment));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    private static Map<String, Object> size(RouterSize size) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cpuNumber", size.getCpus());
        out.put("cpuSpeedMhz", size.getCpuMhz());
        out.put("memoryMib", size.getMemoryMib());
        return out;
    }

    private static Map<String, Object> assumptions(SizingAssumptions assumptions) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conntrackMemoryFraction", assumptions.getConntrackMemoryFraction());
        out.put("bytesPerConntrackEntry", assumptions.getBytesPerConntrackEntry());
        out.put("kernel", assumptions.getKernelGeneration().name().toLowerCase(java.util.Locale.ROOT));
        out.put("maxNicQueues", assumptions.getMaxNicQueues());
        out.put("backlogMemoryFraction", assumptions.getBacklogMemoryFraction());
        out.put("bytesPerQueuedPacket", assumptions.getBytesPerQueuedPacket());
        return out;
    }

    private static Map<String, Object> tuning(KernelTuning tuning, TableAssessment assessment) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (TuningValue value : tuning.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", value.getKey().parameterName());
            entry.put("sysctl", value.getKey().sysctlName());
            entry.put("value", value.getValue());
            entry.put("source", value.getSource().name().toLowerCase(java.util.Locale.ROOT));
            entry.put("memoryBytes", value.getMemoryBytes());
            entry.put("why", value.getWhy());
            values.add(entry);
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("fullTableBytes", assessment.getFullTableBytes());
        table.put("ramFraction", assessment.getRamFraction());
        table.put("averageChainLength", assessment.getAverageChainLength());
        table.put("budgetBytes", assessment.getBudget().getBudgetBytes());
        table.put("fits", assessment.getBudget().fits());
        table.put("allowedMax", assessment.getBudget().getAllowedMax());
        table.put("allowedBuckets", assessment.getBudget().getAllowedBuckets());
        table.put("memoryVerdict", assessment.getMemoryVerdict().name());
        table.put("longChains", assessment.hasLongChains());
        table.put("findings", assessment.getFindings());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("values", values);
        out.put("totalMemoryBytes", tuning.totalMemoryBytes());
        out.put("fullTable", table);
        return out;
    }

    private static Map<String, Object> advice(Advice advice) {
        Map<String, Object> workload = new LinkedHashMap<>();
        workload.put("peakConnections", advice.getWorkload().getPeakConnections());
        workload.put("newConnectionsPerSecond", advice.getWorkload().getNewConnectionsPerSecond());
        workload.put("throughputGbps", advice.getWorkload().getThroughputGbps());
        workload.put("ipsecTunnels", advice.getWorkload().getIpsecTunnels());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workload", workload);
        out.put("recommended", advice.getRecommended().getName());
        out.put("feasible", advice.isFeasible());
        out.put("conntrackEntriesNeeded", advice.getConntrackEntriesNeeded());
        out.put("cpusNeeded", advice.getCpusNeeded());
        out.put("reasons", advice.getReasons());
        out.put("rejected", advice.getRejected());
        out.put("warnings", advice.getWarnings());
        return out;
    }
}
