package org.apache.cloudstack.vrscaling.core.tuning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.cloudstack.vrscaling.core.sizing.KernelDefaults;
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;

/** Compares the values a router reports with the ones requested, knowing how the kernel adjusts them. */
public final class TuningVerifier {
    private TuningVerifier() {
    }

    /** The value a correct router shows for a request: the kernel rounds buckets up to whole pages. */
    public static long expectedInForce(TuningKey key, long requested) {
        return key == TuningKey.CONNTRACK_BUCKETS ? KernelDefaults.roundUpToBucketPage(requested) : requested;
    }

    /**
     * @param actual the values read back from the router; a missing key means it could not be read
     * @param nicQueuesOffered the queues the NICs offer (ethtool maximum), or null when unknown
     */
    public static List<KeyResult> compare(KernelTuning requested, Map<TuningKey, Long> actual,
                                          Integer nicQueuesOffered) {
        return compare(requested, actual, nicQueuesOffered, Collections.emptyMap(), Collections.emptySet());
    }

    /**
     * @param budgetLimits per key, the value the router's conntrack memory budget allows (the script's "allowed"),
     *                     reported when below the request; a value in force equal to it is LIMITED, not drift
     * @param pending      keys the router holds pending because nf_conntrack is not loaded: not verified yet
     */
    public static List<KeyResult> compare(KernelTuning requested, Map<TuningKey, Long> actual,
                                          Integer nicQueuesOffered, Map<TuningKey, Long> budgetLimits,
                                          Set<TuningKey> pending) {
        List<KeyResult> results = new ArrayList<>();
        for (TuningKey key : TuningKey.values()) {
            long want = requested.value(key);
            Long got = actual.get(key);
            Long limit = budgetLimits.get(key);
            if (pending.contains(key) && got == null) {
                results.add(new KeyResult(key, want, null, KeyResult.Status.PENDING, KeyResult.PENDING_MESSAGE));
            } else if (got == null) {
                results.add(new KeyResult(key, want, null, KeyResult.Status.UNSUPPORTED, "not readable on the router"));
            } else if (limit != null && limit < want) {
                // The router's budget allows less than asked: only the allowed value counts as in force (a limit is
                // never trusted above the request). The requested value in force would overfill its RAM: drift.
                if (got == expectedInForce(key, limit)) {
                    results.add(new KeyResult(key, want, got, KeyResult.Status.LIMITED, String.format(Locale.ROOT,
                            "the router's conntrack memory budget allows %d of the %d requested", limit, want),
                            limit));
                } else {
                    results.add(new KeyResult(key, want, got, KeyResult.Status.DRIFT, String.format(Locale.ROOT,
                            "router runs %d; its conntrack memory budget allows %d", got, limit), limit));
                }
            } else if (got == expectedInForce(key, want)) {
                results.add(new KeyResult(key, want, got, KeyResult.Status.MATCH, null));
            } else if (key == TuningKey.NIC_QUEUES && nicQueuesOffered != null && got.longValue() == nicQueuesOffered
                    && nicQueuesOffered < want) {
                results.add(new KeyResult(key, want, got, KeyResult.Status.LIMITED, "the NIC offers only "
                        + nicQueuesOffered + " queue(s): nic.multiqueue.number must be set before the router starts"));
            } else {
                results.add(new KeyResult(key, want, got, KeyResult.Status.DRIFT, "router runs " + got));
            }
        }
        return results;
    }
}
