package org.apache.cloudstack.vrscaling.lifecycle;

import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.apache.cloudstack.vrscaling.TestSupport.router;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;

import org.apache.cloudstack.api.ServerApiException;
import org.apache.cloudstack.framework.jobs.dao.AsyncJobDao;
import org.apache.cloudstack.framework.jobs.impl.AsyncJobVO;
import org.apache.cloudstack.vrscaling.SystemCallContext;
import org.apache.cloudstack.vrscaling.VrScalingErrors;
import org.apache.cloudstack.vrscaling.VrScalingEventTypes;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.presize.PresizeService;
import org.apache.cloudstack.vrscaling.scale.RouterObserver;
import org.apache.cloudstack.vrscaling.scale.ScaleReport;
import org.apache.cloudstack.vrscaling.scale.ScaleService;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.network.router.VirtualRouter;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VirtualMachine;

@RunWith(MockitoJUnitRunner.class)
public class ReconcileServiceTest {
    private static final long ZONE_ID = 1L;
    private static final long PROFILE = 5L;
    private static final long DEFAULT = 1L;

    /** The real CallContext needs it to register the system user the background work runs as. */
    @Rule
    public final SystemCallContext systemCallContext = new SystemCallContext();

    @Mock
    ProfileBindings bindings;
    @Mock
    BindingStore bindingStore;
    @Mock
    RouterObserver routerObserver;
    @Mock
    ScaleService scaleService;
    @Mock
    AsyncJobDao asyncJobDao;
    @Mock
    VrScalingSettings settings;
    @Mock
    LifecycleEvents events;
    @Mock
    PresizeService presizeService;
    @Mock
    ServiceOfferingDao serviceOfferingDao;

    private final ManualRunner runner = new ManualRunner();
    private final FakeScopeLock scopeLock = new FakeScopeLock();
    private final ReconcileService service = new ReconcileService();
    private final BindingScope network = new BindingScope(BindingScope.Type.NETWORK, 100L, "net-uuid", "web", ZONE_ID);
    private final BindingScope vpc = new BindingScope(BindingScope.Type.VPC, 200L, "vpc-uuid", "shop", ZONE_ID);

    @Before
    public void wire() {
        service.bindings = bindings;
        service.bindingStore = bindingStore;
        service.routerObserver = routerObserver;
        service.scaleService = scaleService;
        service.asyncJobDao = asyncJobDao;
        service.settings = settings;
        service.presizeService = presizeService;
        service.runner = runner;
        service.events = events;
        service.scopeLock = scopeLock;
        service.serviceOfferingDao = serviceOfferingDao;
        ServiceOfferingVO small = offering(DEFAULT, "small", 1, 500, 256);
        lenient().when(serviceOfferingDao.findByIdIncludingRemoved(DEFAULT)).thenReturn(small);
        ProfileBindings.Bound bound = new ProfileBindings.Bound(offering(PROFILE, "big", 2, 1000, 2048),
                new SizingModel(SizingAssumptions.defaults()).derive(new RouterSize(2, 1000, 2048)));
        lenient().when(settings.automaticEnabled(ZONE_ID)).thenReturn(true);
        lenient().when(bindings.bound(any())).thenReturn(bound);
        List<DomainRouterVO> routers = List.of(
                router(31L, "r-31-VM", VirtualMachine.State.Running, DEFAULT, VirtualRouter.RedundantState.PRIMARY),
                router(32L, "r-32-VM", VirtualMachine.State.Running, DEFAULT, VirtualRouter.RedundantState.BACKUP));
        lenient().when(routerObserver.routers(network)).thenReturn(routers);
        ScaleReport report = report();
        lenient().when(scaleService.rescale(any(), anyLong())).thenReturn(report);
    }

    @Test
    public void offSizeRoutersOfABoundNetworkAreRescaledToItsProfileForReal() {
        service.request(network, "RestartNetworkCmd job 9");

        verify(scaleService).rescale(network, PROFILE);
        verify(events).info(eq(VrScalingEventTypes.RECONCILE),
                contains("router r-31-VM (router-uuid-31), router r-32-VM (router-uuid-32)"), eq(network), anyLong());
        verify(presizeService, never()).sync(any());
    }

