package org.apache.cloudstack.vrscaling.core.profile;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.sizing.TuningValue;
import org.junit.Test;

public class RouterProfileTest {
    private final SizingModel model = new SizingModel(SizingAssumptions.defaults());

    private static Map<String, String> details(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    public void explicitValuesWinOverDerivedOnesAndCostIsRecomputed() {
        RouterProfile profile = new RouterProfile("gold", new RouterSize(2, 2000, 2048),
                TuningOverrides.parse(details("conntrackmax", "500000", "net.core.netdev_budget", "900")));
        KernelTuning tuning = profile.effectiveTuning(model);
        TuningValue max = tuning.get(TuningKey.CONNTRACK_MAX);
        assertEquals(500_000, max.getValue());
        assertEquals(TuningValue.Source.OVERRIDE, max.getSource());
        assertEquals(500_000L * 400, max.getMemoryBytes());
        assertTrue(max.getWhy().contains("1,315,840"));
        assertEquals(900, tuning.value(TuningKey.NETDEV_BUDGET));
        // not overridden: still derived
        assertEquals(TuningValue.Source.DERIVED, tuning.get(TuningKey.CONNTRACK_BUCKETS).getSource());
    }

    @Test
    public void unknownNonIntegerDuplicateAndOutOfRangeOverridesAreRefused() {
        assertRefused(details("kernel.panic", "0"), "unknown tuning setting 'kernel.panic'");
        assertRefused(details("netdevbudget", "1e3"), "whole number");
        assertRefused(details("netdevbudget", "300;reboot"), "whole number");
        assertRefused(details("netdevbudget", "99999"), "between 100 and 3000");
        assertRefused(details("netdevbudget", "300", "net.core.netdev_budget", "400"), "given twice");
    }

    private static void assertRefused(Map<String, String> raw, String expected) {
        try {
            TuningOverrides.parse(raw);
            fail("should refuse " + raw);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
        }
    }

    @Test
    public void overridesRoundTripThroughDetails() {
        TuningOverrides overrides = TuningOverrides.parse(details("nicqueues", "4", "tcpfintimeout", "20"));
        assertEquals(overrides, TuningOverrides.parse(overrides.toDetails()));
        Map<TuningKey, Long> removal = new java.util.EnumMap<>(TuningKey.class);
        removal.put(TuningKey.NIC_QUEUES, null);
        assertEquals(1, overrides.merge(removal).asMap().size());
    }

    @Test
    public void profilesBelowTheFloorAreRefused() {
        try {
            new RouterProfile("tiny", new RouterSize(1, 500, 128), null);
            fail("128 MiB is below the floor");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("256 MiB"));
        }
        try {
            new RouterProfile("slow", new RouterSize(1, 200, 512), null);
            fail("200 MHz is below the floor");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("500 MHz"));
        }
        try {
            new RouterProfile(" ", new RouterSize(1, 500, 512), null);
            fail("blank name");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("name"));
        }
    }
}
