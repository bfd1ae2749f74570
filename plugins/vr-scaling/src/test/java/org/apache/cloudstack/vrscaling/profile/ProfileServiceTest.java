package org.apache.cloudstack.vrscaling.profile;

import static org.apache.cloudstack.vrscaling.TestSupport.assertApiError;
import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.cloudstack.api.ApiErrorCode;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.sizing.TuningValue;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.ArgumentCaptor;
import org.mockito.InjectMocks;
import org.mockito.Mock;
import org.mockito.MockedStatic;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.service.ServiceOfferingVO;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.service.dao.ServiceOfferingDetailsDao;
import com.cloud.storage.DiskOfferingVO;
import com.cloud.storage.dao.DiskOfferingDao;
import com.cloud.utils.Pair;
import com.cloud.utils.db.Transaction;
import com.cloud.utils.db.TransactionCallback;

@RunWith(MockitoJUnitRunner.class)
public class ProfileServiceTest {
    @Mock
    ServiceOfferingDao serviceOfferingDao;
    @Mock
    ServiceOfferingDetailsDao offeringDetailsDao;
    @Mock
    DiskOfferingDao diskOfferingDao;
    @Mock
    BindingStore bindingStore;
    @Mock
    VrScalingSettings settings;
    @InjectMocks
    ProfileService service;

    private final Map<String, String> details = new HashMap<>();

    @Before
    public void details() {
        // The detail table of offering 10, shared by the stubs below.
        lenient().when(offeringDetailsDao.listDetailsKeyPairs(10L)).thenReturn(details);
        lenient().when(offeringDetailsDao.getDetail(eq(10L), anyString()))
                .thenAnswer(inv -> details.get(inv.getArgument(1, String.class)));
        // Profiles are cloud-wide: the budget check reads the global settings.
        lenient().when(settings.sizingModel(null)).thenReturn(new SizingModel(SizingAssumptions.defaults()));
    }

    private void persistsAs(long offeringId) {
        DiskOfferingVO disk = mock(DiskOfferingVO.class);
        when(disk.getId()).thenReturn(41L);
        when(diskOfferingDao.persistDefaultDiskOffering(any(DiskOfferingVO.class))).thenReturn(disk);
        ServiceOfferingVO persisted = offering(offeringId, "big", 2, 1000, 2048);
        when(serviceOfferingDao.persistSystemServiceOffering(any(ServiceOfferingVO.class))).thenReturn(persisted);
    }

    @Test
    public void createPersistsARouterSystemOfferingWithItsDiskOfferingAndProfileDetails() {
        persistsAs(10L);
        ServiceOfferingVO created = service.create(new ProfileSpec("big", null, 2, 1000, 2048, null, null,
                Map.of(TuningKey.CONNTRACK_MAX, 200_000L)));

        ArgumentCaptor<DiskOfferingVO> disk = ArgumentCaptor.forClass(DiskOfferingVO.class);
        verify(diskOfferingDao).persistDefaultDiskOffering(disk.capture());
        assertFalse(disk.getValue().isUseLocalStorage());
        ArgumentCaptor<ServiceOfferingVO> offering = ArgumentCaptor.forClass(ServiceOfferingVO.class);
        verify(serviceOfferingDao).persistSystemServiceOffering(offering.capture());
        ServiceOfferingVO vo = offering.getValue();
        assertEquals(Integer.valueOf(2), vo.getCpu());
        assertEquals(Integer.valueOf(1000), vo.getSpeed());
        assertEquals(Integer.valueOf(2048), vo.getRamSize());
        assertTrue(vo.isSystemUse());
        assertEquals("big", vo.getDisplayText());
        assertTrue(vo.getUniqueName().startsWith("vrscaling-"));
        // service_offering.unique_name and disk_offering.unique_name are varchar(32) in 4.22.
        assertTrue(vo.getUniqueName() + " does not fit varchar(32)", vo.getUniqueName().length() <= 32);
        assertEquals(vo.getUniqueName(), disk.getValue().getUniqueName());
        assertEquals(Long.valueOf(41L), vo.getDiskOfferingId());
        verify(offeringDetailsDao).addDetail(10L, "vrscaling.conntrackmax", "200000", false);
        verify(offeringDetailsDao).addDetail(10L, "vrscaling.profile", "true", false);
        verify(offeringDetailsDao, never()).saveDetails(any());
        assertEquals(10L, created.getId());
    }

