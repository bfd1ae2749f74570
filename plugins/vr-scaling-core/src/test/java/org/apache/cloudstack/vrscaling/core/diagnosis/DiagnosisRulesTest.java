package org.apache.cloudstack.vrscaling.core.diagnosis;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.junit.Test;

/** One row per line of the troubleshooting matrix, plus a healthy router and contradictory evidence. */
public class DiagnosisRulesTest {
    private static final RouterSize SMALL = new RouterSize(1, 1000, 512);
    private static final RouterSize FOUR_CPUS = new RouterSize(4, 2000, 4096);

    private final DiagnosisRules rules = new DiagnosisRules(new SizingModel(SizingAssumptions.defaults()));

    /** A 512 MiB, 1 vCPU router tuned by VR Scale and lightly loaded. */
    private static VrMeasurements healthy() {
        return new VrMeasurements().cpus(1).memTotalKb(480L * 1024).oomKills(0L)
                .conntrackCount(10_000L).conntrackMax(328_704L).conntrackBuckets(328_704L)
                .conntrackDrop(0L).conntrackEarlyDrop(0L).conntrackInsertFailed(0L)
                .softnetDropped(0L).softnetTimeSqueeze(3L)
                .stealPct(1.0).busyPct(20.0).contextSwitchesPerSecond(5_000.0)
                .nic(new VrMeasurements.Nic("eth0", "virtio_net", 1_000_000L, 0L, 1));
    }

    private static final class Row {
        final String name;
        final RouterSize offering;
        final UnaryOperator<VrMeasurements> change;
        final List<Finding.Code> expected;
        final Finding.Severity severity;
        final String fixMentions;
        final boolean resize;

        Row(String name, RouterSize offering, UnaryOperator<VrMeasurements> change, List<Finding.Code> expected,
            Finding.Severity severity, String fixMentions, boolean resize) {
            this.name = name;
            this.offering = offering;
            this.change = change;
            this.expected = expected;
            this.severity = severity;
            this.fixMentions = fixMentions;
            this.resize = resize;
        }
    }

    private static List<Finding.Code> codes(Finding.Code... codes) {
        return Arrays.asList(codes);
    }

    private static final List<Row> MATRIX = Arrays.asList(
            new Row("healthy router", SMALL, m -> m, Collections.emptyList(), null, null, false),
            new Row("conntrack near max, RAM has room", SMALL,
                    m -> m.conntrackMax(65_536L).conntrackBuckets(65_536L).conntrackCount(60_000L),
                    codes(Finding.Code.CONNTRACK_PRESSURE), Finding.Severity.WARNING,
                    "Raise nf_conntrack_max to 328,704", false),
            new Row("conntrack full and dropping, RAM-bound", SMALL,
                    m -> m.conntrackCount(328_000L).conntrackDrop(50L).conntrackEarlyDrop(7L),
                    codes(Finding.Code.CONNTRACK_PRESSURE), Finding.Severity.CRITICAL, "RAM-bound", true),
            new Row("stock VR: 1M max on 4,096 buckets", SMALL,
                    m -> m.conntrackMax(1_000_000L).conntrackBuckets(4_096L),
                    codes(Finding.Code.LONG_HASH_CHAINS, Finding.Code.CONNTRACK_OVER_BUDGET), Finding.Severity.WARNING,
                    "Set nf_conntrack_buckets to 1,000,448", false),
            new Row("stock VR refusing new flows: chains too long", SMALL,
                    m -> m.conntrackMax(1_000_000L).conntrackBuckets(4_096L).conntrackCount(165_158L)
                            .conntrackInsertFailed(834_843L).conntrackChainTooLong(834_843L),
                    codes(Finding.Code.LONG_HASH_CHAINS, Finding.Code.CONNTRACK_OVER_BUDGET), Finding.Severity.CRITICAL,
                    "Set nf_conntrack_buckets to 1,000,448", false),
            new Row("a table over the RAM budget, short chains", SMALL,
                    m -> m.conntrackMax(1_000_000L).conntrackBuckets(1_000_000L),
                    codes(Finding.Code.CONNTRACK_OVER_BUDGET), Finding.Severity.CRITICAL, "vm.panic_on_oom=1", false),
            new Row("OOM kills", SMALL, m -> m.oomKills(3L),
                    codes(Finding.Code.OOM_KILLS), Finding.Severity.CRITICAL, "more RAM", true),
            new Row("RX drops, several vCPUs, one queue", FOUR_CPUS,
                    m -> m.cpus(4).memTotalKb(3_900L * 1024).softnetDropped(1_200L)
                            .nic(new VrMeasurements.Nic("eth2", "virtio_net", 9_000_000L, 4_500L, 1)),
                    codes(Finding.Code.SINGLE_QUEUE_DROPS), Finding.Severity.WARNING,
                    "nic.multiqueue.number=4", false),
            new Row("RX drops on one vCPU", SMALL,
                    m -> m.nic(new VrMeasurements.Nic("eth2", "virtio_net", 9_000_000L, 4_500L, 1)),
                    codes(Finding.Code.CPU_BOUND_DROPS), Finding.Severity.WARNING, "more vCPUs", true),
            new Row("high steal, low guest CPU", SMALL, m -> m.stealPct(35.0).busyPct(15.0),
                    codes(Finding.Code.HOST_CONTENTION), Finding.Severity.WARNING, "migrate the router", false),
            new Row("context switch storm at low CPU", FOUR_CPUS,
                    m -> m.cpus(4).memTotalKb(3_900L * 1024).contextSwitchesPerSecond(200_000.0).busyPct(30.0),
                    codes(Finding.Code.CONTEXT_SWITCH_STORM), Finding.Severity.INFO, "irqbalance", false),
            new Row("guest runs a different size than its offering", new RouterSize(2, 2000, 2048), m -> m,
                    codes(Finding.Code.SIZE_MISMATCH), Finding.Severity.CRITICAL, "did not take effect", false));