    @Test
    public void atStartUpEveryBoundNetworkAndVpcIsCheckedAgainFromTheDatabase() {
        when(bindingStore.boundIds(BindingScope.Type.NETWORK)).thenReturn(List.of(100L, 101L, 102L));
        when(bindingStore.boundIds(BindingScope.Type.VPC)).thenReturn(List.of(200L));
        when(bindings.networkScope(100L)).thenReturn(network);
        // 101 is gone; 102 became a VPC tier: its binding is not the one its routers follow.
        when(bindings.networkScope(102L)).thenReturn(vpc);
        when(bindings.vpcScope(200L)).thenReturn(vpc);

        assertEquals(2, service.requestAllBound("management server start"));

        verify(scaleService).rescale(network, PROFILE);
        verify(routerObserver).routers(vpc);
    }

    @Test
    public void aVpcIsRescaledByItsVpcId() {
        List<DomainRouterVO> routers = List.of(router(41L, "r-41-VM", VirtualMachine.State.Running, DEFAULT, null));
        when(routerObserver.routers(vpc)).thenReturn(routers);

        service.request(vpc, "RestartVPCCmd job 10");

        verify(scaleService).rescale(vpc, PROFILE);
        verify(asyncJobDao).findInstancePendingAsyncJob("Vpc", 200L);
    }

    @Test
    public void routersAlreadyAtTheProfileNeedNothing() {
        List<DomainRouterVO> routers = List.of(
                router(31L, "r-31-VM", VirtualMachine.State.Running, PROFILE, VirtualRouter.RedundantState.PRIMARY),
                router(33L, "r-33-VM", VirtualMachine.State.Destroyed, DEFAULT, null));
        when(routerObserver.routers(network)).thenReturn(routers);

        assertEquals(ReconcileService.Outcome.NOTHING_TO_DO, service.attempt(network, 1, "test"));

        verify(scaleService, never()).rescale(any(), anyLong());
        verify(presizeService).sync(network);
    }

    @Test
    public void switchedOffForTheZoneItDoesNothingAtAll() {
        when(settings.automaticEnabled(ZONE_ID)).thenReturn(false);

        assertEquals(ReconcileService.Outcome.DISABLED, service.attempt(network, 1, "test"));

        verifyNoInteractions(bindings, asyncJobDao, routerObserver, scaleService, events);
    }

    @Test
    public void anUnboundNetworkIsLeftAlone() {
        when(bindings.bound(network)).thenReturn(null);

        assertEquals(ReconcileService.Outcome.UNBOUND, service.attempt(network, 1, "test"));

        verifyNoInteractions(asyncJobDao, scaleService);
    }

    @Test
    public void whileCloudStacksJobOnTheNetworkRunsItWaitsAndTriesAgainLater() {
        AsyncJobVO restart = mock(AsyncJobVO.class);
        when(restart.getUuid()).thenReturn("job-uuid-9");
        when(restart.getCmd()).thenReturn("org.apache.cloudstack.api.command.user.network.RestartNetworkCmd");
        when(asyncJobDao.findInstancePendingAsyncJob("Network", 100L)).thenReturn(restart);

        service.request(network, "router r-31-VM came up at offering 1");

        verify(scaleService, never()).rescale(any(), anyLong());
        assertEquals(1, runner.delayed.size());
        assertEquals(ReconcileService.RETRY_DELAY_SECONDS, runner.delayed.get(0).getDelaySeconds());

        when(asyncJobDao.findInstancePendingAsyncJob("Network", 100L)).thenReturn(null);
        runner.releaseDelayed();

        verify(scaleService).rescale(network, PROFILE);
    }

    @Test
    public void aJobNamingTheNetworkATierOrARouterMeansWaitWhoeverStartedIt() {
        // An admin's restart of a tenant's network is the admin's job: the owner account's jobs missed it.
        when(scaleService.busyWith(network)).thenReturn("a CloudStack job (restart, update, router start/stop, ...) "
                + "naming net-uuid is still running on network web");

        assertEquals(ReconcileService.Outcome.RETRY_LATER, service.attempt(network, 1, "test"));

        verify(scaleService, never()).rescale(any(), anyLong());
        verify(asyncJobDao, never()).findInstancePendingAsyncJobs(any(), any());
    }

    @Test
    public void requestsArrivingWhileOneIsQueuedAreFoldedIntoIt() {
        AsyncJobVO pending = mock(AsyncJobVO.class);
        when(asyncJobDao.findInstancePendingAsyncJob("Network", 100L)).thenReturn(pending);
        service.request(network, "router r-31-VM came up at offering 1");
        service.request(network, "router r-32-VM came up at offering 1");
        service.request(network, "RestartNetworkCmd job 9");
        assertEquals(1, runner.delayed.size());

        when(asyncJobDao.findInstancePendingAsyncJob("Network", 100L)).thenReturn(null);
        runner.releaseDelayed();

        verify(scaleService, times(1)).rescale(any(), anyLong());
        // Done: the next request is a new one.
        service.request(network, "RestartNetworkCmd job 11");
        verify(scaleService, times(2)).rescale(any(), anyLong());
    }

