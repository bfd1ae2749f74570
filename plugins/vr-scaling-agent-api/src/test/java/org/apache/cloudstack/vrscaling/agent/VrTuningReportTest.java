package org.apache.cloudstack.vrscaling.agent;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.tuning.KeyResult;
import org.apache.cloudstack.vrscaling.core.tuning.TuningMode;
import org.apache.cloudstack.vrscaling.core.tuning.TuningOutcome;
import org.junit.Test;

/** Fixtures are real outputs of systemvm/vr_scaling.py (src/test/fixtures/gen_report_fixtures.py). */
public class VrTuningReportTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = VrTuningReportTest.class.getResourceAsStream(name)) {
            assertNotNull("missing fixture " + name, in);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static KeyResult key(List<KeyResult> keys, TuningKey key) {
        return keys.stream().filter(k -> k.getKey() == key).findFirst().orElseThrow();
    }

    @Test
    public void successfulApplyBecomesAnOkChangedOutcomeWithReadBackValues() throws Exception {
        TuningOutcome outcome = VrTuningReport.parse(fixture("apply-ok.json"), TuningMode.APPLY).toOutcome();

        assertTrue(outcome.isDelivered());
        assertTrue(outcome.isOk());
        assertTrue(outcome.isChanged());
        assertEquals("1.1.1", outcome.getScriptVersion());
        assertEquals(9, outcome.getKeys().size());
        KeyResult buckets = key(outcome.getKeys(), TuningKey.CONNTRACK_BUCKETS);
        assertEquals(KeyResult.Status.APPLIED, buckets.getStatus());
        assertEquals(Long.valueOf(250_000), buckets.getRequested());
        assertEquals(Long.valueOf(250_368), buckets.getActual());
        assertEquals(KeyResult.Status.UNCHANGED, key(outcome.getKeys(), TuningKey.TCP_WINDOW_SCALING).getStatus());
        KeyResult queues = key(outcome.getKeys(), TuningKey.NIC_QUEUES);
        assertEquals(KeyResult.Status.APPLIED, queues.getStatus());
        assertEquals(Long.valueOf(2), queues.getRequested());
        assertEquals(Long.valueOf(2), queues.getActual());
    }

    @Test
    public void secondApplyIsOkAndUnchanged() throws Exception {
        TuningOutcome outcome = VrTuningReport.parse(fixture("apply-again-unchanged.json"), TuningMode.APPLY)
                .toOutcome();

        assertTrue(outcome.isOk());
        assertFalse(outcome.isChanged());
        assertTrue(outcome.getKeys().stream().allMatch(k -> k.getStatus() == KeyResult.Status.UNCHANGED));
    }

    @Test
    public void failedKeyFailsTheApplyRollsBackTheOthersAndTheNicsAreNotAttempted() throws Exception {
        VrTuningReport report = VrTuningReport.parse(fixture("apply-failed.json"), TuningMode.APPLY);
        TuningOutcome outcome = report.toOutcome();

        assertTrue(outcome.isDelivered());
        assertFalse(outcome.isOk());
        KeyResult budget = key(outcome.getKeys(), TuningKey.NETDEV_BUDGET);
        assertEquals(KeyResult.Status.FAILED, budget.getStatus());
        assertEquals(Long.valueOf(300), budget.getActual());
        assertTrue(budget.getError(), budget.getError().contains("Input/output error"));
        // Written before the failure, put back: the value read back is the one from before.
        KeyResult max = key(outcome.getKeys(), TuningKey.CONNTRACK_MAX);
        assertEquals(KeyResult.Status.FAILED, max.getStatus());
        assertEquals(Long.valueOf(262_144), max.getActual());
        assertTrue(max.getError(), max.getError().contains("rolled back to 262144"));
        KeyResult queues = key(outcome.getKeys(), TuningKey.NIC_QUEUES);
        assertEquals(KeyResult.Status.FAILED, queues.getStatus());
        assertNull(queues.getActual());
        assertTrue(queues.getError(), queues.getError().contains("eth0: failed (not attempted"));
    }

