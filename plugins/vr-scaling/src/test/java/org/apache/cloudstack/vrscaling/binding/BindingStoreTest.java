package org.apache.cloudstack.vrscaling.binding;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.cloudstack.resourcedetail.VpcDetailVO;
import org.apache.cloudstack.resourcedetail.dao.VpcDetailsDao;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.InOrder;
import org.mockito.InjectMocks;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.network.dao.NetworkDetailVO;
import com.cloud.network.dao.NetworkDetailsDao;

@RunWith(MockitoJUnitRunner.class)
public class BindingStoreTest {
    private static final BindingScope NETWORK = new BindingScope(BindingScope.Type.NETWORK, 100L, "net-uuid", "web",
            1L);
    private static final BindingScope VPC = new BindingScope(BindingScope.Type.VPC, 200L, "vpc-uuid", "prod", 1L);

    @Mock
    NetworkDetailsDao networkDetailsDao;
    @Mock
    VpcDetailsDao vpcDetailsDao;
    @InjectMocks
    BindingStore store;

    private static NetworkDetailVO networkDetail(long networkId, String value) {
        NetworkDetailVO detail = mock(NetworkDetailVO.class);
        lenient().when(detail.getResourceId()).thenReturn(networkId);
        lenient().when(detail.getValue()).thenReturn(value);
        return detail;
    }

    @Test
    public void bindingUpsertsOnTheRightTableAndNeverWipesOtherDetails() {
        store.bind(NETWORK, "offering-uuid");
        store.bind(VPC, "offering-uuid");
        verify(networkDetailsDao).addDetail(100L, "vrscaling.profile", "offering-uuid", false);
        verify(vpcDetailsDao).addDetail(200L, "vrscaling.profile", "offering-uuid", false);
        verify(networkDetailsDao, never()).saveDetails(any());
        verify(vpcDetailsDao, never()).saveDetails(any());
    }

    @Test
    public void unbindAllRemovesOnlyTheBindingDetail() {
        NetworkDetailVO web = networkDetail(100L, "offering-uuid");
        NetworkDetailVO db = networkDetail(101L, "offering-uuid");
        when(networkDetailsDao.findDetails("vrscaling.profile", "offering-uuid", null)).thenReturn(List.of(web, db));
        VpcDetailVO prod = mock(VpcDetailVO.class);
        when(prod.getResourceId()).thenReturn(200L);
        when(vpcDetailsDao.findDetails("vrscaling.profile", "offering-uuid", null)).thenReturn(List.of(prod));

        assertEquals(3, store.unbindAll("offering-uuid"));
        verify(networkDetailsDao).removeDetail(100L, "vrscaling.profile");
        verify(networkDetailsDao).removeDetail(101L, "vrscaling.profile");
        verify(vpcDetailsDao).removeDetail(200L, "vrscaling.profile");
        verify(networkDetailsDao, never()).removeDetails(100L);
    }

    @Test
    public void unbindRemovesOneScopesBindingAndSaysWhetherThereWasOne() {
        NetworkDetailVO bound = networkDetail(100L, "offering-uuid");
        when(networkDetailsDao.findDetail(100L, "vrscaling.profile")).thenReturn(bound, (NetworkDetailVO) null);

        assertTrue(store.unbind(NETWORK));
        assertFalse(store.unbind(NETWORK));
        verify(networkDetailsDao, times(1)).removeDetail(100L, "vrscaling.profile");
    }

    @Test
    public void boundIdsAndPlanRunningReadTheDetails() {
        NetworkDetailVO web = networkDetail(100L, "offering-uuid");
        when(networkDetailsDao.findDetails("vrscaling.profile")).thenReturn(List.of(web));
        assertEquals(List.of(100L), store.boundIds(BindingScope.Type.NETWORK));

        NetworkDetailVO running = networkDetail(100L, "RUNNING");
        when(networkDetailsDao.findDetail(100L, "vrscaling.state")).thenReturn(running);
        assertTrue(store.planRunning(NETWORK));
    }

    @Test
    public void touchedRoutersAccumulateWithTheirPreviousOfferingAndWithoutDuplicates() {
        // An older plan wrote ids alone: they are kept, without an offering.
        NetworkDetailVO touched = networkDetail(100L, "11");
        when(networkDetailsDao.findDetail(100L, "vrscaling.touched")).thenReturn(touched);
        store.touched(NETWORK, 12L, 1L);
        store.touched(NETWORK, 11L, 3L);
        verify(networkDetailsDao).addDetail(100L, "vrscaling.touched", "11,12@1", false);
        verify(networkDetailsDao).addDetail(100L, "vrscaling.touched", "11@3", false);
    }

    @Test
    public void touchedRoutersAreReadBackWithTheOfferingTheyRan() {
        NetworkDetailVO touched = networkDetail(100L, "12@1,11@3,13");
        when(networkDetailsDao.findDetail(100L, "vrscaling.touched")).thenReturn(touched);
        Map<Long, Long> routers = store.touchedOfferings(BindingScope.Type.NETWORK, 100L);
        assertEquals(List.of(12L, 11L, 13L), new ArrayList<>(routers.keySet()));
        assertEquals(Long.valueOf(1L), routers.get(12L));
        assertNull(routers.get(13L));
        assertEquals(List.of(12L, 11L, 13L), store.touched(BindingScope.Type.NETWORK, 100L));
    }

