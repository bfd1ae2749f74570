package org.apache.cloudstack.vrscaling.lifecycle;

import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.cloudstack.framework.jobs.AsyncJob;
import org.apache.cloudstack.framework.jobs.dao.AsyncJobDao;
import org.apache.cloudstack.framework.jobs.impl.AsyncJobVO;
import org.apache.cloudstack.jobs.JobInfo;
import org.apache.cloudstack.vrscaling.SystemCallContext;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.utils.db.SearchCriteria;

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
    @Mock
    BindingStore bindingStore;

    private final ManualRunner runner = new ManualRunner();
    private final JobStateSubscriber subscriber = new JobStateSubscriber();
    private final BindingScope network = new BindingScope(BindingScope.Type.NETWORK, 100L, "net-uuid", "web", 1L);
    private AsyncJobVO job;
    private ProfileBindings.Bound bound;
    /** The async_job rows the batched query finds, by id. */
    private final Map<Long, AsyncJobVO> rows = new HashMap<>();
    /** The job ids of each query made, in order. */
    private final List<List<Long>> queries = new ArrayList<>();
    private final Map<SearchCriteria<AsyncJobVO>, List<Long>> criteriaIds = new IdentityHashMap<>();

    @Before
    public void wire() {
        subscriber.asyncJobDao = asyncJobDao;
        subscriber.bindings = bindings;
        subscriber.reconcileService = reconcileService;
        subscriber.runner = runner;
        subscriber.bindingStore = bindingStore;
        lenient().when(bindingStore.anyBoundKnown()).thenReturn(new BindingStore.AnyBound(true, System.nanoTime()));
        lenient().when(asyncJobDao.createSearchCriteria()).thenAnswer(inv -> criteria());
        lenient().when(asyncJobDao.searchIncludingRemoved(any(), isNull(), isNull(), eq(false))).thenAnswer(inv -> {
            List<Long> ids = criteriaIds.get(inv.<SearchCriteria<AsyncJobVO>>getArgument(0));
            queries.add(ids);
            return ids.stream().map(rows::get).filter(Objects::nonNull).collect(Collectors.toList());
        });
        job = job(RESTART_NETWORK, JobInfo.Status.SUCCEEDED, "Network", 100L);
        rows.put(JOB_ID, job);
        lenient().when(bindings.scopeOfJob("Network", 100L)).thenReturn(network);
        bound = new ProfileBindings.Bound(offering(5L, "big", 2, 1000, 2048),
                new SizingModel(SizingAssumptions.defaults()).derive(new RouterSize(2, 1000, 2048)));
        lenient().when(bindings.bound(network)).thenReturn(bound);
    }

    @Test
    public void aSucceededRestartOfABoundNetworkAsksForItsRescaleOffTheJobThread() {
        publish(JOB_ID);

        assertEquals("follow-up of finished jobs", runner.ran.get(0));
        verify(reconcileService).request(network, "RestartNetworkCmd job job-uuid-9");
    }

    @Test
    public void aJobRowAlreadyMarkedRemovedIsStillFollowedUp() {
        // Seen on 4.22: completeAsyncJob sets the row's removed before it publishes job.state, so findById misses it.
        lenient().when(asyncJobDao.findById(JOB_ID)).thenReturn(null);

        publish(JOB_ID);

        verify(reconcileService).request(network, "RestartNetworkCmd job job-uuid-9");
    }

    @Test
    public void aSucceededRestartOfABoundVpcAsksForTheVpcsRescale() {
        BindingScope vpc = new BindingScope(BindingScope.Type.VPC, 200L, "vpc-uuid", "shop", 1L);
        AsyncJobVO restartVpc = job(RESTART_VPC, JobInfo.Status.SUCCEEDED, "Vpc", 200L);
        rows.put(JOB_ID, restartVpc);
        when(bindings.scopeOfJob("Vpc", 200L)).thenReturn(vpc);
        when(bindings.bound(vpc)).thenReturn(bound);

        publish(JOB_ID);

        verify(reconcileService).request(vpc, "RestartVPCCmd job job-uuid-9");
    }

    @Test
    public void aFailedOrCancelledRestartIsNotFollowedUp() {
        for (JobInfo.Status status : new JobInfo.Status[] {JobInfo.Status.FAILED, JobInfo.Status.CANCELLED}) {
            AsyncJobVO ended = job(RESTART_NETWORK, status, "Network", 100L);
            rows.put(JOB_ID, ended);
            publish(JOB_ID);
        }

        verifyNoInteractions(reconcileService);
    }

    @Test
    public void jobsOfOtherCommandsAreIgnoredWithoutLookingAtTheirNetwork() {
        AsyncJobVO deploy = job("org.apache.cloudstack.api.command.user.vm.DeployVMCmd", JobInfo.Status.SUCCEEDED,
                "VirtualMachine", 7L);
        rows.put(JOB_ID, deploy);

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

        verify(reconcileService).request(network, "RestartNetworkCmd job job-uuid-9");
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
        doThrow(new IllegalStateException("database away")).when(asyncJobDao)
                .searchIncludingRemoved(any(), isNull(), isNull(), eq(false));

        publish(JOB_ID);

        assertTrue(runner.ran.contains("follow-up of finished jobs"));
        verifyNoInteractions(reconcileService);
    }

    // ---- cheap filtering and batching (the publisher is CloudStack's job thread) ----

    @Test
    public void aBurstOfFinishedJobsWithNothingBoundCausesNoDatabaseReadAndQueuesNothing() {
        when(bindingStore.anyBoundKnown()).thenReturn(new BindingStore.AnyBound(false, System.nanoTime()));

        for (long id = 1; id <= 1000; id++) {
            publish(id);
        }

        verifyNoInteractions(asyncJobDao, bindings, reconcileService);
        verify(bindingStore, never()).refreshAnyBound();
        assertTrue(runner.ran.isEmpty());
        assertEquals(1000, subscriber.ignored());
    }

    @Test
    public void withABindingManyFinishedJobsAreReadInOneQueryByOneTask() {
        runner.hold = true;
        for (long id = 1; id <= 50; id++) {
            publish(id);
        }
        assertEquals("one drain queued for 50 messages", 1, runner.held.size());

        runner.runHeld();

        assertEquals(1, queries.size());
        assertEquals(50, queries.get(0).size());
        verify(asyncJobDao, never()).findByIdIncludingRemoved(anyLong());
        verify(asyncJobDao, never()).findById(anyLong());
        // Job 9 among them is a restart of a bound network: the follow-up rules still apply.
        verify(reconcileService).request(network, "RestartNetworkCmd job job-uuid-9");
    }

    @Test
    public void jobsNotShowingTheirEndAreLookedAtAgainTogetherInOneQuery() {
        when(job.getStatus()).thenReturn(JobInfo.Status.IN_PROGRESS);
        AsyncJobVO other = job(RESTART_VPC, JobInfo.Status.IN_PROGRESS, "Vpc", 200L);
        when(other.getId()).thenReturn(10L);
        rows.put(10L, other);
        runner.hold = true;
        publish(JOB_ID);
        publish(10L);
        runner.runHeld();

        runner.releaseDelayed();

        assertEquals(2, queries.size());
        assertEquals(List.of(JOB_ID, 10L), queries.get(1));
    }

    @Test
    public void aFullBufferIsCountedAndLoggedAndThePublisherIsNeverBlocked() {
        runner.hold = true;
        for (long id = 1; id <= JobStateSubscriber.BUFFER + 7; id++) {
            publish(id);
        }

        assertEquals(7, subscriber.overflowed());
        assertEquals(1, runner.held.size());
        runner.runHeld();
        assertEquals(JobStateSubscriber.BUFFER / JobStateSubscriber.BATCH, queries.size());
        assertEquals(JobStateSubscriber.BUFFER, queries.stream().mapToInt(List::size).sum());
    }

    @Test
    public void whileNothingIsKnownYetMessagesAreKeptAndTheAnswerIsReadOffThePublisherThread() {
        when(bindingStore.anyBoundKnown()).thenReturn(null);
        runner.hold = true;

        publish(JOB_ID);
        publish(10L);

        verify(bindingStore, never()).refreshAnyBound();
        assertEquals(List.of("check whether any network/VPC has a virtual router profile",
                "follow-up of finished jobs"), runner.held.stream().map(ManualRunner.Delayed::getWhat)
                .collect(Collectors.toList()));
        runner.runHeld();
        verify(bindingStore).refreshAnyBound();
        verify(reconcileService).request(network, "RestartNetworkCmd job job-uuid-9");
    }

    @Test
    public void aStaleAnswerIsStillUsedWhileOneRefreshRunsInTheBackground() {
        long stale = System.nanoTime() - TimeUnit.SECONDS.toNanos(JobStateSubscriber.BOUND_REFRESH_SECONDS + 1);
        when(bindingStore.anyBoundKnown()).thenReturn(new BindingStore.AnyBound(false, stale));
        runner.hold = true;

        for (long id = 1; id <= 100; id++) {
            publish(id);
        }

        assertEquals(1, runner.held.size());
        runner.runHeld();
        verify(bindingStore, times(1)).refreshAnyBound();
        verifyNoInteractions(asyncJobDao);
    }

    private SearchCriteria<AsyncJobVO> criteria() {
        @SuppressWarnings("unchecked")
        SearchCriteria<AsyncJobVO> sc = mock(SearchCriteria.class);
        List<Long> ids = new ArrayList<>();
        criteriaIds.put(sc, ids);
        doAnswer(inv -> {
            if ("id".equals(inv.getArgument(0))) {
                for (Object id : (Object[]) inv.getRawArguments()[2]) {
                    ids.add((Long) id);
                }
            }
            return null;
        }).when(sc).addAnd(anyString(), any(SearchCriteria.Op.class), any(Object[].class));
        return sc;
    }

    private void publish(long jobId) {
        subscriber.onPublishMessage("ms-1", AsyncJob.Topics.JOB_STATE, jobId);
    }

    private static AsyncJobVO job(String cmd, JobInfo.Status status, String instanceType, Long instanceId) {
        AsyncJobVO job = mock(AsyncJobVO.class);
        lenient().when(job.getId()).thenReturn(JOB_ID);
        lenient().when(job.getUuid()).thenReturn("job-uuid-" + JOB_ID);
        lenient().when(job.getCmd()).thenReturn(cmd);
        lenient().when(job.getStatus()).thenReturn(status);
        lenient().when(job.getInstanceType()).thenReturn(instanceType);
        lenient().when(job.getInstanceId()).thenReturn(instanceId);
        return job;
    }
}
