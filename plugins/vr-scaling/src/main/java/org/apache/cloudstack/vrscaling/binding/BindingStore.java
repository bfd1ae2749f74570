package org.apache.cloudstack.vrscaling.binding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.cloudstack.api.ResourceDetail;
import org.apache.cloudstack.resourcedetail.ResourceDetailsDao;
import org.apache.cloudstack.resourcedetail.dao.VpcDetailsDao;
import org.apache.cloudstack.vrscaling.VrScalingDetails;

import com.cloud.network.dao.NetworkDetailsDao;

/**
 * Profile bindings and plan progress, kept in network_details / vpc_details so every management server sees them.
 * Only addDetail/removeDetail are used: saveDetails would wipe the resource's other details.
 */
public class BindingStore {
    static final int MAX_VALUE_LENGTH = 1024;

    @Inject
    NetworkDetailsDao networkDetailsDao;
    @Inject
    VpcDetailsDao vpcDetailsDao;

    /** What this server last knew about "is any network/VPC bound"; null when unknown (never read, or unbound). */
    private final AtomicReference<AnyBound> anyBound = new AtomicReference<>();

    /** An answer to "does any network or VPC have a profile bound", and when it was known. Immutable. */
    public static final class AnyBound {
        private final boolean any;
        private final long knownAtNanos;

        public AnyBound(boolean any, long knownAtNanos) {
            this.any = any;
            this.knownAtNanos = knownAtNanos;
        }

        public boolean any() {
            return any;
        }

        /** Whether the answer is older than maxAgeNanos at nowNanos (System.nanoTime()). */
        public boolean olderThan(long maxAgeNanos, long nowNanos) {
            return nowNanos - knownAtNanos > maxAgeNanos;
        }
    }

    /** A resource whose progress keys say a plan is running, as found at start-up. */
    public static final class RunningPlan {
        private final BindingScope.Type type;
        private final long resourceId;

        public RunningPlan(BindingScope.Type type, long resourceId) {
            this.type = type;
            this.resourceId = resourceId;
        }

        public BindingScope.Type getType() {
            return type;
        }

        public long getResourceId() {
            return resourceId;
        }
    }

    private ResourceDetailsDao<? extends ResourceDetail> dao(BindingScope.Type type) {
        return type == BindingScope.Type.VPC ? vpcDetailsDao : networkDetailsDao;
    }

    public void bind(BindingScope scope, String offeringUuid) {
        dao(scope.getType()).addDetail(scope.getId(), VrScalingDetails.PROFILE, offeringUuid, false);
        anyBound.set(new AnyBound(true, System.nanoTime()));
    }

    /**
     * The last known answer to "is any network/VPC bound", without reading anything: from the last
     * {@link #refreshAnyBound()} or a bind on this server; null when unknown (also right after an unbind here).
     * Bindings made on other management servers show up at the next refresh.
     */
    public AnyBound anyBoundKnown() {
        return anyBound.get();
    }

    /** Reads whether any network/VPC is bound and remembers it, unless a bind or unbind here overtook the read. */
    public boolean refreshAnyBound() {
        AnyBound before = anyBound.get();
        boolean any = !dao(BindingScope.Type.NETWORK).findDetails(VrScalingDetails.PROFILE).isEmpty()
                || !dao(BindingScope.Type.VPC).findDetails(VrScalingDetails.PROFILE).isEmpty();
        anyBound.compareAndSet(before, new AnyBound(any, System.nanoTime()));
        return any;
    }

    /** The uuid of the profile offering bound to the scope, or null. */
    public String boundProfile(BindingScope scope) {
        return value(scope.getType(), scope.getId(), VrScalingDetails.PROFILE);
    }

    /** Removes the scope's binding; its routers keep whatever size they run. Returns whether there was one. */
    public boolean unbind(BindingScope scope) {
        if (boundProfile(scope) == null) {
            return false;
        }
        dao(scope.getType()).removeDetail(scope.getId(), VrScalingDetails.PROFILE);
        anyBound.set(null);
        return true;
    }

    /** Whether the scope's progress keys say a plan is running (on any management server). */
    public boolean planRunning(BindingScope scope) {
        return VrScalingDetails.STATE_RUNNING.equals(value(scope.getType(), scope.getId(), VrScalingDetails.STATE));
    }

    /** Records a note for people without touching the plan state. */
    public void note(BindingScope scope, String note) {
        dao(scope.getType()).addDetail(scope.getId(), VrScalingDetails.NOTE, fit(note), false);
    }

    /** Ids of the networks (or VPCs) that have a profile bound. */
    public List<Long> boundIds(BindingScope.Type type) {
        List<Long> ids = new ArrayList<>();
        for (ResourceDetail detail : dao(type).findDetails(VrScalingDetails.PROFILE)) {
            ids.add(detail.getResourceId());
        }
        return ids;
    }