    @Test
    public void automaticFailuresAreCountedAndResetTogether() {
        NetworkDetailVO failures = networkDetail(100L, "2");
        when(networkDetailsDao.findDetail(100L, "vrscaling.auto.failures")).thenReturn(failures);
        assertEquals(2, store.automaticFailures(NETWORK));
        store.automaticFailed(NETWORK, 3, 1700000000000L);
        verify(networkDetailsDao).addDetail(100L, "vrscaling.auto.failures", "3", false);
        verify(networkDetailsDao).addDetail(100L, "vrscaling.auto.retry.after", "1700000000000", false);
        store.automaticReset(NETWORK);
        verify(networkDetailsDao).removeDetail(100L, "vrscaling.auto.failures");
        verify(networkDetailsDao).removeDetail(100L, "vrscaling.auto.retry.after");
    }

    @Test
    public void aPlanIsMarkedRunningLastAndFinishedWithItsNote() {
        store.planStarted(NETWORK, "ms-1", 345L, 1700000000000L);
        InOrder order = inOrder(networkDetailsDao);
        order.verify(networkDetailsDao).addDetail(100L, "vrscaling.touched", "", false);
        order.verify(networkDetailsDao).addDetail(100L, "vrscaling.owner", "ms-1", false);
        order.verify(networkDetailsDao).addDetail(100L, "vrscaling.owner.msid", "345", false);
        order.verify(networkDetailsDao).addDetail(100L, "vrscaling.started", "1700000000000", false);
        order.verify(networkDetailsDao).addDetail(100L, "vrscaling.state", "RUNNING", false);

        store.planFinished(BindingScope.Type.VPC, 200L, false, "failed at START");
        verify(vpcDetailsDao).addDetail(200L, "vrscaling.note", "failed at START", false);
        verify(vpcDetailsDao).addDetail(200L, "vrscaling.state", "FAILED", false);
    }

    @Test
    public void aLongFailureNoteIsCutToTheDetailColumn() {
        String note = "x".repeat(5000);
        store.planFinished(BindingScope.Type.NETWORK, 100L, false, note);
        verify(networkDetailsDao).addDetail(100L, "vrscaling.note", "x".repeat(1021) + "...", false);
    }

    @Test
    public void runningPlansAreFoundOnNetworksAndVpcs() {
        NetworkDetailVO web = networkDetail(100L, "RUNNING");
        when(networkDetailsDao.findDetails("vrscaling.state", "RUNNING", null)).thenReturn(List.of(web));
        VpcDetailVO prod = mock(VpcDetailVO.class);
        when(prod.getResourceId()).thenReturn(200L);
        when(vpcDetailsDao.findDetails("vrscaling.state", "RUNNING", null)).thenReturn(List.of(prod));

        List<BindingStore.RunningPlan> plans = store.runningPlans();
        assertEquals(2, plans.size());
        assertEquals(BindingScope.Type.NETWORK, plans.get(0).getType());
        assertEquals(200L, plans.get(1).getResourceId());
    }

    @Test
    public void aHandEditedTouchedListKeepsItsIdsAndAnUnboundScopeHasNoProfile() {
        NetworkDetailVO touched = networkDetail(100L, "11, x,12");
        when(networkDetailsDao.findDetail(100L, "vrscaling.touched")).thenReturn(touched);
        assertEquals(List.of(11L, 12L), store.touched(BindingScope.Type.NETWORK, 100L));
        assertNull(store.boundProfile(VPC));
    }

    // ---- "is any network/VPC bound": the in-memory answer the job.state filter uses ----

    @Test
    public void nothingIsKnownUntilReadAndTheReadIsRemembered() {
        assertNull(store.anyBoundKnown());
        when(networkDetailsDao.findDetails("vrscaling.profile")).thenReturn(List.of());
        when(vpcDetailsDao.findDetails("vrscaling.profile")).thenReturn(List.of());

        assertFalse(store.refreshAnyBound());

        assertFalse(store.anyBoundKnown().any());
    }

    @Test
    public void aBindOnThisServerIsKnownAtOnceWithoutARead() {
        store.bind(NETWORK, "offering-uuid");

        assertTrue(store.anyBoundKnown().any());
        verify(networkDetailsDao, never()).findDetails("vrscaling.profile");
    }

    @Test
    public void anUnbindOnThisServerMakesTheAnswerUnknownUntilReadAgain() {
        store.bind(NETWORK, "offering-uuid");
        NetworkDetailVO bound = networkDetail(100L, "offering-uuid");
        when(networkDetailsDao.findDetail(100L, "vrscaling.profile")).thenReturn(bound);

        store.unbind(NETWORK);

        assertNull(store.anyBoundKnown());
    }

    @Test
    public void aBindDuringARefreshIsNotOverwrittenByTheOlderRead() {
        // The read sees no binding; a bind lands before the read's answer is stored: the bind wins.
        when(networkDetailsDao.findDetails("vrscaling.profile")).thenAnswer(inv -> {
            store.bind(VPC, "offering-uuid");
            return List.of();
        });
        when(vpcDetailsDao.findDetails("vrscaling.profile")).thenReturn(List.of());

        store.refreshAnyBound();

        assertTrue(store.anyBoundKnown().any());
    }
}
