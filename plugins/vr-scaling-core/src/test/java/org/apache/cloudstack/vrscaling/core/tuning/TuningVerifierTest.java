package org.apache.cloudstack.vrscaling.core.tuning;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.sizing.TuningValue;
import org.junit.Test;

public class TuningVerifierTest {
    private final SizingModel model = new SizingModel(SizingAssumptions.defaults());
    private final KernelTuning tuning = model.derive(new RouterSize(2, 2000, 2048));

    private Map<TuningKey, Long> inForce(KernelTuning t) {
        Map<TuningKey, Long> actual = new EnumMap<>(TuningKey.class);
        for (TuningKey key : TuningKey.values()) {
            actual.put(key, TuningVerifier.expectedInForce(key, t.value(key)));
        }
        return actual;
    }

    private static KeyResult result(List<KeyResult> results, TuningKey key) {
        return results.stream().filter(r -> r.getKey() == key).findFirst().orElseThrow(AssertionError::new);
    }

    @Test
    public void valuesInForceMatch() {
        List<KeyResult> results = TuningVerifier.compare(tuning, inForce(tuning), 2);
        assertEquals(TuningKey.values().length, results.size());
        for (KeyResult r : results) {
            assertEquals(r.toString(), KeyResult.Status.MATCH, r.getStatus());
        }
    }

    @Test
    public void bucketsRoundedUpByTheKernelStillMatch() {
        KernelTuning odd = tuning.with(new TuningValue(TuningKey.CONNTRACK_BUCKETS, 100_000,
                TuningValue.Source.OVERRIDE, "test", 0));
        Map<TuningKey, Long> actual = inForce(tuning);
        actual.put(TuningKey.CONNTRACK_BUCKETS, 100_352L); // 196 pages of 512 heads
        assertEquals(KeyResult.Status.MATCH,
                result(TuningVerifier.compare(odd, actual, 2), TuningKey.CONNTRACK_BUCKETS).getStatus());
    }

    @Test
    public void aValueTheRouterLostIsDrift() {
        Map<TuningKey, Long> actual = inForce(tuning);
        actual.put(TuningKey.CONNTRACK_MAX, 1_000_000L); // the stock sysctl.conf won at boot
        KeyResult r = result(TuningVerifier.compare(tuning, actual, 2), TuningKey.CONNTRACK_MAX);
        assertEquals(KeyResult.Status.DRIFT, r.getStatus());
        assertTrue(r.getStatus().isFailure());
        assertEquals(Long.valueOf(1_000_000L), r.getActual());
    }

    @Test
    public void queuesCappedByTheHypervisorAreLimitedNotDrift() {
        Map<TuningKey, Long> actual = inForce(tuning);
        actual.put(TuningKey.NIC_QUEUES, 1L);
        KeyResult r = result(TuningVerifier.compare(tuning, actual, 1), TuningKey.NIC_QUEUES);
        assertEquals(KeyResult.Status.LIMITED, r.getStatus());
        assertFalse(r.getStatus().isFailure());
        assertTrue(r.getError().contains("nic.multiqueue.number"));
        // when the NIC offers more, 1 queue is drift
        assertEquals(KeyResult.Status.DRIFT,
                result(TuningVerifier.compare(tuning, actual, 4), TuningKey.NIC_QUEUES).getStatus());
    }

    @Test
    public void unreadableValuesAreUnsupported() {
        Map<TuningKey, Long> actual = inForce(tuning);
        actual.remove(TuningKey.CONNTRACK_MAX);
        assertEquals(KeyResult.Status.UNSUPPORTED,
                result(TuningVerifier.compare(tuning, actual, 2), TuningKey.CONNTRACK_MAX).getStatus());
    }

    @Test
    public void notDeliveredIsNeverOk() {
        TuningOutcome outcome = new NotDeliveredTuningPort("agent extension missing").apply(1, tuning);
        assertFalse(outcome.isDelivered());
        assertFalse(outcome.isOk());
        assertEquals("not delivered: agent extension missing", outcome.toString());
        assertFalse(new TuningOutcome(false, true, false, "x", null, null).isOk());
    }

    @Test
    public void notDeliveredRemoveIsNeverOk() {
        TuningOutcome outcome = new NotDeliveredTuningPort("agent extension missing").remove(1);
        assertFalse(outcome.isDelivered());
        assertFalse(outcome.isOk());
        assertEquals("not delivered: agent extension missing", outcome.toString());
    }

