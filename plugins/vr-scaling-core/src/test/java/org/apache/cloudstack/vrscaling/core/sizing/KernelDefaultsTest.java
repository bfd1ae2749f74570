package org.apache.cloudstack.vrscaling.core.sizing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/**
 * Pins the kernel's conntrack defaults (nf_conntrack_core.c, Linux >= 5.15 and before) and CloudStack's stock VR
 * values to the published facts, not to whatever the code prints.
 */
public class KernelDefaultsTest {
    private final SizingAssumptions modern = SizingAssumptions.defaults();

    @Test
    public void modernKernelGives2048BucketsAt256MiBAnd4096At512MiB() {
        // RAM / 16384 / sizeof(hlist_head) = 256 MiB / 131072 = 2048; 512 MiB -> 4096
        assertEquals(2_048, KernelDefaults.defaultBuckets(256, KernelGeneration.MODERN));
        assertEquals(4_096, KernelDefaults.defaultBuckets(512, KernelGeneration.MODERN));
        assertEquals(8_192, KernelDefaults.defaultBuckets(1_024, KernelGeneration.MODERN));
    }

    @Test
    public void modernKernelJumpsTo65536Above1GiBAnd262144Above4GiB() {
        assertEquals(65_536, KernelDefaults.defaultBuckets(2_048, KernelGeneration.MODERN));
        assertEquals(65_536, KernelDefaults.defaultBuckets(4_096, KernelGeneration.MODERN));
        assertEquals(262_144, KernelDefaults.defaultBuckets(8_192, KernelGeneration.MODERN));
    }

    @Test
    public void modernKernelNeverGoesBelow1024Buckets() {
        assertEquals(1_024, KernelDefaults.defaultBuckets(128, KernelGeneration.MODERN));
    }

    @Test
    public void modernMaxEqualsBucketsAndLegacyMaxIsFourTimesBuckets() {
        assertEquals(4_096, KernelDefaults.defaultConntrackMax(512, KernelGeneration.MODERN));
        assertEquals(16_384, KernelDefaults.defaultConntrackMax(512, KernelGeneration.LEGACY));
        // Legacy caps: 16,384 buckets above 1 GiB, 65,536 above 4 GiB
        assertEquals(16_384, KernelDefaults.defaultBuckets(2_048, KernelGeneration.LEGACY));
        assertEquals(65_536, KernelDefaults.defaultBuckets(8_192, KernelGeneration.LEGACY));
    }

    @Test
    public void bucketCountsAreRoundedUpToWholePagesOfHeads() {
        // 4 KiB page / 8 B head = 512 heads per page; a guest with a bit less than 512 MiB still gets 4096.
        assertEquals(4_096, KernelDefaults.roundUpToBucketPage(3_920));
        assertEquals(512, KernelDefaults.roundUpToBucketPage(1));
        assertEquals(1_024, KernelDefaults.roundUpToBucketPage(1_024));
    }

    @Test
    public void cloudStackDefaultAt512MiBHasChainsOf488AndDoesNotFit() {
        RouterSize size = new RouterSize(1, 500, 512);
        KernelTuning stock = KernelDefaults.cloudStackDefault(size, modern);
        assertEquals(1_000_000, stock.value(TuningKey.CONNTRACK_MAX));
        assertEquals(4_096, stock.value(TuningKey.CONNTRACK_BUCKETS));
        // Each entry is hashed twice: 2 x 1,000,000 / 4,096 = 488.3
        assertEquals(488.3, stock.averageChainLengthAtFull(), 0.05);

        TableAssessment assessment = TableAssessment.assess(stock, size, modern);
        // 1,000,000 x 400 B + 4,096 x 8 B = 400,032,768 B = 74.5 % of 512 MiB
        assertEquals(400_032_768L, assessment.getFullTableBytes());
        assertEquals(TableAssessment.MemoryVerdict.DOES_NOT_FIT, assessment.getMemoryVerdict());
        assertTrue(assessment.hasLongChains());
        // Memory, the largest table within the budget, chain length.
        assertEquals(3, assessment.getFindings().size());
        assertTrue(assessment.getFindings().get(1), assessment.getFindings().get(1).contains(
                "conntrackmax=" + assessment.getBudget().getAllowedMax()));
    }

    @Test
    public void cloudStackDefaultAt256MiBCannotEvenHoldItsMaxInRam() {
        RouterSize size = new RouterSize(1, 500, 256);
        KernelTuning stock = KernelDefaults.cloudStackDefault(size, modern);
        assertEquals(976.6, stock.averageChainLengthAtFull(), 0.05);
        assertEquals(TableAssessment.MemoryVerdict.EXCEEDS_RAM,
                TableAssessment.assess(stock, size, modern).getMemoryVerdict());
    }

    @Test
    public void stockSettingsOtherThanConntrackMaxAreTheKernelDefaults() {
        KernelTuning stock = KernelDefaults.cloudStackDefault(new RouterSize(1, 500, 512), modern);
        assertEquals(432_000, stock.value(TuningKey.CONNTRACK_TCP_TIMEOUT_ESTABLISHED));
        assertEquals(120, stock.value(TuningKey.CONNTRACK_TCP_TIMEOUT_TIME_WAIT));
        assertEquals(1_000, stock.value(TuningKey.NETDEV_MAX_BACKLOG));
        assertEquals(300, stock.value(TuningKey.NETDEV_BUDGET));
        assertEquals(60, stock.value(TuningKey.TCP_FIN_TIMEOUT));
        assertEquals(1, stock.value(TuningKey.TCP_WINDOW_SCALING));
        assertEquals(1, stock.value(TuningKey.NIC_QUEUES));
        assertEquals(TuningValue.Source.CLOUDSTACK_DEFAULT, stock.get(TuningKey.CONNTRACK_MAX).getSource());
        assertEquals(TuningValue.Source.KERNEL_DEFAULT, stock.get(TuningKey.CONNTRACK_BUCKETS).getSource());
    }

    @Test
    public void kernelDefaultTableFitsAndHasChainsOfTwo() {
        RouterSize size = new RouterSize(1, 500, 512);
        KernelTuning kernel = KernelDefaults.kernelDefault(size, modern);
        assertEquals(4_096, kernel.value(TuningKey.CONNTRACK_MAX));
        assertEquals(2.0, kernel.averageChainLengthAtFull(), 0.0);
        TableAssessment assessment = TableAssessment.assess(kernel, size, modern);
        assertEquals(TableAssessment.MemoryVerdict.FITS, assessment.getMemoryVerdict());
        assertTrue(assessment.getFindings().isEmpty());
    }
}
