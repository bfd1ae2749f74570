package org.apache.cloudstack.vrscaling.presize;

import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.nullable;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.network.vpc.VpcOffering;
import com.cloud.network.vpc.VpcOfferingServiceMapVO;
import com.cloud.network.vpc.VpcOfferingVO;
import com.cloud.network.vpc.VpcProvisioningService;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.network.vpc.dao.VpcOfferingDao;
import com.cloud.network.vpc.dao.VpcOfferingDetailsDao;
import com.cloud.network.vpc.dao.VpcOfferingServiceMapDao;
import com.cloud.offering.NetworkOffering;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.utils.net.NetUtils;

@RunWith(MockitoJUnitRunner.class)
public class DerivedVpcOfferingsTest {
    private static final long SOURCE_ID = 40L;
    private static final long COPY_ID = 41L;
    private static final long PROFILE_ID = 5L;
    private static final String COPY_NAME = "VRScale-V40-P5";

    @Mock
    VpcOfferingDao vpcOfferingDao;
    @Mock
    VpcOfferingServiceMapDao serviceMapDao;
    @Mock
    VpcOfferingDetailsDao detailsDao;
    @Mock
    VpcProvisioningService vpcProvisioningService;
    @Mock
    VpcDao vpcDao;

    private final DerivedVpcOfferings offerings = new DerivedVpcOfferings();
    private final ServiceOfferingVO profile = offering(PROFILE_ID, "big", 2, 1000, 2048);
    private VpcOfferingVO source;
    private VpcOfferingVO copy;

    @Before
    public void wire() {
        offerings.vpcOfferingDao = vpcOfferingDao;
        offerings.vpcOfferingServiceMapDao = serviceMapDao;
        offerings.vpcOfferingDetailsDao = detailsDao;
        offerings.vpcProvisioningService = vpcProvisioningService;
        offerings.vpcDao = vpcDao;

        source = vpcOffering(SOURCE_ID, "Redundant VPC offering", VpcOffering.State.Enabled);
        lenient().when(source.getDisplayText()).thenReturn("Redundant VPC offering");
        copy = vpcOffering(COPY_ID, COPY_NAME, VpcOffering.State.Disabled);
        lenient().when(copy.getServiceOfferingId()).thenReturn(PROFILE_ID);
        lenient().when(vpcOfferingDao.findById(SOURCE_ID)).thenReturn(source);
        lenient().when(vpcOfferingDao.findById(COPY_ID)).thenReturn(copy);
        List<VpcOfferingServiceMapVO> sourceServices = services();
        List<VpcOfferingServiceMapVO> copyServices = services();
        lenient().when(serviceMapDao.listByVpcOffId(SOURCE_ID)).thenReturn(sourceServices);
        lenient().when(serviceMapDao.listByVpcOffId(COPY_ID)).thenReturn(copyServices);
        details(SOURCE_ID);
        details(COPY_ID);
    }

    @Test
    public void anExistingCopyWithTheSourcesShapeIsReusedWithoutCreatingAnother() {
        when(vpcOfferingDao.findByUniqueName(COPY_NAME)).thenReturn(copy);

        assertSame(copy, offerings.findOrCreate(SOURCE_ID, profile));

        verifyNoInteractions(vpcProvisioningService);
        verify(vpcOfferingDao, never()).remove(nullable(Long.class));
    }

    @Test
    public void anExistingCopyThatDriftedIsRefusedButNotDeleted() {
        when(vpcOfferingDao.findByUniqueName(COPY_NAME)).thenReturn(copy);
        when(copy.isRedundantRouter()).thenReturn(false);

        PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> offerings.findOrCreate(SOURCE_ID, profile));