    @Test
    public void anOverBudgetTableNamesTheSameLargestTableTheApiAndTheScriptUse() {
        Finding finding = rules.diagnose(healthy().conntrackMax(1_000_000L).conntrackBuckets(262_144L),
                new RouterSize(1, 1000, 512)).getFindings().stream()
                .filter(f -> f.getCode() == Finding.Code.CONNTRACK_OVER_BUDGET).findFirst().orElseThrow();
        // The shared vector for 512 MiB at 25 % and 400 B: 333,803 entries and 87,040 buckets.
        assertTrue(finding.getEvidence(), finding.getEvidence().contains(
                "the largest that fits is conntrackmax=333803 with conntrackbuckets=87040"));
    }

    @Test
    public void everyRowOfTheMatrixProducesItsFindingSeverityAndFix() {
        for (Row row : MATRIX) {
            Diagnosis diagnosis = rules.diagnose(row.change.apply(healthy()), row.offering);
            List<Finding.Code> found = diagnosis.getFindings().stream().map(Finding::getCode)
                    .collect(Collectors.toList());
            assertEquals(row.name + ": " + diagnosis.getFindings(), row.expected, found);
            assertEquals(row.name, row.resize, diagnosis.isResizeAdvised());
            if (row.severity != null) {
                Finding finding = diagnosis.getFindings().get(0);
                assertEquals(row.name, row.severity, finding.getSeverity());
                assertTrue(row.name + ": " + finding.getFix(), finding.getFix().contains(row.fixMentions));
                assertFalse(row.name, finding.getEvidence().isEmpty());
            }
        }
    }

    @Test
    public void memoryAndCpuFindingsRecommendALargerSize() {
        Diagnosis oom = rules.diagnose(healthy().oomKills(1L), SMALL);
        assertTrue(oom.getRecommended().getSize().getMemoryMib() > SMALL.getMemoryMib());
        Diagnosis cpu = rules.diagnose(healthy().nic(new VrMeasurements.Nic("eth2", "virtio_net", 1L, 9L, 1)), SMALL);
        assertTrue(cpu.getRecommended().getSize().getCpus() > 1);
        Diagnosis full = rules.diagnose(healthy().conntrackCount(328_000L).conntrackDrop(5L), SMALL);
        assertTrue(full.getRecommended().getSize().getMemoryMib() > SMALL.getMemoryMib());
    }

    @Test
    public void hostContentionOverridesEvidenceThatWouldAskForABiggerRouter() {
        Diagnosis diagnosis = rules.diagnose(healthy().oomKills(2L).stealPct(40.0).busyPct(10.0), SMALL);
        assertTrue(diagnosis.has(Finding.Code.OOM_KILLS));
        assertTrue(diagnosis.has(Finding.Code.HOST_CONTENTION));
        assertFalse(diagnosis.isResizeAdvised());
        assertTrue(diagnosis.getRecommendation().startsWith("Do not resize now"));
    }

    @Test
    public void dropCountersFromAnEarlierPeakAreNotAnEmergencyWhenTheTableIsNowQuiet() {
        Diagnosis diagnosis = rules.diagnose(healthy().conntrackCount(20_000L).conntrackDrop(900L), SMALL);
        Finding finding = diagnosis.getFindings().get(0);
        assertEquals(Finding.Code.CONNTRACK_PRESSURE, finding.getCode());
        assertEquals(Finding.Severity.WARNING, finding.getSeverity());
        assertTrue(finding.getEvidence().contains("the drops happened earlier"));
    }

    @Test
    public void unknownMeasurementsProduceNoFindingsRatherThanGuesses() {
        Diagnosis diagnosis = rules.diagnose(new VrMeasurements(), SMALL);
        assertTrue(diagnosis.isHealthy());
        assertFalse(diagnosis.isResizeAdvised());
    }
}