    @Test
    public void createWithLocalStorageMakesALocalDiskOffering() {
        persistsAs(10L);
        service.create(new ProfileSpec("big", "Big", 2, 1000, 2048, null, "LOCAL", Map.of()));
        ArgumentCaptor<DiskOfferingVO> disk = ArgumentCaptor.forClass(DiskOfferingVO.class);
        verify(diskOfferingDao).persistDefaultDiskOffering(disk.capture());
        assertTrue(disk.getValue().isUseLocalStorage());
    }

    @Test
    public void createRefusesAnUnknownStorageType() {
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.create(new ProfileSpec("big", null, 2, 1000, 2048,
                null, "nfs", Map.of())), "storagetype", "nfs");
        verify(serviceOfferingDao, never()).persistSystemServiceOffering(any());
    }

    @Test
    public void createRefusesASizeBelowTheRouterFloor() {
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.create(new ProfileSpec("tiny", null, 1, 1000, 200,
                null, null, Map.of())), "memory 200 MiB is below the 256 MiB");
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.create(new ProfileSpec("slow", null, 1, 200, 512,
                null, null, Map.of())), "cpuspeed 200 MHz");
        verify(serviceOfferingDao, never()).persistSystemServiceOffering(any());
        verify(diskOfferingDao, never()).persistDefaultDiskOffering(any());
    }

    @Test
    public void createRefusesOutOfRangeTuning() {
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.create(new ProfileSpec("big", null, 2, 1000, 2048,
                null, null, Map.of(TuningKey.CONNTRACK_MAX, 10L))), "conntrackmax must be between 1024");
        verify(serviceOfferingDao, never()).persistSystemServiceOffering(any());
    }

    @Test
    public void createRefusesAConntrackTableItsMemoryCannotHoldAndNamesWhatFits() {
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.create(new ProfileSpec("tiny", null, 1, 1000, 256,
                null, null, Map.of(TuningKey.CONNTRACK_MAX, 67_108_864L, TuningKey.CONNTRACK_BUCKETS, 16_777_216L))),
                "Profile 'tiny' (256 MiB) cannot hold a full conntrack table", "needs 25,728.0 MiB",
                "the budget is 64.0 MiB", "conntrackmax=166942 with conntrackbuckets=41472", "forced=true");
        verify(serviceOfferingDao, never()).persistSystemServiceOffering(any());
        verify(diskOfferingDao, never()).persistDefaultDiskOffering(any());
    }

    @Test
    public void createRefusesAnOverriddenMaxWhoseDerivedBucketsTakeItOverTheBudget() {
        // 1,000,000 entries alone need 381 MiB of a 512 MiB router's 128 MiB budget; the buckets stay derived.
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.create(new ProfileSpec("stock", null, 1, 1000, 512,
                null, null, Map.of(TuningKey.CONNTRACK_MAX, 1_000_000L))), "cannot hold a full conntrack table");
    }

    @Test
    public void createAcceptsAnOverBudgetTableWithForce() {
        persistsAs(10L);
        service.create(new ProfileSpec("tiny", null, 1, 1000, 256, null, null,
                Map.of(TuningKey.CONNTRACK_MAX, 67_108_864L), true));
        verify(offeringDetailsDao).addDetail(10L, "vrscaling.conntrackmax", "67108864", false);
    }

    @Test
    public void theBudgetUsesTheGlobalFractionAndBytesPerEntry() {
        // 262,144 entries fit 1 GiB at 25 % and 400 B, not at 5 %.
        when(settings.sizingModel(null)).thenReturn(new SizingModel(SizingAssumptions.defaults()
                .withConntrackMemoryFraction(0.05)));
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.create(new ProfileSpec("mid", null, 2, 1000, 1024,
                null, null, Map.of(TuningKey.CONNTRACK_MAX, 262_144L, TuningKey.CONNTRACK_BUCKETS, 65_536L))),
                "5% of 1,024.0 MiB");
    }

    @Test
    public void adoptRefusesAnOverBudgetTableUnlessForced() {
        ServiceOfferingVO router = offering(10L, "router 256", 1, 500, 256);
        when(serviceOfferingDao.findById(10L)).thenReturn(router);
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.create(new ProfileSpec(null, null, null, null, null,
                10L, null, Map.of(TuningKey.CONNTRACK_MAX, 1_000_000L))), "router 256", "forced=true");
        verify(offeringDetailsDao, never()).addDetail(anyLong(), anyString(), anyString(), anyBoolean());
        service.create(new ProfileSpec(null, null, null, null, null, 10L, null,
                Map.of(TuningKey.CONNTRACK_MAX, 1_000_000L), true));
        verify(offeringDetailsDao).addDetail(10L, "vrscaling.profile", "true", false);
    }

    @Test
    public void updateRefusesRaisingConntrackOverTheBudgetAndWritesNothing() {
        ServiceOfferingVO profile = offering(10L, "small", 1, 1000, 512);
        when(serviceOfferingDao.findById(10L)).thenReturn(profile);
        details.put("vrscaling.profile", "true");
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.update(10L, "renamed", null,
                Map.of(TuningKey.CONNTRACK_MAX, 1_000_000L, TuningKey.CONNTRACK_BUCKETS, 262_144L), null, false),
                "needs 383.5 MiB", "the budget is 128.0 MiB", "conntrackmax=333803 with conntrackbuckets=87040");
        verify(profile, never()).setName(anyString());
        verify(serviceOfferingDao, never()).update(anyLong(), any());
        verify(offeringDetailsDao, never()).addDetail(anyLong(), anyString(), anyString(), anyBoolean());

        service.update(10L, null, null, Map.of(TuningKey.CONNTRACK_MAX, 1_000_000L), null, true);
        verify(offeringDetailsDao).addDetail(10L, "vrscaling.conntrackmax", "1000000", false);
    }

    @Test
    public void createNeedsASizeOrAnOfferingToAdopt() {
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.create(new ProfileSpec("big", null, 2, null, 2048,
                null, null, Map.of())), "cpunumber, cpuspeed and memory are required", "serviceofferingid");
    }

    @Test
    public void adoptRefusesANonSystemOffering() {
        ServiceOfferingVO user = offering(20L, "small user", 1, 1000, 1024);
        when(user.isSystemUse()).thenReturn(false);
        when(serviceOfferingDao.findById(20L)).thenReturn(user);
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.create(new ProfileSpec(null, null, null, null, null,
                20L, null, Map.of())), "small user", "is not a system offering");
        verify(offeringDetailsDao, never()).addDetail(anyLong(), anyString(), anyString(), anyBoolean());
    }

    @Test
    public void adoptRefusesAnOfferingForAnotherSystemVmType() {
        ServiceOfferingVO proxy = offering(21L, "proxy", 1, 1000, 1024);
        when(proxy.getVmType()).thenReturn("consoleproxy");
        when(serviceOfferingDao.findById(21L)).thenReturn(proxy);
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.create(new ProfileSpec(null, null, null, null, null,
                21L, null, Map.of())), "consoleproxy", "not domainrouter");
        verify(offeringDetailsDao, never()).addDetail(anyLong(), anyString(), anyString(), anyBoolean());
    }

    @Test
    public void adoptRefusesAnUnknownOfferingAndSizeParameters() {
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.create(new ProfileSpec(null, null, null, null, null,
                99L, null, Map.of())), "Unable to find service offering with id 99");
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.create(new ProfileSpec(null, null, 2, null, null,
                99L, null, Map.of())), "do not pass cpunumber");
    }

    @Test
    public void adoptMarksAnExistingRouterOfferingAsAProfile() {
        ServiceOfferingVO router = offering(10L, "router 2G", 2, 1000, 2048);
        when(serviceOfferingDao.findById(10L)).thenReturn(router);
        ServiceOfferingVO adopted = service.create(new ProfileSpec(null, null, null, null, null, 10L, null,
                Map.of(TuningKey.NIC_QUEUES, 2L)));
        assertSame(router, adopted);
        verify(offeringDetailsDao).addDetail(10L, "vrscaling.nicqueues", "2", false);
        verify(offeringDetailsDao).addDetail(10L, "vrscaling.adopted", "true", false);
        verify(offeringDetailsDao).addDetail(10L, "vrscaling.profile", "true", false);
        verify(serviceOfferingDao, never()).persistSystemServiceOffering(any());
    }

    @Test
    public void adoptRefusesAnOfferingThatAlreadyIsAProfile() {
        ServiceOfferingVO router = offering(10L, "router 2G", 2, 1000, 2048);
        when(serviceOfferingDao.findById(10L)).thenReturn(router);
        details.put("vrscaling.profile", "true");
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.create(new ProfileSpec(null, null, null, null, null,
                10L, null, Map.of())), "already is a virtual router profile");
    }

    @Test
    public void updateRenamesAndMergesOverridesWithUpserts() {
        ServiceOfferingVO profile = offering(10L, "big", 2, 1000, 2048);
        when(serviceOfferingDao.findById(10L)).thenReturn(profile);
        details.put("vrscaling.profile", "true");
        details.put("vrscaling.conntrackmax", "300000");
        details.put("vrscaling.tcpfintimeout", "20");

        service.update(10L, "bigger", null, Map.of(TuningKey.NETDEV_BUDGET, 500L), List.of("tcpfintimeout"), false);

        verify(profile).setName("bigger");
        verify(serviceOfferingDao).update(10L, profile);
        verify(offeringDetailsDao).addDetail(10L, "vrscaling.netdevbudget", "500", false);
        verify(offeringDetailsDao).removeDetail(10L, "vrscaling.tcpfintimeout");
        verify(offeringDetailsDao, never()).removeDetail(10L, "vrscaling.conntrackmax");
        verify(offeringDetailsDao, never()).saveDetails(any());
    }

    private void anotherProfile(long id, String name) {
        when(offeringDetailsDao.findResourceIdsByNameAndValueIn(eq("vrscaling.profile"), any()))
                .thenReturn(List.of(10L, id));
        ServiceOfferingVO other = offering(id, name, 1, 500, 512);
        lenient().when(serviceOfferingDao.findById(id)).thenReturn(other);
    }

    @Test
    public void createRefusesTheNameOfAnotherActiveProfileNamingItsUuid() {
        anotherProfile(20L, "Big");
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.create(new ProfileSpec(" big ", null, 2, 1000, 2048,
                null, null, Map.of())), "A virtual router profile named 'Big' already exists: offering-uuid-20");
        verify(serviceOfferingDao, never()).persistSystemServiceOffering(any());
        verify(diskOfferingDao, never()).persistDefaultDiskOffering(any());
    }

    @Test
    public void theNameOfADeletedProfileIsFreeAgain() {
        when(offeringDetailsDao.findResourceIdsByNameAndValueIn(eq("vrscaling.profile"), any()))
                .thenReturn(List.of(21L));
        when(serviceOfferingDao.findById(21L)).thenReturn(null);
        persistsAs(10L);
        service.create(new ProfileSpec("big", null, 2, 1000, 2048, null, null, Map.of()));
        verify(serviceOfferingDao).persistSystemServiceOffering(any());
    }

    @Test
    public void adoptRefusesAnOfferingNamedLikeAnotherProfile() {
        ServiceOfferingVO router = offering(10L, "big", 2, 1000, 2048);
        when(serviceOfferingDao.findById(10L)).thenReturn(router);
        anotherProfile(20L, "BIG");
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.create(new ProfileSpec(null, null, null, null, null,
                10L, null, Map.of())), "already exists: offering-uuid-20");
        verify(offeringDetailsDao, never()).addDetail(anyLong(), anyString(), anyString(), anyBoolean());
    }

    @Test
    public void renameRefusesTheNameOfAnotherProfileAndWritesNothing() {
        ServiceOfferingVO profile = offering(10L, "small", 1, 1000, 512);
        when(serviceOfferingDao.findById(10L)).thenReturn(profile);
        details.put("vrscaling.profile", "true");
        anotherProfile(20L, "big");
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.update(10L, "big", null,
                Map.of(TuningKey.NETDEV_BUDGET, 500L), null, false), "named 'big' already exists: offering-uuid-20");
        verify(profile, never()).setName(anyString());
        verify(serviceOfferingDao, never()).update(anyLong(), any());
        verify(offeringDetailsDao, never()).addDetail(anyLong(), anyString(), anyString(), anyBoolean());
    }

    @Test
    public void keepingItsOwnNameIsNoClash() {
        ServiceOfferingVO profile = offering(10L, "small", 1, 1000, 512);
        when(serviceOfferingDao.findById(10L)).thenReturn(profile);
        details.put("vrscaling.profile", "true");
        service.update(10L, "small", "new text", Map.of(), null, false);
        verify(profile).setDisplayText("new text");
        verify(serviceOfferingDao).update(10L, profile);
    }

    @Test
    public void anAdoptedOfferingIsNeverRenamedButItsTuningChanges() {
        ServiceOfferingVO adopted = offering(10L, "System Offering For Software Router", 1, 500, 512);
        when(serviceOfferingDao.findById(10L)).thenReturn(adopted);
        details.put("vrscaling.profile", "true");
        details.put("vrscaling.adopted", "true");
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.update(10L, "vr-small", null, Map.of(), null, false),
                "adopted an existing service offering", "does not change its name", "updateServiceOffering");
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.update(10L, null, "routers", Map.of(), null, false),
                "does not change its display text");
        verify(adopted, never()).setName(anyString());
        verify(serviceOfferingDao, never()).update(anyLong(), any());

        service.update(10L, null, null, Map.of(TuningKey.NETDEV_BUDGET, 500L), null, false);
        verify(offeringDetailsDao).addDetail(10L, "vrscaling.netdevbudget", "500", false);
        verify(serviceOfferingDao, never()).update(anyLong(), any());
    }

    @Test
    public void anEmptyDisplayTextIsRefusedBeforeTheRename() {
        ServiceOfferingVO profile = offering(10L, "small", 1, 1000, 512);
        when(serviceOfferingDao.findById(10L)).thenReturn(profile);
        details.put("vrscaling.profile", "true");
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.update(10L, "smaller", " ", Map.of(), null, false),
                "displaytext must not be empty");
        verify(profile, never()).setName(anyString());
    }

    @Test
    public void updateWritesTheOfferingAndItsDetailsInOneTransactionAfterAllChecks() {
        ServiceOfferingVO profile = offering(10L, "small", 1, 1000, 512);
        when(serviceOfferingDao.findById(10L)).thenReturn(profile);
        details.put("vrscaling.profile", "true");
        ArgumentCaptor<TransactionCallback<?>> work = ArgumentCaptor.forClass(TransactionCallback.class);
        try (MockedStatic<Transaction> transaction = mockStatic(Transaction.class)) {
            transaction.when(() -> Transaction.execute(work.capture())).thenReturn(null);

            service.update(10L, "smaller", null, Map.of(TuningKey.NETDEV_BUDGET, 500L), List.of("tcpfintimeout"),
                    false);

            // Nothing was written outside the transaction.
            verify(serviceOfferingDao, never()).update(anyLong(), any());
            verify(offeringDetailsDao, never()).addDetail(anyLong(), anyString(), anyString(), anyBoolean());
            verify(offeringDetailsDao, never()).removeDetail(anyLong(), anyString());
        }
        work.getValue().doInTransaction(null);
        verify(profile).setName("smaller");
        verify(serviceOfferingDao).update(10L, profile);
        verify(offeringDetailsDao).addDetail(10L, "vrscaling.netdevbudget", "500", false);
        verify(offeringDetailsDao).removeDetail(10L, "vrscaling.tcpfintimeout");
    }

    @Test
    public void updateRefusesOutOfRangeTuningAndChangesNothing() {
        ServiceOfferingVO profile = offering(10L, "big", 2, 1000, 2048);
        when(serviceOfferingDao.findById(10L)).thenReturn(profile);
        details.put("vrscaling.profile", "true");
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.update(10L, null, null,
                Map.of(TuningKey.TCP_FIN_TIMEOUT, 500L), null, false), "tcpfintimeout must be between 5 and 120");
        verify(offeringDetailsDao, never()).addDetail(anyLong(), anyString(), anyString(), anyBoolean());
        verify(serviceOfferingDao, never()).update(anyLong(), any());
    }

    @Test
    public void updateRefusesAnOfferingThatIsNotAProfile() {
        ServiceOfferingVO o1 = offering(10L, "plain", 1, 500, 256);
        when(serviceOfferingDao.findById(10L)).thenReturn(o1);
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> service.update(10L, "x", null, Map.of(), null, false),
                "is not a virtual router profile");
    }

    @Test
    public void deleteRefusesWhileBoundAndChangesNothing() {
        ServiceOfferingVO o2 = offering(10L, "big", 2, 1000, 2048);
        when(serviceOfferingDao.findById(10L)).thenReturn(o2);
        details.put("vrscaling.profile", "true");
        when(bindingStore.countNetworks("offering-uuid-10")).thenReturn(2);
        when(bindingStore.countVpcs("offering-uuid-10")).thenReturn(1);
        assertApiError(ApiErrorCode.UNSUPPORTED_ACTION_ERROR, () -> service.delete(10L, false),
                "bound to 2 network(s) and 1 VPC(s)", "forced=true");
        verify(serviceOfferingDao, never()).remove(anyLong());
        verify(bindingStore, never()).unbindAll(anyString());
    }

    @Test
    public void forcedDeleteRemovesBindingsAndSoftDeletesTheOffering() {
        ServiceOfferingVO o3 = offering(10L, "big", 2, 1000, 2048);
        when(serviceOfferingDao.findById(10L)).thenReturn(o3);
        details.put("vrscaling.profile", "true");
        when(bindingStore.countNetworks("offering-uuid-10")).thenReturn(1);
        when(bindingStore.unbindAll("offering-uuid-10")).thenReturn(1);
        assertEquals(1, service.delete(10L, true));
        verify(serviceOfferingDao).remove(10L);
        verify(diskOfferingDao).remove(1010L);
    }

    @Test
    public void deletingAnAdoptedProfileKeepsTheOffering() {
        ServiceOfferingVO o4 = offering(10L, "router 2G", 2, 1000, 2048);
        when(serviceOfferingDao.findById(10L)).thenReturn(o4);
        details.put("vrscaling.profile", "true");
        details.put("vrscaling.adopted", "true");
        details.put("vrscaling.nicqueues", "2");
        details.put("extraconfig-1", "kept");
        service.delete(10L, false);
        verify(offeringDetailsDao).removeDetail(10L, "vrscaling.profile");
        verify(offeringDetailsDao).removeDetail(10L, "vrscaling.nicqueues");
        verify(offeringDetailsDao, never()).removeDetail(10L, "extraconfig-1");
        verify(serviceOfferingDao, never()).remove(anyLong());
    }

    @Test
    public void listFiltersByKeywordSortsByNameAndPages() {
        when(offeringDetailsDao.findResourceIdsByNameAndValueIn(eq("vrscaling.profile"), any()))
                .thenReturn(List.of(1L, 2L, 3L, 4L));
        ServiceOfferingVO o5 = offering(1L, "zeta large", 4, 2000, 4096);
        when(serviceOfferingDao.findById(1L)).thenReturn(o5);
        ServiceOfferingVO o6 = offering(2L, "alpha large", 2, 2000, 2048);
        when(serviceOfferingDao.findById(2L)).thenReturn(o6);
        ServiceOfferingVO o7 = offering(3L, "small", 1, 1000, 512);
        when(serviceOfferingDao.findById(3L)).thenReturn(o7);
        when(serviceOfferingDao.findById(4L)).thenReturn(null);

        Pair<List<ServiceOfferingVO>, Integer> page = service.list(null, null, "LARGE", 1L, 1L);
        assertEquals(Integer.valueOf(2), page.second());
        assertEquals(1, page.first().size());
        assertEquals("zeta large", page.first().get(0).getName());
    }

    @Test
    public void viewShowsEffectiveTuningWithOverridesAndBindingCounts() {
        ServiceOfferingVO profile = offering(10L, "big", 2, 1000, 2048);
        details.put("vrscaling.profile", "true");
        details.put("vrscaling.conntrackmax", "300000");
        DiskOfferingVO disk = mock(DiskOfferingVO.class);
        when(disk.isUseLocalStorage()).thenReturn(true);
        when(diskOfferingDao.findByIdIncludingRemoved(1010L)).thenReturn(disk);
        when(settings.sizingModel(null)).thenReturn(new SizingModel(SizingAssumptions.defaults()));
        when(bindingStore.countNetworks("offering-uuid-10")).thenReturn(3);

        ProfileView view = service.view(profile, null);

        assertEquals("local", view.getStorageType());
        assertEquals(3, view.getNetworkCount());
        TuningValue max = view.getTuning().get(TuningKey.CONNTRACK_MAX);
        assertEquals(300_000L, max.getValue());
        assertEquals(TuningValue.Source.OVERRIDE, max.getSource());
        assertEquals(TuningValue.Source.DERIVED, view.getTuning().get(TuningKey.CONNTRACK_BUCKETS).getSource());
        assertEquals(2L, view.getTuning().value(TuningKey.NIC_QUEUES));
        // 300,000 x 400 B + derived buckets: 118.8 MiB of a 512 MiB budget.
        assertTrue(view.getConntrackBudget().fits());
        assertEquals(300_000L, view.getConntrackBudget().getConntrackMax());
        assertFalse(view.isConntrackForced());
    }

    @Test
    public void theBoundProfileIsTheOfferingTheBindingNamesWhileItIsAProfile() {
        BindingScope scope = new BindingScope(BindingScope.Type.NETWORK, 5L, null, null, 0);
        assertNull(service.boundProfile(scope));

        ServiceOfferingVO big = offering(10L, "big", 2, 1000, 2048);
        when(bindingStore.boundProfile(scope)).thenReturn("offering-uuid-10");
        when(serviceOfferingDao.findByUuid("offering-uuid-10")).thenReturn(big);
        assertNull("not marked as a profile", service.boundProfile(scope));
        details.put("vrscaling.profile", "true");
        assertSame(big, service.boundProfile(scope));
    }
}