    @Test
    public void aLimitedNicIsSummarisedWithItsNoteAndTheFewestQueues() throws Exception {
        VrTuningReport report = VrTuningReport.parse(fixture("apply-nic-limited.json"), TuningMode.APPLY);
        TuningOutcome outcome = report.toOutcome();

        assertTrue(outcome.isOk());
        KeyResult queues = key(outcome.getKeys(), TuningKey.NIC_QUEUES);
        // eth0 has one queue (limited), eth1 was set to 2 (applied): the worst wins, the fewest queues are shown.
        assertEquals(KeyResult.Status.LIMITED, queues.getStatus());
        assertEquals(Long.valueOf(1), queues.getActual());
        assertTrue(queues.getError(), queues.getError().contains("eth0: limited"));
        assertTrue(queues.getError(), queues.getError().contains("nic.multiqueue.number"));
        assertEquals(Integer.valueOf(1), report.nicQueuesOffered());
    }

    @Test
    public void verifyMatchReadsCurrentValues() throws Exception {
        VrTuningReport report = VrTuningReport.parse(fixture("verify-match.json"), TuningMode.VERIFY);

        assertTrue(report.isOk());
        assertNull(report.fileProblem());
        assertTrue(report.toOutcome().isOk());
        Map<TuningKey, Long> inForce = report.valuesInForce();
        assertEquals(9, inForce.size());
        assertEquals(Long.valueOf(250_368), inForce.get(TuningKey.CONNTRACK_BUCKETS));
        assertEquals(Long.valueOf(2), inForce.get(TuningKey.NIC_QUEUES));
        assertEquals(Integer.valueOf(4), report.nicQueuesOffered());
    }

    @Test
    public void verifyDriftIsAFailedOutcomeNamingTheKey() throws Exception {
        TuningOutcome outcome = VrTuningReport.parse(fixture("verify-drift.json"), TuningMode.VERIFY).toOutcome();

        assertTrue(outcome.isDelivered());
        assertFalse(outcome.isOk());
        KeyResult fin = key(outcome.getKeys(), TuningKey.TCP_FIN_TIMEOUT);
        assertEquals(KeyResult.Status.DRIFT, fin.getStatus());
        assertEquals(Long.valueOf(15), fin.getRequested());
        assertEquals(Long.valueOf(60), fin.getActual());
    }

    @Test
    public void verifyOnThisHostReportsTheMissingPersistedFile() throws Exception {
        // Produced by running "vr_scaling.py verify --set net.core.netdev_budget=300" on a plain host.
        VrTuningReport report = VrTuningReport.parse(fixture("verify-host-readonly.json"), TuningMode.VERIFY);

        assertFalse(report.isOk());
        assertEquals("persisted file /etc/sysctl.d/99-vr-scaling.conf is missing", report.fileProblem());
        assertEquals(KeyResult.Status.MATCH, report.keys().get(0).getStatus());
        assertNull(report.nicQueues());
        assertFalse(report.toOutcome().isOk());
        assertTrue(report.toOutcome().getMessage(), report.toOutcome().getMessage().contains("is missing"));
    }

    @Test
    public void diagnoseKeepsTheRawMeasurementsWithIntegersAsLong() throws Exception {
        VrTuningReport report = VrTuningReport.parse(fixture("diagnose.json"), TuningMode.DIAGNOSE);

        assertTrue(report.isOk());
        Map<String, Object> measurements = report.measurements();
        assertEquals("6.1.0-40-amd64", measurements.get("kernel_release"));
        assertEquals(3L, measurements.get("oom_kills"));
        @SuppressWarnings("unchecked")
        Map<String, Object> conntrack = (Map<String, Object>) measurements.get("conntrack");
        assertEquals(1234L, conntrack.get("count"));
        assertEquals(262144L, conntrack.get("buckets"));
        assertTrue(report.toOutcome().getKeys().isEmpty());
    }

    @Test
    public void removeIsOkAndChanged() throws Exception {
        TuningOutcome outcome = VrTuningReport.parse(fixture("remove.json"), TuningMode.REMOVE).toOutcome();

        assertTrue(outcome.isOk());
        assertTrue(outcome.isChanged());
        assertTrue(outcome.getKeys().isEmpty());
    }

    @Test
    public void refusedInputIsAFailedOutcomeCarryingTheScriptsError() throws Exception {
        TuningOutcome outcome = VrTuningReport.parse(fixture("refused.json"), TuningMode.APPLY).toOutcome();

        assertFalse(outcome.isOk());
        assertTrue(outcome.getMessage(), outcome.getMessage().contains("outside 100..3000"));
    }

    @Test
    public void reportAfterOtherOutputLinesIsFound() throws Exception {
        String output = "Warning: Permanently added '[169.254.3.7]:3922' to the list of known hosts.\n"
                + fixture("verify-match.json");

        assertTrue(VrTuningReport.parse(output, TuningMode.VERIFY).isOk());
    }

