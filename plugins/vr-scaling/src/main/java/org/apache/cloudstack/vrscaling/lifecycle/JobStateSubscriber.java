package org.apache.cloudstack.vrscaling.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.inject.Inject;

import org.apache.cloudstack.framework.jobs.dao.AsyncJobDao;
import org.apache.cloudstack.framework.jobs.impl.AsyncJobVO;
import org.apache.cloudstack.framework.messagebus.MessageSubscriber;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.core.lifecycle.RestartJobRule;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.utils.db.SearchCriteria;

/**
 * Follows CloudStack's finished jobs (MessageBus "job.state", argument: the job id, published for every job of the
 * cloud on every management server). After a restart with cleanup, makeredundant or an in-sequence update of a bound
 * network/VPC succeeded, its new routers run the offering CloudStack picked: ask for a rescale.
 * <p>
 * The bus calls in on the job's thread, so that thread only does in-memory work: while no network/VPC has a profile
 * bound (the usual case until VR Scale is used) the message is dropped at once; otherwise the job id goes into a
 * bounded buffer that one task on the quick pool drains, reading the finished jobs in one query per batch.
 */
public class JobStateSubscriber implements MessageSubscriber {
    /** The job row may not show its final status yet when the message arrives: look again a few times. */
    static final int STATUS_CHECKS = 3;
    static final long STATUS_RECHECK_SECONDS = 5;
    /** How old "is any network/VPC bound" may get before it is read again (bindings made on other servers). */
    static final long BOUND_REFRESH_SECONDS = 10;
    /** Finished jobs waiting to be read; above this they are counted and logged, not followed up. */
    static final int BUFFER = 10_000;
    /** Job ids per query: keeps the IN list of one SELECT small. */
    static final int BATCH = 500;

    private static final Logger LOG = LogManager.getLogger(JobStateSubscriber.class);

    @Inject
    AsyncJobDao asyncJobDao;
    @Inject
    ProfileBindings bindings;
    @Inject
    BindingStore bindingStore;
    @Inject
    ReconcileService reconcileService;
    @Inject
    LifecycleRunner runner;

    private final BlockingQueue<Long> finished = new ArrayBlockingQueue<>(BUFFER);
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLong overflowed = new AtomicLong();
    private final AtomicLong overflowedUnreported = new AtomicLong();

    @Override
    public void onPublishMessage(String senderAddress, String subject, Object args) {
        try {
            if (!(args instanceof Long)) {
                return;
            }
            if (nothingBound()) {
                ignored.incrementAndGet();
                return;
            }
            long jobId = (Long) args;
            // offer, never put: the publisher is CloudStack's job thread and must not wait for us.
            if (!finished.offer(jobId)) {
                overflow(jobId);
            }
            queueDrain();
        } catch (Throwable e) {
            LOG.warn("VR Scale ignored a failure while handling {} for {}: {}", subject, args, e.getMessage(), e);
        }
    }

    /** job.state messages dropped at once because nothing was bound. */
    long ignored() {
        return ignored.get();
    }

    /** Finished jobs not followed up because the buffer was full. */
    long overflowed() {
        return overflowed.get();
    }

    /** In memory only. Unknown counts as bound: a restart of a bound network must not be missed while it is read. */
    private boolean nothingBound() {
        BindingStore.AnyBound known = bindingStore.anyBoundKnown();
        if (known == null || known.olderThan(TimeUnit.SECONDS.toNanos(BOUND_REFRESH_SECONDS), System.nanoTime())) {
            queueRefresh();
        }
        return known != null && !known.any();
    }

    private void queueRefresh() {
        if (refreshQueued.compareAndSet(false, true)
                && !runner.submit("check whether any network/VPC has a virtual router profile", this::refreshBound)) {
            refreshQueued.set(false);
        }
    }

    void refreshBound() {
        try {
            bindingStore.refreshAnyBound();
        } finally {
            refreshQueued.set(false);
        }
    }

    private void overflow(long jobId) {
        overflowed.incrementAndGet();
        if (overflowedUnreported.getAndIncrement() == 0) {
            LOG.warn("VR Scale's buffer of finished jobs is full ({} jobs): job {} and further finished jobs are not "
                    + "followed up until it drains; a restart among them leaves its routers at CloudStack's size until "
                    + "their next start or a scaleVirtualRouterProfile", BUFFER, jobId);
        }
    }