        assertTrue(refused.getMessage(), refused.getMessage().contains("existing copy " + COPY_NAME));
        assertTrue(refused.getMessage(), refused.getMessage().contains("redundantRouter: true vs false"));
        verifyNoInteractions(vpcProvisioningService);
        verify(vpcOfferingDao, never()).remove(nullable(Long.class));
    }

    @Test
    public void aMissingCopyIsCreatedDisabledThroughCloudStacksVpcOfferingCreation() {
        createReturns(COPY_ID);

        assertSame(copy, offerings.findOrCreate(SOURCE_ID, profile));

        Creation creation = verifyCreated();
        assertEquals(COPY_NAME, creation.name.getValue());
        assertEquals("Redundant VPC offering [VR Scale: routers start at profile big]",
                creation.displayText.getValue());
        assertEquals(List.of("Dhcp", "Lb", "SourceNat"), creation.services.getValue());
        assertEquals(Map.of("Dhcp", List.of("VpcVirtualRouter"), "Lb", List.of("InternalLbVm", "VpcVirtualRouter"),
                "SourceNat", List.of("VpcVirtualRouter")), creation.providers.getValue());
        assertEquals(Long.valueOf(PROFILE_ID), creation.serviceOfferingId.getValue());
        assertEquals(VpcOffering.State.Disabled, creation.state.getValue());
        assertEquals(List.of(3L), creation.domainIds.getValue());
        assertEquals(List.of(1L, 2L), creation.zoneIds.getValue());
        assertEquals(NetUtils.InternetProtocol.DualStack, creation.internetProtocol.getValue());
        verify(vpcOfferingDao, never()).remove(nullable(Long.class));
    }

    @Test
    public void aRedundantSourceGivesTheRedundantRouterCapabilityInTheApisListFormat() {
        createReturns(COPY_ID);

        offerings.findOrCreate(SOURCE_ID, profile);

        Map<?, ?> capabilities = verifyCreated().capabilities.getValue();
        assertEquals(1, capabilities.size());
        Object entry = capabilities.values().iterator().next();
        assertTrue("CloudStack casts each entry to HashMap", entry instanceof HashMap);
        assertEquals(Map.of(DerivedVpcOfferings.SERVICE, "SourceNat", DerivedVpcOfferings.CAPABILITY_TYPE,
                "RedundantRouter", DerivedVpcOfferings.CAPABILITY_VALUE, "true"), entry);
    }

    @Test
    public void theCopyIsReadBackFromTheDatabaseBeforeItIsCompared() {
        createReturns(COPY_ID);

        VpcOfferingVO result = offerings.findOrCreate(SOURCE_ID, profile);

        assertSame(copy, result);
        verify(vpcOfferingDao).findById(COPY_ID);
    }

    @Test
    public void aNewCopyThatIsNotRedundantIsRemovedAndRefused() {
        when(copy.isRedundantRouter()).thenReturn(false);
        createReturns(COPY_ID);

        PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> offerings.findOrCreate(SOURCE_ID, profile));

        assertTrue(refused.getMessage(), refused.getMessage().contains("new copy " + COPY_NAME));
        assertTrue(refused.getMessage(), refused.getMessage().contains("redundantRouter: true vs false"));
        verify(vpcOfferingDao).remove(COPY_ID);
    }

    @Test
    public void aNewCopyWithAnotherProviderIsRemovedAndRefused() {
        List<VpcOfferingServiceMapVO> rows = new ArrayList<>(services());
        rows.set(0, row("Dhcp", "ConfigDrive"));
        when(serviceMapDao.listByVpcOffId(COPY_ID)).thenReturn(rows);
        createReturns(COPY_ID);

        PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> offerings.findOrCreate(SOURCE_ID, profile));

        assertTrue(refused.getMessage(), refused.getMessage().contains(
                "service Dhcp: [VpcVirtualRouter] vs [ConfigDrive]"));
        verify(vpcOfferingDao).remove(COPY_ID);
    }

    @Test
    public void aNewCopyThatCameOutEnabledIsRemovedAndRefused() {
        when(copy.getState()).thenReturn(VpcOffering.State.Enabled);
        createReturns(COPY_ID);

        PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> offerings.findOrCreate(SOURCE_ID, profile));

        assertTrue(refused.getMessage(), refused.getMessage().contains("the copy is Enabled"));
        verify(vpcOfferingDao).remove(COPY_ID);
    }

    @Test
    public void aCreationThatReturnsNothingIsRefused() {
        when(vpcProvisioningService.createVpcOffering(any(), any(), any(), any(), any(), any(), any(), any(), any(),
                any(), any(), any(), any(), anyBoolean())).thenReturn(null);

        PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> offerings.findOrCreate(SOURCE_ID, profile));

        assertTrue(refused.getMessage(), refused.getMessage().contains("did not create"));
        verify(vpcOfferingDao, never()).remove(nullable(Long.class));
    }

    @Test
    public void anOfferingThatIsItselfACopyIsNotCopiedAgain() {
        VpcOfferingVO derived = vpcOffering(42L, "VRScale-V40-P7", VpcOffering.State.Disabled);
        when(vpcOfferingDao.findById(42L)).thenReturn(derived);

        PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> offerings.findOrCreate(42L, profile));

        assertTrue(refused.getMessage(), refused.getMessage().contains("itself a VR Scale copy"));
        verifyNoInteractions(vpcProvisioningService);
        verify(vpcOfferingDao, never()).findByUniqueName(anyString());
    }

    @Test
    public void aSourceThatIsGoneIsRefused() {
        when(vpcOfferingDao.findById(SOURCE_ID)).thenReturn(null);

        PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> offerings.findOrCreate(SOURCE_ID, profile));

        assertTrue(refused.getMessage(), refused.getMessage().contains("VPC offering 40 no longer exists"));
        verifyNoInteractions(vpcProvisioningService);
    }

    @Test
    public void anUnusedDerivedOfferingIsRemoved() {
        when(vpcDao.getVpcCountByOfferingId(COPY_ID)).thenReturn(0);

        offerings.removeIfUnused(COPY_ID);

        verify(vpcOfferingDao).remove(COPY_ID);
    }

    @Test
    public void aDerivedOfferingStillInUseIsKept() {
        when(vpcDao.getVpcCountByOfferingId(COPY_ID)).thenReturn(1);

        offerings.removeIfUnused(COPY_ID);

        verify(vpcOfferingDao, never()).remove(nullable(Long.class));
    }

    @Test
    public void anOfferingVrScaleDidNotDeriveIsNeverRemoved() {
        offerings.removeIfUnused(SOURCE_ID);

        verify(vpcOfferingDao, never()).remove(nullable(Long.class));
        verify(vpcDao, never()).getVpcCountByOfferingId(anyLong());
    }

    private static VpcOfferingVO vpcOffering(long id, String name, VpcOffering.State state) {
        VpcOfferingVO offering = mock(VpcOfferingVO.class);
        lenient().when(offering.getId()).thenReturn(id);
        lenient().when(offering.getUuid()).thenReturn("vpc-offering-uuid-" + id);
        lenient().when(offering.getName()).thenReturn(name);
        lenient().when(offering.getUniqueName()).thenReturn(name);
        lenient().when(offering.getState()).thenReturn(state);
        lenient().when(offering.isRedundantRouter()).thenReturn(true);
        lenient().when(offering.getNetworkMode()).thenReturn(NetworkOffering.NetworkMode.NATTED);
        return offering;
    }

    private void details(long offeringId) {
        lenient().when(detailsDao.findDomainIds(offeringId)).thenReturn(List.of(3L));
        lenient().when(detailsDao.findZoneIds(offeringId)).thenReturn(List.of(1L, 2L));
        lenient().when(detailsDao.getDetail(offeringId, DerivedVpcOfferings.INTERNET_PROTOCOL_DETAIL))
                .thenReturn("DualStack");
    }

    private static List<VpcOfferingServiceMapVO> services() {
        return List.of(row("Dhcp", "VpcVirtualRouter"), row("SourceNat", "VpcVirtualRouter"),
                row("Lb", "VpcVirtualRouter"), row("Lb", "InternalLbVm"));
    }

    private static VpcOfferingServiceMapVO row(String service, String provider) {
        VpcOfferingServiceMapVO row = mock(VpcOfferingServiceMapVO.class);
        lenient().when(row.getService()).thenReturn(service);
        lenient().when(row.getProvider()).thenReturn(provider);
        return row;
    }

    /** CloudStack's creation answers with its own view of the new row; the code reads it back by id. */
    private VpcOffering createReturns(long id) {
        VpcOffering created = mock(VpcOffering.class);
        when(created.getId()).thenReturn(id);
        when(vpcProvisioningService.createVpcOffering(any(), any(), any(), any(), any(), any(), any(), any(), any(),
                any(), any(), any(), any(), anyBoolean())).thenReturn(created);
        return created;
    }

    private Creation verifyCreated() {
        Creation c = new Creation();
        verify(vpcProvisioningService).createVpcOffering(c.name.capture(), c.displayText.capture(),
                c.services.capture(), c.providers.capture(), c.capabilities.capture(), c.internetProtocol.capture(),
                c.serviceOfferingId.capture(), isNull(), eq(NetworkOffering.NetworkMode.NATTED),
                c.domainIds.capture(), c.zoneIds.capture(), c.state.capture(), isNull(), eq(false));
        return c;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final class Creation {
        final ArgumentCaptor<String> name = ArgumentCaptor.forClass(String.class);
        final ArgumentCaptor<String> displayText = ArgumentCaptor.forClass(String.class);
        final ArgumentCaptor<List<String>> services = ArgumentCaptor.forClass((Class) List.class);
        final ArgumentCaptor<Map<String, List<String>>> providers = ArgumentCaptor.forClass((Class) Map.class);
        final ArgumentCaptor<Map> capabilities = ArgumentCaptor.forClass(Map.class);
        final ArgumentCaptor<NetUtils.InternetProtocol> internetProtocol =
                ArgumentCaptor.forClass(NetUtils.InternetProtocol.class);
        final ArgumentCaptor<Long> serviceOfferingId = ArgumentCaptor.forClass(Long.class);
        final ArgumentCaptor<List<Long>> domainIds = ArgumentCaptor.forClass((Class) List.class);
        final ArgumentCaptor<List<Long>> zoneIds = ArgumentCaptor.forClass((Class) List.class);
        final ArgumentCaptor<VpcOffering.State> state = ArgumentCaptor.forClass(VpcOffering.State.class);
    }
}
