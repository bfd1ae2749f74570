package org.apache.cloudstack.vrscaling.agent;

import java.util.List;
import java.util.Map;

import org.apache.cloudstack.vrscaling.core.diagnosis.VrMeasurements;

/**
 * Turns the `measurements` object of a diagnose report into the core's typed measurements. A value the script
 * reported as null, or did not report, stays null: unknown is never read as zero.
 */
public final class VrMeasurementsReader {
    private VrMeasurementsReader() {
    }

    public static VrMeasurements read(Map<String, Object> measurements) {
        Map<String, Object> conntrack = section(measurements, "conntrack");
        Map<String, Object> stats = section(measurements, "conntrack_stats");
        Map<String, Object> softnet = section(measurements, "softnet");
        Map<String, Object> cpu = section(measurements, "cpu_sample");
        Map<String, Object> memory = section(measurements, "memory");
        Long cpus = integer(measurements, "cpus");
        VrMeasurements out = new VrMeasurements()
                .cpus(cpus == null ? null : cpus.intValue())
                .memTotalKb(integer(memory, "mem_total_kb"))
                .oomKills(integer(measurements, "oom_kills"))
                .conntrackCount(integer(conntrack, "count"))
                .conntrackMax(integer(conntrack, "max"))
                .conntrackBuckets(integer(conntrack, "buckets"))
                .conntrackDrop(integer(stats, "drop"))
                .conntrackEarlyDrop(integer(stats, "early_drop"))
                .conntrackInsertFailed(integer(stats, "insert_failed"))
                .conntrackChainTooLong(integer(stats, "chainlength"))
                .softnetDropped(integer(softnet, "dropped"))
                .softnetTimeSqueeze(integer(softnet, "time_squeeze"))
                .stealPct(decimal(cpu, "steal_pct"))
                .busyPct(decimal(cpu, "busy_pct"))
                .contextSwitchesPerSecond(decimal(cpu, "ctxt_per_sec"));
        Object nics = measurements.get("nics");
        if (nics instanceof List) {
            for (Object item : (List<?>) nics) {
                if (item instanceof Map) {
                    Map<String, Object> nic = asMap(item);
                    Long queues = integer(nic, "rx_queues");
                    out.nic(new VrMeasurements.Nic(text(nic, "name"), text(nic, "driver"),
                            integer(nic, "rx_packets"), integer(nic, "rx_dropped"),
                            queues == null ? null : queues.intValue()));
                }
            }
        }
        return out;
    }

    private static Map<String, Object> section(Map<String, Object> parent, String name) {
        Object value = parent.get(name);
        return value instanceof Map ? asMap(value) : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static Long integer(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof Number ? ((Number) value).longValue() : null;
    }

    private static Double decimal(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof Number ? ((Number) value).doubleValue() : null;
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof String ? (String) value : null;
    }
}
