package org.apache.cloudstack.vrscaling.agent;

import java.util.EnumMap;
import java.util.Map;

import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.sizing.TuningValue;

/** The tuning the report fixtures were produced with (see src/test/fixtures/gen_report_fixtures.py). */
final class TestTunings {
    private TestTunings() {
    }

    static KernelTuning fixtureTuning() {
        Map<TuningKey, Long> values = new EnumMap<>(TuningKey.class);
        values.put(TuningKey.CONNTRACK_MAX, 1_000_000L);
        values.put(TuningKey.CONNTRACK_BUCKETS, 250_000L);
        values.put(TuningKey.CONNTRACK_TCP_TIMEOUT_ESTABLISHED, 86_400L);
        values.put(TuningKey.CONNTRACK_TCP_TIMEOUT_TIME_WAIT, 120L);
        values.put(TuningKey.NETDEV_MAX_BACKLOG, 5_000L);
        values.put(TuningKey.NETDEV_BUDGET, 600L);
        values.put(TuningKey.TCP_FIN_TIMEOUT, 15L);
        values.put(TuningKey.TCP_WINDOW_SCALING, 1L);
        values.put(TuningKey.NIC_QUEUES, 2L);
        return tuning(values);
    }

    static KernelTuning tuning(Map<TuningKey, Long> values) {
        Map<TuningKey, TuningValue> typed = new EnumMap<>(TuningKey.class);
        for (Map.Entry<TuningKey, Long> entry : values.entrySet()) {
            typed.put(entry.getKey(), new TuningValue(entry.getKey(), entry.getValue(), TuningValue.Source.OVERRIDE,
                    "test value", 0));
        }
        return new KernelTuning(typed);
    }
}
