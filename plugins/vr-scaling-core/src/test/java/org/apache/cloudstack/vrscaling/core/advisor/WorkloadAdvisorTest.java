package org.apache.cloudstack.vrscaling.core.advisor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.junit.Test;

public class WorkloadAdvisorTest {
    private final WorkloadAdvisor advisor = new WorkloadAdvisor(new SizingModel(SizingAssumptions.defaults()));

    @Test
    public void idleNetworkGetsTheSmallestSize() {
        Advice advice = advisor.advise(new Workload(0, 0, 0, 0));
        assertEquals("xsmall", advice.getRecommended().getName());
        assertTrue(advice.isFeasible());
        assertTrue(advice.getRejected().isEmpty());
    }

    @Test
    public void connectionCountAloneDrivesRamUpTheLadder() {
        // 500,000 x 1.25 = 625,000 entries: xsmall holds 328,704, small (1 GiB) holds 657,920
        Advice advice = advisor.advise(new Workload(500_000, 0, 0, 0));
        assertEquals(625_000, advice.getConntrackEntriesNeeded());
        assertEquals("small", advice.getRecommended().getName());
        assertTrue(advice.getTuning().value(TuningKey.CONNTRACK_MAX) >= 625_000);
        assertEquals(1, advice.getRejected().size());
        assertTrue(advice.getRejected().get(0).contains("328,704"));
    }

    @Test
    public void connectionRateFillsTheTableWithTimeWaitEntries() {
        // 10,000 new/s x 60 s time_wait x 1.25 = 750,000 entries: more than small's 657,920
        Advice advice = advisor.advise(new Workload(0, 10_000, 0, 0));
        assertEquals(750_000, advice.getConntrackEntriesNeeded());
        assertEquals("medium", advice.getRecommended().getName());
    }

    @Test
    public void throughputNeedsOneQueuedVcpuPerGigabit() {
        // 3 Gbit/s x 1.25 = 3.75 -> 4 vCPUs -> large (4 vCPU, 4 GiB)
        Advice advice = advisor.advise(new Workload(0, 0, 3, 0));
        assertEquals(4, advice.getCpusNeeded());
        assertEquals("large", advice.getRecommended().getName());
    }

    @Test
    public void ipsecTunnelsCountOneCorePerTunnelUpToTheCryptoNeed() {
        // 2 Gbit/s x 1.25 = 2.5 Gbit/s / 0.5 per core = 5 cores, over 20 tunnels -> 5 vCPUs -> xlarge (8)
        Advice advice = advisor.advise(new Workload(500_000, 0, 2, 20));
        assertEquals(5, advice.getCpusNeeded());
        assertEquals("xlarge", advice.getRecommended().getName());
        assertTrue(advice.getWarnings().isEmpty());
        // The same traffic through 2 tunnels: only 2 cores can work, and each tunnel is over one core's worth
        Advice narrow = advisor.advise(new Workload(0, 0, 2, 2));
        assertEquals(3, narrow.getCpusNeeded()); // throughput still needs 3 queues
        assertEquals(1, narrow.getWarnings().size());
        assertTrue(narrow.getWarnings().get(0).contains("no router size makes a single tunnel faster"));
    }

    @Test
    public void workloadBeyondTheLadderIsReportedInfeasible() {
        Advice advice = advisor.advise(new Workload(90_000_000, 0, 0, 0));
        assertFalse(advice.isFeasible());
        assertEquals("xxlarge", advice.getRecommended().getName());
        assertEquals(SizeRung.defaultLadder().size(), advice.getRejected().size());
        assertFalse(advice.getWarnings().isEmpty());
    }

    @Test
    public void negativeOrAbsurdWorkloadsAreRefused() {
        try {
            new Workload(-1, 0, 0, 0);
            fail("negative connections");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("connections"));
        }
        try {
            new Workload(0, 0, Double.NaN, 0);
            fail("NaN throughput");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("throughput"));
        }
    }

    @Test
    public void everyAnswerExplainsEachRequirement() {
        Advice advice = advisor.advise(new Workload(100_000, 1_000, 1, 1));
        assertEquals(4, advice.getReasons().size());
    }
}