    @Test
    public void digestDependsOnValuesOnly() {
        String digest = TuningDigest.of(tuning);
        assertTrue(digest.matches("sha256:[0-9a-f]{64}"));
        assertEquals(digest, TuningDigest.of(model.derive(new RouterSize(2, 2000, 2048))));
        assertNotEquals(digest, TuningDigest.of(model.derive(new RouterSize(2, 2000, 4096))));
        KernelTuning sameValueOtherReason = tuning.with(new TuningValue(TuningKey.NETDEV_BUDGET, 600,
                TuningValue.Source.OVERRIDE, "other reason", 0));
        assertEquals(digest, TuningDigest.of(sameValueOtherReason));
    }

    @Test
    public void aValueTheConntrackBudgetLimitedIsLimitedNotDrift() {
        Map<TuningKey, Long> actual = inForce(tuning);
        actual.put(TuningKey.CONNTRACK_MAX, 166_942L);
        actual.put(TuningKey.CONNTRACK_BUCKETS, 41_472L);
        List<KeyResult> results = TuningVerifier.compare(tuning, actual, 2, Map.of(TuningKey.CONNTRACK_MAX, 166_942L,
                TuningKey.CONNTRACK_BUCKETS, 41_472L), Set.of());

        KeyResult max = result(results, TuningKey.CONNTRACK_MAX);
        assertEquals(KeyResult.Status.LIMITED, max.getStatus());
        assertFalse(max.getStatus().isFailure());
        assertEquals(Long.valueOf(166_942L), max.getAllowed());
        assertTrue(max.getError(), max.getError().contains("allows 166942"));
        assertEquals(KeyResult.Status.LIMITED, result(results, TuningKey.CONNTRACK_BUCKETS).getStatus());
        TuningOutcome outcome = new TuningOutcome(true, true, false, "verify ok", results, "1.1.0");
        assertTrue(outcome.isOk());
        assertEquals(2, outcome.getLimited().size());
        assertTrue(outcome.getWarnings().get(0), outcome.getWarnings().get(0).startsWith(
                "conntrackmax limited to 166942 (requested " + tuning.value(TuningKey.CONNTRACK_MAX) + ")"));
    }

    @Test
    public void aBudgetLimitIsNoExcuseForAnotherValueOrOneAboveTheRequest() {
        Map<TuningKey, Long> actual = inForce(tuning);
        actual.put(TuningKey.CONNTRACK_MAX, 100_000L);
        long want = tuning.value(TuningKey.CONNTRACK_MAX);
        List<KeyResult> results = TuningVerifier.compare(tuning, actual, 2, Map.of(TuningKey.CONNTRACK_MAX, 166_942L),
                Set.of());
        assertEquals(KeyResult.Status.DRIFT, result(results, TuningKey.CONNTRACK_MAX).getStatus());

        // The requested value in force although the router's budget allows less: it overfills RAM.
        actual.put(TuningKey.CONNTRACK_MAX, want);
        results = TuningVerifier.compare(tuning, actual, 2, Map.of(TuningKey.CONNTRACK_MAX, want - 10_000), Set.of());
        assertEquals(KeyResult.Status.DRIFT, result(results, TuningKey.CONNTRACK_MAX).getStatus());
        assertTrue(result(results, TuningKey.CONNTRACK_MAX).getError().contains("budget allows"));

        actual.put(TuningKey.CONNTRACK_MAX, want + 1_000);
        results = TuningVerifier.compare(tuning, actual, 2, Map.of(TuningKey.CONNTRACK_MAX, want + 1_000), Set.of());
        assertEquals(KeyResult.Status.DRIFT, result(results, TuningKey.CONNTRACK_MAX).getStatus());
    }

    @Test
    public void aPendingKeyIsNeitherSuccessNorFailure() {
        Map<TuningKey, Long> actual = inForce(tuning);
        actual.remove(TuningKey.CONNTRACK_MAX);
        actual.remove(TuningKey.CONNTRACK_BUCKETS);
        List<KeyResult> results = TuningVerifier.compare(tuning, actual, 2, Map.of(),
                Set.of(TuningKey.CONNTRACK_MAX, TuningKey.CONNTRACK_BUCKETS));

        KeyResult max = result(results, TuningKey.CONNTRACK_MAX);
        assertEquals(KeyResult.Status.PENDING, max.getStatus());
        assertFalse(max.getStatus().isFailure());
        assertTrue(max.getError(), max.getError().contains("applies when the module loads"));
        TuningOutcome outcome = new TuningOutcome(true, true, false, "verify", results, "1.1.0");
        assertFalse("pending is not verified", outcome.isOk());
        assertTrue(outcome.isPending());
        assertTrue(outcome.toString(), outcome.toString().startsWith("pending: "));
        assertEquals(1, outcome.getWarnings().size());
        assertTrue(outcome.getWarnings().toString(), outcome.getWarnings().get(0).startsWith("pending conntrackmax="));
        assertTrue(outcome.getWarnings().toString(), outcome.getWarnings().get(0).contains("nf_conntrack is not loaded"));
    }
}