    public int countNetworks(String offeringUuid) {
        return networkDetailsDao.findDetails(VrScalingDetails.PROFILE, offeringUuid, null).size();
    }

    public int countVpcs(String offeringUuid) {
        return vpcDetailsDao.findDetails(VrScalingDetails.PROFILE, offeringUuid, null).size();
    }

    /** Removes every binding to the profile; the routers keep whatever size they run. Returns how many. */
    public int unbindAll(String offeringUuid) {
        int removed = 0;
        for (BindingScope.Type type : BindingScope.Type.values()) {
            for (ResourceDetail detail : dao(type).findDetails(VrScalingDetails.PROFILE, offeringUuid, null)) {
                dao(type).removeDetail(detail.getResourceId(), VrScalingDetails.PROFILE);
                removed++;
            }
        }
        if (removed > 0) {
            anyBound.set(null);
        }
        return removed;
    }

    public void planStarted(BindingScope scope, String owner, long ownerMsid, long startedMillis) {
        ResourceDetailsDao<? extends ResourceDetail> dao = dao(scope.getType());
        dao.addDetail(scope.getId(), VrScalingDetails.TOUCHED, "", false);
        dao.addDetail(scope.getId(), VrScalingDetails.OWNER, owner, false);
        dao.addDetail(scope.getId(), VrScalingDetails.OWNER_MSID, String.valueOf(ownerMsid), false);
        dao.addDetail(scope.getId(), VrScalingDetails.STARTED, String.valueOf(startedMillis), false);
        dao.addDetail(scope.getId(), VrScalingDetails.NOTE, "", false);
        dao.addDetail(scope.getId(), VrScalingDetails.STEP, "planned", false);
        dao.addDetail(scope.getId(), VrScalingDetails.STATE, VrScalingDetails.STATE_RUNNING, false);
    }

    public void step(BindingScope scope, String step) {
        dao(scope.getType()).addDetail(scope.getId(), VrScalingDetails.STEP, fit(step), false);
    }