    @Test
    public void anotherManagementServerHoldingTheScopesLockMeansWait() {
        scopeLock.held.add(network);

        assertEquals(ReconcileService.Outcome.RETRY_LATER, service.attempt(network, 1, "test"));
        verify(scaleService, never()).rescale(any(), anyLong());

        scopeLock.held.clear();
        runner.releaseDelayed();
        verify(scaleService).rescale(network, PROFILE);
    }

    @Test
    public void theLockIsReleasedAfterARescaleWhetherItWorkedOrNot() {
        service.attempt(network, 1, "test");
        assertTrue(scopeLock.held.isEmpty());

        ServerApiException failure = VrScalingErrors.failed("no capacity");
        when(scaleService.rescale(any(), anyLong())).thenThrow(failure);
        assertEquals(ReconcileService.Outcome.FAILED, service.attempt(network, 1, "test"));
        assertTrue(scopeLock.held.isEmpty());
        assertEquals(2, scopeLock.taken);
    }

    @Test
    public void aVrScalePlanRunningOnTheNetworkAlsoMeansWait() {
        // Detected by ScaleService.busyWith, the check the API path makes too (tested there).
        when(scaleService.busyWith(network)).thenReturn("a VR Scale plan is running on network web (step 1/2 "
                + "r-31-VM START on management server ms-2)");

        assertEquals(ReconcileService.Outcome.RETRY_LATER, service.attempt(network, 1, "test"));

        verify(scaleService, never()).rescale(any(), anyLong());
    }

    @Test
    public void itGivesUpAfterTheLastRetryAndSaysSo() {
        AsyncJobVO pending = mock(AsyncJobVO.class);
        when(asyncJobDao.findInstancePendingAsyncJob("Network", 100L)).thenReturn(pending);
        service.request(network, "RestartNetworkCmd job 9");
        int rounds = 0;
        while (runner.releaseDelayed() > 0) {
            rounds++;
        }

        assertEquals(ReconcileService.MAX_RETRIES, rounds);
        verify(scaleService, never()).rescale(any(), anyLong());
        verify(events).warn(eq(VrScalingEventTypes.RECONCILE), contains("gave up"), eq(network));
        verify(bindingStore).note(eq(network), contains("Run scaleVirtualRouterProfile"));
    }

    @Test
    public void aFailedRescaleIsRecordedAsAnErrorEventWithTheReasonAndNoted() {
        ServerApiException failure = VrScalingErrors.failed(
                "Scaling network web failed at step START on router r-32-VM: no capacity. Reverted: offering back");
        when(scaleService.rescale(any(), anyLong())).thenThrow(failure);

        assertEquals(ReconcileService.Outcome.FAILED, service.attempt(network, 1, "RestartNetworkCmd job 9"));

        verify(events).error(eq(VrScalingEventTypes.RECONCILE), contains("no capacity"), eq(network), anyLong());
        verify(bindingStore).note(eq(network), contains("keep running at their current size"));
    }

    @Test
    public void failedAutomaticRescalesBackOffDoublingAndASuccessStartsAfresh() {
        service.clock = () -> 1_000_000L;
        when(scaleService.rescale(any(), anyLong())).thenThrow(VrScalingErrors.refused("no host can carry it"));
        when(bindingStore.automaticFailures(network)).thenReturn(2);

        assertEquals(ReconcileService.Outcome.FAILED, service.attempt(network, 1, "router r-32-VM started"));

        // Third failure in a row: 15 min x 4.
        verify(bindingStore).automaticFailed(network, 3, 1_000_000L + 60 * 60_000L);
        verify(events).error(eq(VrScalingEventTypes.RECONCILE), contains("Failure 3 in a row: no automatic rescale "
                + "of it before"), eq(network), anyLong());

        // Until then the automatic path leaves the network alone, however often its routers restart.
        when(bindingStore.automaticRetryAfter(network)).thenReturn(1_000_000L + 60 * 60_000L);
        assertEquals(ReconcileService.Outcome.BACKED_OFF, service.attempt(network, 1, "router r-32-VM started"));
        verify(scaleService, times(1)).rescale(any(), anyLong());

        // Afterwards it tries again, and a success clears the record.
        service.clock = () -> 1_000_000L + 60 * 60_000L;
        ScaleReport success = report();
        reset(scaleService);
        when(scaleService.rescale(any(), anyLong())).thenReturn(success);
        assertEquals(ReconcileService.Outcome.SCALED, service.attempt(network, 1, "router r-32-VM started"));
        verify(bindingStore).automaticReset(network);
    }