    private void queueDrain() {
        if (drainQueued.compareAndSet(false, true) && !runner.submit("follow-up of finished jobs", this::drain)) {
            // The ids stay in the buffer; the next message queues the drain again.
            drainQueued.set(false);
        }
    }

    /** Reads the buffered jobs, a batch per query, at most one buffer's worth per run so others get the thread. */
    void drain() {
        // Cleared first: an id offered from now on queues the next drain, so none waits unseen.
        drainQueued.set(false);
        long lost = overflowedUnreported.getAndSet(0);
        if (lost > 0) {
            LOG.warn("VR Scale did not follow up {} finished job(s): its buffer was full ({} since start)", lost,
                    overflowed.get());
        }
        List<Long> batch = new ArrayList<>(BATCH);
        int budget = BUFFER;
        while (budget > 0 && finished.drainTo(batch, Math.min(BATCH, budget)) > 0) {
            budget -= batch.size();
            followUp(new ArrayList<>(batch), 1);
            batch.clear();
        }
        if (!finished.isEmpty()) {
            queueDrain();
        }
    }

    /** Follows up the jobs with one read; those whose row does not show their end yet are looked at again later. */
    void followUp(List<Long> jobIds, int check) {
        List<Long> notEnded = new ArrayList<>();
        for (AsyncJobVO job : findJobs(jobIds)) {
            try {
                if (!followUp(job)) {
                    notEnded.add(job.getId());
                }
            } catch (RuntimeException e) {
                LOG.warn("VR Scale could not follow up job {}: {}", job.getId(), e.getMessage(), e);
            }
        }
        if (notEnded.isEmpty()) {
            return;
        }
        if (check < STATUS_CHECKS) {
            runner.schedule("follow-up of " + notEnded.size() + " job(s) not showing their end yet",
                    () -> followUp(notEnded, check + 1), STATUS_RECHECK_SECONDS);
        } else {
            LOG.info("Jobs {} still do not show their end after {} looks; not following them up", notEnded,
                    STATUS_CHECKS);
        }
    }

    /** The finished jobs among the ids that may replace routers, in one query. */
    @SuppressWarnings("deprecation")
    private List<AsyncJobVO> findJobs(List<Long> jobIds) {
        // addAnd is how CloudStack's own services add an IN condition to a DAO's criteria (SearchBuilder needs the
        // DAO's entity proxy). The job row is marked removed before job.state is published: include removed rows.
        SearchCriteria<AsyncJobVO> sc = asyncJobDao.createSearchCriteria();
        sc.addAnd("id", SearchCriteria.Op.IN, jobIds.toArray());
        sc.addAnd("cmd", SearchCriteria.Op.IN, RestartJobRule.ROUTER_REPLACING_COMMANDS.toArray());
        List<AsyncJobVO> jobs = asyncJobDao.searchIncludingRemoved(sc, null, null, false);
        return jobs == null ? List.of() : jobs;
    }

    /** @return false when the job row does not show its end yet */
    private boolean followUp(AsyncJobVO job) {
        if (!RestartJobRule.ROUTER_REPLACING_COMMANDS.contains(job.getCmd())) {
            return true;
        }
        if (job.getStatus() == null || !job.getStatus().done()) {
            return false;
        }
        if (!RestartJobRule.needsReconcile(job.getCmd(), job.getStatus().name())) {
            LOG.debug("Job {} ({}) ended {}; nothing to follow up", job.getId(), job.getCmd(), job.getStatus());
            return true;
        }
        BindingScope scope = bindings.scopeOfJob(job.getInstanceType(), job.getInstanceId());
        if (scope == null || bindings.bound(scope) == null) {
            return true;
        }
        String command = job.getCmd().substring(job.getCmd().lastIndexOf('.') + 1);
        // The reason ends up in the rescale's events: the job's uuid, as listAsyncJobs shows it.
        reconcileService.request(scope, command + " job " + job.getUuid());
        return true;
    }
}
