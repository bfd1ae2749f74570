package org.apache.cloudstack.vrscaling.core.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        List<KeyResult> results = new ArrayList<>();
        for (TuningKey key : TuningKey.values()) {
            long want = requested.value(key);
            Long got = actual.get(key);
            if (got == null) {
                results.add(new KeyResult(key, want, null, KeyResult.Status.UNSUPPORTED, "not readable on the router"));
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