    @Test
    public void reportForAnotherModeIsRefused() throws Exception {
        String verify = fixture("verify-match.json");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VrTuningReport.parse(verify, TuningMode.APPLY));
        assertTrue(e.getMessage(), e.getMessage().contains("asked for apply"));
    }

    @Test
    public void emptyOutputIsRefusedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VrTuningReport.parse("  \n", TuningMode.APPLY));
        assertEquals("the tuning script printed nothing", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VrTuningReport.parse(null, TuningMode.APPLY));
    }

    @Test
    public void nonJsonOutputIsRefusedQuotingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VrTuningReport.parse("bash: python3: command not found", TuningMode.APPLY));
        assertTrue(e.getMessage(), e.getMessage().contains("no JSON report"));
        assertTrue(e.getMessage(), e.getMessage().contains("python3: command not found"));
    }

    @Test
    public void brokenJsonIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VrTuningReport.parse("{\"ok\": true, \"mode\": }", TuningMode.APPLY));
        assertTrue(e.getMessage(), e.getMessage().contains("not valid JSON"));
    }

    @Test
    public void jsonWithoutOkIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> VrTuningReport.parse("{\"mode\": \"apply\"}", TuningMode.APPLY));
    }

    @Test
    public void unknownStatusIsRefused() {
        String json = "{\"ok\": true, \"mode\": \"apply\", \"keys\": [{\"key\": \"net.ipv4.tcp_fin_timeout\","
                + " \"requested\": 15, \"after\": 15, \"status\": \"great\"}]}";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VrTuningReport.parse(json, TuningMode.APPLY));
        assertTrue(e.getMessage(), e.getMessage().contains("great"));
    }

    @Test
    public void unknownKeyIsRefused() {
        String json = "{\"ok\": true, \"mode\": \"apply\", \"keys\": [{\"key\": \"kernel.panic\","
                + " \"requested\": 1, \"after\": 1, \"status\": \"applied\"}]}";

        assertThrows(IllegalArgumentException.class, () -> VrTuningReport.parse(json, TuningMode.APPLY));
    }

    @Test
    public void nonNumericValueIsRefused() {
        String json = "{\"ok\": true, \"mode\": \"apply\", \"keys\": [{\"key\": \"net.ipv4.tcp_fin_timeout\","
                + " \"requested\": \"15\", \"after\": [1], \"status\": \"applied\"}]}";

        assertThrows(IllegalArgumentException.class, () -> VrTuningReport.parse(json, TuningMode.APPLY));
    }

    @Test
    public void everyScriptStatusWordMapsToACoreStatus() {
        assertEquals(KeyResult.Status.APPLIED, VrTuningReport.status("applied"));
        assertEquals(KeyResult.Status.UNCHANGED, VrTuningReport.status("unchanged"));
        assertEquals(KeyResult.Status.MATCH, VrTuningReport.status("match"));
        assertEquals(KeyResult.Status.DRIFT, VrTuningReport.status("drift"));
        assertEquals(KeyResult.Status.FAILED, VrTuningReport.status("failed"));
        assertEquals(KeyResult.Status.FAILED, VrTuningReport.status("error"));
        assertEquals(KeyResult.Status.UNSUPPORTED, VrTuningReport.status("unsupported"));
        assertEquals(KeyResult.Status.READ_ONLY, VrTuningReport.status("read-only"));
        assertEquals(KeyResult.Status.LIMITED, VrTuningReport.status("limited"));
        assertEquals(KeyResult.Status.PENDING, VrTuningReport.status("pending"));
    }

    // Fixtures *-limited.json and *-pending.json: vr_scaling.py on a fake 256 MiB tree (2 memory blocks of 128 MiB,
    // which the budget uses; a lower MemTotal) asked for conntrackmax=1000000, conntrackbuckets=262144 with
    // --memory-fraction 0.25 --bytes-per-entry 400.

    @Test
    public void aBudgetLimitedApplyIsDeliveredOkWithAWarningNamingBothValues() throws Exception {
        VrTuningReport report = VrTuningReport.parse(fixture("apply-limited.json"), TuningMode.APPLY);
        TuningOutcome outcome = report.toOutcome();

        assertTrue(outcome.isOk());
        assertFalse(outcome.isPending());
        KeyResult max = key(outcome.getKeys(), TuningKey.CONNTRACK_MAX);
        assertEquals(KeyResult.Status.LIMITED, max.getStatus());
        assertEquals(Long.valueOf(1_000_000), max.getRequested());
        assertEquals(Long.valueOf(166_901), max.getAllowed());
        assertEquals(Long.valueOf(166_901), max.getActual());
        assertEquals(Map.of(TuningKey.CONNTRACK_MAX, 166_901L, TuningKey.CONNTRACK_BUCKETS, 43_520L),
                report.budgetLimits());
        assertEquals(2, outcome.getLimited().size());
        assertTrue(outcome.getMessage(), outcome.getMessage().contains("2 limited"));
        assertTrue(outcome.getMessage(), outcome.getMessage().contains("conntrackmax limited to 166901 (requested "
                + "1000000): limited to 166901 (requested 1000000): a full table"));
        // The warning says which memory the router budgeted with (the budget object's new fields are not read).
        assertTrue(outcome.getMessage(), outcome.getMessage().contains("(0.25 of the router's 256.0 MiB, from memory "
                + "blocks)"));
        // The values are the same rule the management server uses.
        org.apache.cloudstack.vrscaling.core.sizing.ConntrackBudget budget = org.apache.cloudstack.vrscaling.core
                .sizing.ConntrackBudget.of(256L << 20, 0.25, 400, 1_000_000, 262_144);
        assertEquals(budget.getAllowedMax(), max.getAllowed().longValue());
        assertEquals(budget.getAllowedBuckets(), key(outcome.getKeys(), TuningKey.CONNTRACK_BUCKETS).getAllowed()
                .longValue());
    }

    @Test
    public void aBudgetLimitedVerifyReadsTheValuesInForceAndTheLimits() throws Exception {
        VrTuningReport report = VrTuningReport.parse(fixture("verify-limited.json"), TuningMode.VERIFY);

        assertTrue(report.isOk());
        assertEquals(Long.valueOf(166_901), report.valuesInForce().get(TuningKey.CONNTRACK_MAX));
        assertEquals(Long.valueOf(43_520), report.valuesInForce().get(TuningKey.CONNTRACK_BUCKETS));
        assertEquals(Long.valueOf(43_520), report.budgetLimits().get(TuningKey.CONNTRACK_BUCKETS));
        assertTrue(report.pendingKeys().isEmpty());
    }

    @Test
    public void aPendingApplyIsDeliveredButNotASuccess() throws Exception {
        VrTuningReport report = VrTuningReport.parse(fixture("apply-pending.json"), TuningMode.APPLY);
        TuningOutcome outcome = report.toOutcome();

        assertTrue("the script says ok: the values are persisted", report.isOk());
        assertTrue(outcome.isDelivered());
        assertFalse("not in force yet", outcome.isOk());
        assertTrue(outcome.isPending());
        assertEquals(java.util.Set.of(TuningKey.CONNTRACK_MAX, TuningKey.CONNTRACK_BUCKETS,
                TuningKey.CONNTRACK_TCP_TIMEOUT_ESTABLISHED), report.pendingKeys());
        assertNull(key(outcome.getKeys(), TuningKey.CONNTRACK_MAX).getActual());
        assertTrue(outcome.toString(), outcome.toString().startsWith("pending: apply ok (1 unchanged, 3 pending), script 1.1.1; pending conntrackmax=1000000 (limited to 166901), conntrackbuckets=262144 (limited to 43520), conntracktcpestablishedtimeout=7440: not in the kernel yet"));
        assertTrue(outcome.getMessage(), outcome.getMessage().contains("applies when the module loads"));
    }

    @Test
    public void aPendingVerifyIsNotOk() throws Exception {
        VrTuningReport report = VrTuningReport.parse(fixture("verify-pending.json"), TuningMode.VERIFY);

        assertFalse(report.isOk());
        assertTrue(report.toOutcome().isPending());
        assertFalse(report.valuesInForce().containsKey(TuningKey.CONNTRACK_MAX));
    }

    @Test
    public void anAllowedValueAboveTheRequestOrALimitedKeyWithoutOneIsRefused() throws Exception {
        String above = fixture("verify-limited.json").replace("\"allowed\": 166901", "\"allowed\": 2000000");
        assertThrows(IllegalArgumentException.class, () -> VrTuningReport.parse(above, TuningMode.VERIFY));
        String without = fixture("verify-limited.json").replace("\"allowed\": 166901, ", "");
        assertThrows(IllegalArgumentException.class, () -> VrTuningReport.parse(without, TuningMode.VERIFY));
    }
}