    /** Detail values are VARCHAR(1024): a long failure note must not make recording the failure fail too. */
    static String fit(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH - 3) + "...";
    }

    /** Records a router the plan is about to stop, and the offering it ran, before it stops it. */
    public void touched(BindingScope scope, long routerId, long previousOfferingId) {
        Map<Long, Long> routers = touchedOfferings(scope.getType(), scope.getId());
        routers.put(routerId, previousOfferingId);
        dao(scope.getType()).addDetail(scope.getId(), VrScalingDetails.TOUCHED, routers.entrySet().stream()
                .map(e -> e.getValue() == null ? String.valueOf(e.getKey()) : e.getKey() + "@" + e.getValue())
                .collect(Collectors.joining(",")), false);
    }

    public void planFinished(BindingScope.Type type, long resourceId, boolean ok, String note) {
        ResourceDetailsDao<? extends ResourceDetail> dao = dao(type);
        dao.addDetail(resourceId, VrScalingDetails.NOTE, fit(note), false);
        dao.addDetail(resourceId, VrScalingDetails.STATE, ok ? VrScalingDetails.STATE_DONE
                : VrScalingDetails.STATE_FAILED, false);
    }

    public List<Long> touched(BindingScope.Type type, long resourceId) {
        return new ArrayList<>(touchedOfferings(type, resourceId).keySet());
    }

    /** The routers the plan stopped, in order, each with the offering it ran before (null when not recorded). */
    public Map<Long, Long> touchedOfferings(BindingScope.Type type, long resourceId) {
        Map<Long, Long> routers = new LinkedHashMap<>();
        String csv = value(type, resourceId, VrScalingDetails.TOUCHED);
        if (csv == null || csv.trim().isEmpty()) {
            return routers;
        }
        for (String part : csv.split(",")) {
            String[] fields = part.trim().split("@", 2);
            try {
                routers.put(Long.parseLong(fields[0]), fields.length > 1 ? Long.parseLong(fields[1]) : null);
            } catch (NumberFormatException e) {
                // A hand-edited detail: skip what is not an id rather than abandon the clean-up.
            }
        }
        return routers;
    }

    /** The id of the management server that runs (or ran) the scope's last plan, or null for older plans. */
    public Long ownerMsid(BindingScope.Type type, long resourceId) {
        return parseLong(value(type, resourceId, VrScalingDetails.OWNER_MSID));
    }

    /** Automatic rescales of the scope that failed in a row. */
    public int automaticFailures(BindingScope scope) {
        Long failures = parseLong(value(scope.getType(), scope.getId(), VrScalingDetails.AUTO_FAILURES));
        return failures == null ? 0 : failures.intValue();
    }

    /** No automatic rescale of the scope before this time (epoch milliseconds), or null. */
    public Long automaticRetryAfter(BindingScope scope) {
        return parseLong(value(scope.getType(), scope.getId(), VrScalingDetails.AUTO_RETRY_AFTER));
    }

    public void automaticFailed(BindingScope scope, int failures, long retryAfterMillis) {
        ResourceDetailsDao<? extends ResourceDetail> dao = dao(scope.getType());
        dao.addDetail(scope.getId(), VrScalingDetails.AUTO_FAILURES, String.valueOf(failures), false);
        dao.addDetail(scope.getId(), VrScalingDetails.AUTO_RETRY_AFTER, String.valueOf(retryAfterMillis), false);
    }

    /** A success, an API scale or a reset starts the automatic path afresh. */
    public void automaticReset(BindingScope scope) {
        ResourceDetailsDao<? extends ResourceDetail> dao = dao(scope.getType());
        dao.removeDetail(scope.getId(), VrScalingDetails.AUTO_FAILURES);
        dao.removeDetail(scope.getId(), VrScalingDetails.AUTO_RETRY_AFTER);
    }

    public String owner(BindingScope.Type type, long resourceId) {
        return value(type, resourceId, VrScalingDetails.OWNER);
    }

    /** When the scope's last plan started (epoch milliseconds), or null when not recorded. */
    public Long started(BindingScope.Type type, long resourceId) {
        return parseLong(value(type, resourceId, VrScalingDetails.STARTED));
    }

    public String step(BindingScope.Type type, long resourceId) {
        return value(type, resourceId, VrScalingDetails.STEP);
    }

    public List<RunningPlan> runningPlans() {
        List<RunningPlan> plans = new ArrayList<>();
        for (BindingScope.Type type : Arrays.asList(BindingScope.Type.values())) {
            for (ResourceDetail detail : dao(type).findDetails(VrScalingDetails.STATE, VrScalingDetails.STATE_RUNNING,
                    null)) {
                plans.add(new RunningPlan(type, detail.getResourceId()));
            }
        }
        return plans;
    }

    /** The offering switch VR Scale made on a scope for pre-sizing: source, derived and profile offering ids. */
    public static final class PresizeRecord {
        private final long sourceOfferingId;
        private final long derivedOfferingId;
        private final Long profileId;

        public PresizeRecord(long sourceOfferingId, long derivedOfferingId, Long profileId) {
            this.sourceOfferingId = sourceOfferingId;
            this.derivedOfferingId = derivedOfferingId;
            this.profileId = profileId;
        }

        public long getSourceOfferingId() {
            return sourceOfferingId;
        }

        public long getDerivedOfferingId() {
            return derivedOfferingId;
        }

        public Long getProfileId() {
            return profileId;
        }
    }

    /** The scope's pre-sizing switch record, or null (also when a hand-edited record no longer parses). */
    public PresizeRecord presizeRecord(BindingScope scope) {
        Long source = longValue(scope, VrScalingDetails.PRESIZE_SOURCE);
        Long derived = longValue(scope, VrScalingDetails.PRESIZE_DERIVED);
        if (source == null || derived == null) {
            return null;
        }
        return new PresizeRecord(source, derived, longValue(scope, VrScalingDetails.PRESIZE_PROFILE));
    }

    public void recordPresize(BindingScope scope, PresizeRecord record) {
        ResourceDetailsDao<? extends ResourceDetail> dao = dao(scope.getType());
        dao.addDetail(scope.getId(), VrScalingDetails.PRESIZE_SOURCE, String.valueOf(record.getSourceOfferingId()),
                false);
        dao.addDetail(scope.getId(), VrScalingDetails.PRESIZE_PROFILE, String.valueOf(record.getProfileId()), false);
        // Written last: a record counts only once the derived id is there.
        dao.addDetail(scope.getId(), VrScalingDetails.PRESIZE_DERIVED, String.valueOf(record.getDerivedOfferingId()),
                false);
    }

    public void clearPresize(BindingScope scope) {
        ResourceDetailsDao<? extends ResourceDetail> dao = dao(scope.getType());
        dao.removeDetail(scope.getId(), VrScalingDetails.PRESIZE_DERIVED);
        dao.removeDetail(scope.getId(), VrScalingDetails.PRESIZE_PROFILE);
        dao.removeDetail(scope.getId(), VrScalingDetails.PRESIZE_SOURCE);
    }

    /** Ids of the networks (or VPCs) that carry a pre-sizing switch record. */
    public List<Long> presizedIds(BindingScope.Type type) {
        List<Long> ids = new ArrayList<>();
        for (ResourceDetail detail : dao(type).findDetails(VrScalingDetails.PRESIZE_DERIVED)) {
            ids.add(detail.getResourceId());
        }
        return ids;
    }

    private Long longValue(BindingScope scope, String key) {
        return parseLong(value(scope.getType(), scope.getId(), key));
    }

    private static Long parseLong(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String value(BindingScope.Type type, long resourceId, String key) {
        ResourceDetail detail = dao(type).findDetail(resourceId, key);
        return detail == null ? null : detail.getValue();
    }
}
