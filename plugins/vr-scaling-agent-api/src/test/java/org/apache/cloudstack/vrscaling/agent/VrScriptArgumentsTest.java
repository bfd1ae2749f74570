package org.apache.cloudstack.vrscaling.agent;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.Arrays;

import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.tuning.TuningMode;
import org.junit.Test;

public class VrScriptArgumentsTest {
    private static final String[] ALL_SETS = {
        "--set", "net.netfilter.nf_conntrack_max=1000000",
        "--set", "net.netfilter.nf_conntrack_buckets=250000",
        "--set", "net.netfilter.nf_conntrack_tcp_timeout_established=86400",
        "--set", "net.netfilter.nf_conntrack_tcp_timeout_time_wait=120",
        "--set", "net.core.netdev_max_backlog=5000",
        "--set", "net.core.netdev_budget=600",
        "--set", "net.ipv4.tcp_fin_timeout=15",
        "--set", "net.ipv4.tcp_window_scaling=1",
    };

    @Test
    public void applyIsModeThenEverySysctlInKeyOrderThenNicQueues() {
        assertEquals(expected("apply", ALL_SETS, "--nic-queues", "2"),
                VrScriptArguments.of(VrTuningCommand.apply(TestTunings.fixtureTuning())));
    }

    @Test
    public void verifyTakesTheSameArgumentsAsApply() {
        assertEquals(expected("verify", ALL_SETS, "--nic-queues", "2"),
                VrScriptArguments.of(VrTuningCommand.verify(TestTunings.fixtureTuning())));
    }

    @Test
    public void theZonesConntrackBudgetFollowsTheNicQueuesAsPlainNumbers() {
        assertEquals(expected("apply", ALL_SETS, "--nic-queues", "2", "--memory-fraction", "0.25",
                "--bytes-per-entry", "400"), VrScriptArguments.of(VrTuningCommand.apply(TestTunings.fixtureTuning())
                .withConntrackBudget(0.25, 400)));
        assertEquals(expected("verify", ALL_SETS, "--nic-queues", "2", "--memory-fraction", "0.05",
                "--bytes-per-entry", "4096"), VrScriptArguments.of(VrTuningCommand.verify(TestTunings.fixtureTuning())
                .withConntrackBudget(0.05, 4_096)));
    }

    @Test
    public void aFractionIsWrittenAsTheShortestDecimalThatReadsBackExactly() {
        // Python's float("0.3") is the same double as Java's 0.3: both sides compute the same budget.
        assertEquals("0.3", VrScriptArguments.fraction(0.3));
        assertEquals("0.6", VrScriptArguments.fraction(0.6));
        assertEquals("0.1", VrScriptArguments.fraction(0.1));
        assertEquals(0.1 + 0.2, Double.parseDouble(VrScriptArguments.fraction(0.1 + 0.2)), 0.0);
        assertEquals("0.30000000000000004", VrScriptArguments.fraction(0.1 + 0.2));
    }

    @Test
    public void withoutABudgetTheOptionsAreLeftOut() {
        assertFalse(VrScriptArguments.of(VrTuningCommand.apply(TestTunings.fixtureTuning()))
                .contains("--memory-fraction"));
    }

    @Test
    public void zeroNicQueuesLeavesTheOptionOut() {
        VrTuningCommand command = new VrTuningCommand(TuningMode.APPLY,
                Arrays.asList(new VrTuningCommand.Setting(TuningKey.TCP_FIN_TIMEOUT, 15)), 0, 0);

        assertEquals(Arrays.asList("apply", "--set", "net.ipv4.tcp_fin_timeout=15"), VrScriptArguments.of(command));
    }

    @Test
    public void diagnoseAlwaysNamesTheSampleSeconds() {
        assertEquals(Arrays.asList("diagnose", "--sample-seconds", "5"),
                VrScriptArguments.of(VrTuningCommand.diagnose(5)));
        assertEquals(Arrays.asList("diagnose", "--sample-seconds", "0"),
                VrScriptArguments.of(VrTuningCommand.diagnose(0)));
    }

    @Test
    public void removeIsTheModeAlone() {
        assertEquals(Arrays.asList("remove"), VrScriptArguments.of(VrTuningCommand.remove()));
    }

    private static java.util.List<String> expected(String mode, String[] sets, String... tail) {
        java.util.List<String> all = new java.util.ArrayList<>();
        all.add(mode);
        all.addAll(Arrays.asList(sets));
        all.addAll(Arrays.asList(tail));
        return all;
    }
}
