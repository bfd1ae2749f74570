package org.apache.cloudstack.vrscaling.lifecycle;

import javax.inject.Inject;

import org.apache.cloudstack.framework.jobs.dao.AsyncJobDao;
import org.apache.cloudstack.framework.jobs.impl.AsyncJobVO;
import org.apache.cloudstack.framework.messagebus.MessageSubscriber;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.core.lifecycle.RestartJobRule;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Follows CloudStack's finished jobs (MessageBus "job.state", argument: the job id). After a restart with cleanup,
 * makeredundant or an in-sequence update of a bound network/VPC succeeded, its new routers run the offering
 * CloudStack picked: ask for a rescale. The bus calls in on the job's thread, so only the id is taken here.
 */
public class JobStateSubscriber implements MessageSubscriber {
    /** The job row may not show its final status yet when the message arrives: look again a few times. */
    static final int STATUS_CHECKS = 3;
    static final long STATUS_RECHECK_SECONDS = 5;

    private static final Logger LOG = LogManager.getLogger(JobStateSubscriber.class);

    @Inject
    AsyncJobDao asyncJobDao;
    @Inject
    ProfileBindings bindings;
    @Inject
    ReconcileService reconcileService;
    @Inject
    LifecycleRunner runner;

    @Override
    public void onPublishMessage(String senderAddress, String subject, Object args) {
        try {
            if (!(args instanceof Long)) {
                return;
            }
            long jobId = (Long) args;
            runner.submit("follow-up of job " + jobId, () -> jobFinished(jobId, 1));
        } catch (Throwable e) {
            LOG.warn("VR Scale ignored a failure while handling {} for {}: {}", subject, args, e.getMessage(), e);
        }
    }

    void jobFinished(long jobId, int check) {
        // CloudStack marks the job row removed before it publishes job.state: findById would not see it.
        AsyncJobVO job = asyncJobDao.findByIdIncludingRemoved(jobId);
        if (job == null || !RestartJobRule.ROUTER_REPLACING_COMMANDS.contains(job.getCmd())) {
            return;
        }
        if (job.getStatus() == null || !job.getStatus().done()) {
            if (check < STATUS_CHECKS) {
                runner.schedule("follow-up of job " + jobId, () -> jobFinished(jobId, check + 1),
                        STATUS_RECHECK_SECONDS);
            } else {
                LOG.info("Job {} ({}) still shows {}; not following it up", jobId, job.getCmd(), job.getStatus());
            }
            return;
        }
        if (!RestartJobRule.needsReconcile(job.getCmd(), job.getStatus().name())) {
            LOG.debug("Job {} ({}) ended {}; nothing to follow up", jobId, job.getCmd(), job.getStatus());
            return;
        }
        BindingScope scope = bindings.scopeOfJob(job.getInstanceType(), job.getInstanceId());
        if (scope == null || bindings.bound(scope) == null) {
            return;
        }
        String command = job.getCmd().substring(job.getCmd().lastIndexOf('.') + 1);
        reconcileService.request(scope, command + " job " + jobId);
    }
}
