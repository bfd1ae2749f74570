package org.apache.cloudstack.vrscaling.core.sizing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

public class SizingModelTest {
    private final SizingModel model = new SizingModel(SizingAssumptions.defaults());

    @Test
    public void conntrackMaxIsAQuarterOfRamAt400BytesPlusBucketPerEntry() {
        // 512 MiB x 0.25 = 134,217,728 B / (400 + 8) B = 328,965 -> whole pages of 512 buckets: 328,704
        KernelTuning tuning = model.derive(new RouterSize(1, 1000, 512));
        assertEquals(328_704, tuning.value(TuningKey.CONNTRACK_MAX));
        assertEquals(328_704, tuning.value(TuningKey.CONNTRACK_BUCKETS));
        // 2 GiB -> 1,315,860 -> 1,315,840
        assertEquals(1_315_840, model.derive(new RouterSize(2, 2000, 2048)).value(TuningKey.CONNTRACK_MAX));
    }

    @Test
    public void derivedTableFitsItsBudgetWithChainsOfTwo() {
        RouterSize size = new RouterSize(1, 1000, 512);
        KernelTuning tuning = model.derive(size);
        TableAssessment assessment = TableAssessment.assess(tuning, size, model.getAssumptions());
        assertEquals(TableAssessment.MemoryVerdict.FITS, assessment.getMemoryVerdict());
        assertTrue(assessment.getRamFraction() <= 0.25);
        assertEquals(2.0, assessment.getAverageChainLength(), 0.0);
        assertTrue(assessment.getFindings().isEmpty());
    }

    @Test
    public void bucketsAreCappedForVeryLargeRoutersAndChainsStayShort() {
        KernelTuning tuning = model.derive(new RouterSize(16, 2000, 65_536));
        // 64 GiB x 0.25 / 408 = 42,107,522 -> 42,107,392 entries, buckets capped at 16,777,216
        assertEquals(42_107_392, tuning.value(TuningKey.CONNTRACK_MAX));
        assertEquals(16_777_216, tuning.value(TuningKey.CONNTRACK_BUCKETS));
        assertTrue(tuning.averageChainLengthAtFull() < TableAssessment.LONG_CHAIN);
    }

    @Test
    public void natTimeoutsReplaceTheFiveDayDefault() {
        KernelTuning tuning = model.derive(new RouterSize(1, 1000, 512));
        assertEquals(7_440, tuning.value(TuningKey.CONNTRACK_TCP_TIMEOUT_ESTABLISHED));
        assertTrue("must outlive the 7,200 s default TCP keepalive",
                tuning.value(TuningKey.CONNTRACK_TCP_TIMEOUT_ESTABLISHED) > 7_200);
        assertEquals(60, tuning.value(TuningKey.CONNTRACK_TCP_TIMEOUT_TIME_WAIT));
    }

    @Test
    public void backlogIsAPowerOfTwoWithinTwoPercentOfRam() {
        // 512 MiB x 2 % / 1 CPU / 2,304 B = 4,660 -> 4,096
        assertEquals(4_096, model.derive(new RouterSize(1, 1000, 512)).value(TuningKey.NETDEV_MAX_BACKLOG));
        // 2 GiB x 2 % / 2 CPUs / 2,304 B = 9,320 -> 8,192
        KernelTuning two = model.derive(new RouterSize(2, 2000, 2048));
        assertEquals(8_192, two.value(TuningKey.NETDEV_MAX_BACKLOG));
        assertEquals(2L * 8_192 * 2_304, two.get(TuningKey.NETDEV_MAX_BACKLOG).getMemoryBytes());
        // never below the kernel's 1,000 even for a tiny router with many CPUs
        assertEquals(1_000, model.derive(new RouterSize(16, 1000, 256)).value(TuningKey.NETDEV_MAX_BACKLOG));
    }

    @Test
    public void queuesFollowVcpusUpToTheCap() {
        assertEquals(1, model.derive(new RouterSize(1, 1000, 512)).value(TuningKey.NIC_QUEUES));
        assertEquals(4, model.derive(new RouterSize(4, 2000, 4096)).value(TuningKey.NIC_QUEUES));
        assertEquals(8, model.derive(new RouterSize(16, 2000, 16384)).value(TuningKey.NIC_QUEUES));
        SizingModel wide = new SizingModel(SizingAssumptions.defaults().withMaxNicQueues(16));
        assertEquals(16, wide.derive(new RouterSize(16, 2000, 16384)).value(TuningKey.NIC_QUEUES));
    }

    @Test
    public void budgetRisesOnlyWithSeveralVcpus() {
        assertEquals(300, model.derive(new RouterSize(1, 1000, 512)).value(TuningKey.NETDEV_BUDGET));
        assertEquals(600, model.derive(new RouterSize(2, 2000, 2048)).value(TuningKey.NETDEV_BUDGET));
    }

    @Test
    public void everyDerivedValueIsExplainedInRangeAndMarkedDerived() {
        for (int memory : new int[] {256, 512, 1024, 4096, 32768}) {
            KernelTuning tuning = model.derive(new RouterSize(2, 2000, memory));
            for (TuningValue value : tuning.values()) {
                assertFalse(value.getWhy().trim().isEmpty());
                assertTrue(value.getValue() >= value.getKey().min() && value.getValue() <= value.getKey().max());
                assertEquals(TuningValue.Source.DERIVED, value.getSource());
            }
        }
    }

    @Test
    public void memoryCostAddsUpConntrackBacklogAndRings() {
        RouterSize size = new RouterSize(1, 1000, 512);
        KernelTuning tuning = model.derive(size);
        long expected = 328_704L * 400 + 328_704L * 8 + 4_096L * 2_304 + 256L * 2_304;
        assertEquals(expected, tuning.totalMemoryBytes());
    }

    @Test
    public void smallerConntrackBudgetGivesProportionallyFewerEntries() {
        SizingModel half = new SizingModel(SizingAssumptions.defaults().withConntrackMemoryFraction(0.125));
        long full = model.derive(new RouterSize(1, 1000, 1024)).value(TuningKey.CONNTRACK_MAX);
        long halved = half.derive(new RouterSize(1, 1000, 1024)).value(TuningKey.CONNTRACK_MAX);
        assertEquals(full / 2.0, halved, 512);
    }

    @Test
    public void outOfRangeValuesAndUnexplainedValuesAreRefused() {
        try {
            new TuningValue(TuningKey.TCP_WINDOW_SCALING, 2, TuningValue.Source.OVERRIDE, "x", 0);
            fail("2 is not a valid window scaling flag");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("tcpwindowscaling"));
        }
        try {
            new TuningValue(TuningKey.NETDEV_BUDGET, 300, TuningValue.Source.DERIVED, " ", 0);
            fail("a value without a reason must be refused");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("reason"));
        }
    }

    @Test
    public void assumptionsOutsideTheirRangeAreRefused() {
        try {
            SizingAssumptions.defaults().withConntrackMemoryFraction(0.9);
            fail("90 % of RAM for conntrack is not a sane budget");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("conntrack memory fraction"));
        }
        try {
            new RouterSize(0, 1000, 512);
            fail("zero vCPUs");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("cpunumber"));
        }
    }

    @Test
    public void sysctlsListEverySysctlKeyButNotTheQueues() {
        KernelTuning tuning = model.derive(new RouterSize(2, 2000, 2048));
        assertEquals(8, tuning.sysctls().size());
        assertFalse(tuning.sysctls().containsKey(null));
        assertEquals(Long.valueOf(1_315_840), tuning.sysctls().get("net.netfilter.nf_conntrack_max"));
    }
}