    @Test
    public void nothingThrownByTheRescaleEscapesTheBackgroundTask() {
        when(scaleService.rescale(any(), anyLong())).thenThrow(new IllegalStateException("x"));

        service.request(network, "test");

        assertTrue(runner.ran.get(0).startsWith("reconcile network web"));
        verify(events).error(eq(VrScalingEventTypes.RECONCILE), contains("failed"), eq(network), anyLong());
    }

    @Test
    public void aRescaleRecordsAStartEventWithScopeProfileReasonAndOffSizeRoutersThenLinksItsFinishToIt() {
        when(events.started(eq(VrScalingEventTypes.RECONCILE), any(), eq(network))).thenReturn(77L);

        service.request(network, "RestartNetworkCmd job job-uuid-9");

        ArgumentCaptor<String> start = ArgumentCaptor.forClass(String.class);
        verify(events).started(eq(VrScalingEventTypes.RECONCILE), start.capture(), eq(network));
        assertEquals("Automatic rescale of network web (net-uuid) to profile big (offering-uuid-5) started after "
                + "RestartNetworkCmd job job-uuid-9; routers at another size: router r-31-VM (router-uuid-31) at "
                + "offering small (offering-uuid-1), router r-32-VM (router-uuid-32) at offering small "
                + "(offering-uuid-1)", start.getValue());
        verify(events).info(eq(VrScalingEventTypes.RECONCILE), contains("Rescaled network web (net-uuid)"),
                eq(network), eq(77L));
        // Started before the first reboot, so it is visible while the rolling rescale runs.
        org.mockito.InOrder order = org.mockito.Mockito.inOrder(events, scaleService);
        order.verify(events).started(any(), any(), any());
        order.verify(scaleService).rescale(network, PROFILE);
    }

    @Test
    public void aFailedRescalesErrorEventIsLinkedToItsStart() {
        when(events.started(eq(VrScalingEventTypes.RECONCILE), any(), eq(network))).thenReturn(78L);
        when(scaleService.rescale(any(), anyLong())).thenThrow(VrScalingErrors.failed("no capacity"));

        service.attempt(network, 1, "test");

        verify(events).error(eq(VrScalingEventTypes.RECONCILE), contains("network web (net-uuid)"), eq(network),
                eq(78L));
    }

    @Test
    public void eventDescriptionsNameResourcesByUuidNeverByDatabaseId() {
        AsyncJobVO pending = mock(AsyncJobVO.class);
        when(pending.getUuid()).thenReturn("job-uuid-9");
        when(pending.getCmd()).thenReturn("org.apache.cloudstack.api.command.user.network.RestartNetworkCmd");
        when(asyncJobDao.findInstancePendingAsyncJob("Network", 100L)).thenReturn(pending);
        service.request(network, "test");
        while (runner.releaseDelayed() > 0) {
            // until it gives up
        }
        when(asyncJobDao.findInstancePendingAsyncJob("Network", 100L)).thenReturn(null);
        service.attempt(network, 1, "test");

        ArgumentCaptor<String> descriptions = ArgumentCaptor.forClass(String.class);
        verify(events).warn(any(), descriptions.capture(), any());
        verify(events).started(any(), descriptions.capture(), any());
        verify(events).info(any(), descriptions.capture(), any(), anyLong());
        for (String description : descriptions.getAllValues()) {
            assertTrue(description, description.contains("net-uuid"));
            assertTrue(description, description.contains("offering-uuid-5"));
            // network 100, job 9, routers 31/32, offerings 1/5: no id appears as a word of its own.
            for (String id : new String[] {"100", "9", "31", "32", "1", "5"}) {
                assertFalse(description, description.matches("(?s).*(^|[^-\\w])" + id + "([^-\\w]|$).*"));
            }
        }
        assertTrue(descriptions.getAllValues().get(0).contains("job job-uuid-9 (RestartNetworkCmd)"));
    }

    private static ScaleReport report() {
        ScaleReport report = mock(ScaleReport.class);
        lenient().when(report.getRouters()).thenReturn(List.of());
        lenient().when(report.getWarnings()).thenReturn(List.of());
        return report;
    }
}
