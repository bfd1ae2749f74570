package org.apache.cloudstack.vrscaling.lifecycle;

import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.apache.cloudstack.framework.jobs.AsyncJob;
import org.apache.cloudstack.framework.jobs.dao.AsyncJobDao;
import org.apache.cloudstack.framework.jobs.impl.AsyncJobVO;
import org.apache.cloudstack.jobs.JobInfo;
import org.apache.cloudstack.vrscaling.SystemCallContext;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;

@RunWith(MockitoJUnitRunner.class)
public class JobStateSubscriberTest {
    private static final String RESTART_NETWORK = "org.apache.cloudstack.api.command.user.network.RestartNetworkCmd";
    private static final String RESTART_VPC = "org.apache.cloudstack.api.command.user.vpc.RestartVPCCmd";
    private static final long JOB_ID = 9L;

    /** The real CallContext needs it to register the system user the background work runs as. */
    @Rule
    public final SystemCallContext systemCallContext = new SystemCallContext();

    @Mock
    AsyncJobDao asyncJobDao;
    @Mock
    ProfileBindings bindings;
    @Mock
    ReconcileService reconcileService;

    private final ManualRunner runner = new ManualRunner();
    private final JobStateSubscriber subscriber = new JobStateSubscriber();
    private final BindingScope network = new BindingScope(BindingScope.Type.NETWORK, 100L, "net-uuid", "web", 1L);
    private AsyncJobVO job;
    private ProfileBindings.Bound bound;

    @Before
    public void wire() {
        subscriber.asyncJobDao = asyncJobDao;
        subscriber.bindings = bindings;
        subscriber.reconcileService = reconcileService;
        subscriber.runner = runner;
        job = job(RESTART_NETWORK, JobInfo.Status.SUCCEEDED, "Network", 100L);
        lenient().when(asyncJobDao.findByIdIncludingRemoved(JOB_ID)).thenReturn(job);
        lenient().when(bindings.scopeOfJob("Network", 100L)).thenReturn(network);
        bound = new ProfileBindings.Bound(offering(5L, "big", 2, 1000, 2048),
                new SizingModel(SizingAssumptions.defaults()).derive(new RouterSize(2, 1000, 2048)));
        lenient().when(bindings.bound(network)).thenReturn(bound);
    }

    @Test
    public void aSucceededRestartOfABoundNetworkAsksForItsRescaleOffTheJobThread() {
        publish(JOB_ID);

        assertEquals("follow-up of job 9", runner.ran.get(0));
        verify(reconcileService).request(network, "RestartNetworkCmd job 9");
    }

    @Test
    public void aJobRowAlreadyMarkedRemovedIsStillFollowedUp() {
        // Seen on 4.22: completeAsyncJob sets the row's removed before it publishes job.state, so findById misses it.
        lenient().when(asyncJobDao.findById(JOB_ID)).thenReturn(null);

        publish(JOB_ID);

        verify(reconcileService).request(network, "RestartNetworkCmd job 9");
    }

    @Test
    public void aSucceededRestartOfABoundVpcAsksForTheVpcsRescale() {
        BindingScope vpc = new BindingScope(BindingScope.Type.VPC, 200L, "vpc-uuid", "shop", 1L);
        AsyncJobVO restartVpc = job(RESTART_VPC, JobInfo.Status.SUCCEEDED, "Vpc", 200L);
        when(asyncJobDao.findByIdIncludingRemoved(JOB_ID)).thenReturn(restartVpc);
        when(bindings.scopeOfJob("Vpc", 200L)).thenReturn(vpc);
        when(bindings.bound(vpc)).thenReturn(bound);

        publish(JOB_ID);

        verify(reconcileService).request(vpc, "RestartVPCCmd job 9");
    }

    @Test
    public void aFailedOrCancelledRestartIsNotFollowedUp() {
        for (JobInfo.Status status : new JobInfo.Status[] {JobInfo.Status.FAILED, JobInfo.Status.CANCELLED}) {
            AsyncJobVO ended = job(RESTART_NETWORK, status, "Network", 100L);
            when(asyncJobDao.findByIdIncludingRemoved(JOB_ID)).thenReturn(ended);
            publish(JOB_ID);
        }

        verifyNoInteractions(reconcileService);
    }

    @Test
    public void jobsOfOtherCommandsAreIgnoredWithoutLookingAtTheirNetwork() {
        AsyncJobVO deploy = job("org.apache.cloudstack.api.command.user.vm.DeployVMCmd", JobInfo.Status.SUCCEEDED,
                "VirtualMachine", 7L);
        when(asyncJobDao.findByIdIncludingRemoved(JOB_ID)).thenReturn(deploy);

        publish(JOB_ID);

        verifyNoInteractions(bindings, reconcileService);
    }

    @Test
    public void aRestartOfAnUnboundNetworkIsIgnored() {
        when(bindings.bound(network)).thenReturn(null);

        publish(JOB_ID);

        verifyNoInteractions(reconcileService);
    }

    @Test
    public void aJobRowNotYetShowingItsEndIsLookedAtAgainLater() {
        when(job.getStatus()).thenReturn(JobInfo.Status.IN_PROGRESS);

        publish(JOB_ID);
        verify(reconcileService, never()).request(any(), anyString());
        assertEquals(1, runner.delayed.size());

        when(job.getStatus()).thenReturn(JobInfo.Status.SUCCEEDED);
        runner.releaseDelayed();

        verify(reconcileService).request(network, "RestartNetworkCmd job 9");
    }

    @Test
    public void aJobThatNeverShowsItsEndIsDroppedAfterAFewLooks() {
        when(job.getStatus()).thenReturn(JobInfo.Status.IN_PROGRESS);

        publish(JOB_ID);
        int looks = 1;
        while (runner.releaseDelayed() > 0) {
            looks++;
        }

        assertEquals(JobStateSubscriber.STATUS_CHECKS, looks);
        verifyNoInteractions(reconcileService);
    }

    @Test
    public void messagesWithoutAJobIdAndVanishedJobsAreIgnored() {
        subscriber.onPublishMessage(null, AsyncJob.Topics.JOB_STATE, "not a job id");
        subscriber.onPublishMessage(null, AsyncJob.Topics.JOB_STATE, null);
        publish(404L);

        assertEquals(1, runner.ran.size());
        verifyNoInteractions(bindings, reconcileService);
    }

    @Test
    public void aFailureWhileFollowingUpNeverReachesTheJobThread() {
        when(asyncJobDao.findByIdIncludingRemoved(JOB_ID)).thenThrow(new IllegalStateException("database away"));

        publish(JOB_ID);

        assertTrue(runner.ran.contains("follow-up of job 9"));
        verifyNoInteractions(reconcileService);
    }

    private void publish(long jobId) {
        subscriber.onPublishMessage("ms-1", AsyncJob.Topics.JOB_STATE, jobId);
    }

    private static AsyncJobVO job(String cmd, JobInfo.Status status, String instanceType, Long instanceId) {
        AsyncJobVO job = mock(AsyncJobVO.class);
        lenient().when(job.getCmd()).thenReturn(cmd);
        lenient().when(job.getStatus()).thenReturn(status);
        lenient().when(job.getInstanceType()).thenReturn(instanceType);
        lenient().when(job.getInstanceId()).thenReturn(instanceId);
        return job;
    }
}
