package org.apache.cloudstack.vrscaling.presize;

import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.nullable;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.configuration.ConfigurationManager;
import com.cloud.network.Network;
import com.cloud.network.NetworkModel;
import com.cloud.network.Networks;
import com.cloud.network.dao.NetworkDao;
import com.cloud.offering.NetworkOffering;
import com.cloud.offerings.NetworkOfferingVO;
import com.cloud.offerings.dao.NetworkOfferingDao;
import com.cloud.offerings.dao.NetworkOfferingDetailsDao;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.utils.net.NetUtils;

@RunWith(MockitoJUnitRunner.class)
public class DerivedNetworkOfferingsTest {
    private static final long SOURCE_ID = 10L;
    private static final long COPY_ID = 20L;
    private static final long PROFILE_ID = 5L;
    private static final String COPY_NAME = "VRScale-N10-P5";
    private static final Network.Service SOURCE_NAT = Network.Service.getService("SourceNat");
    private static final Network.Service DHCP = Network.Service.getService("Dhcp");
    private static final Network.Service LB = Network.Service.getService("Lb");
    private static final Network.Provider VIRTUAL_ROUTER = Network.Provider.getProvider("VirtualRouter");

    @Mock
    NetworkOfferingDao networkOfferingDao;
    @Mock
    NetworkOfferingDetailsDao detailsDao;
    @Mock
    NetworkModel networkModel;
    @Mock
    ConfigurationManager configurationManager;
    @Mock
    NetworkDao networkDao;

    private final DerivedNetworkOfferings offerings = new DerivedNetworkOfferings();
    private final ServiceOfferingVO profile = offering(PROFILE_ID, "big", 2, 1000, 2048);
    private NetworkOfferingVO source;
    private NetworkOfferingVO copy;
    private Map<Network.Service, Set<Network.Provider>> sourceProviders;

    @Before
    public void wire() {
        offerings.networkOfferingDao = networkOfferingDao;
        offerings.networkOfferingDetailsDao = detailsDao;
        offerings.networkModel = networkModel;
        offerings.configurationManager = configurationManager;
        offerings.networkDao = networkDao;

        source = networkOffering(SOURCE_ID, "DefaultIsolatedNetworkOfferingWithSourceNatService",
                "DefaultIsolatedNetworkOfferingWithSourceNatService", NetworkOffering.State.Enabled);
        lenient().when(source.getDisplayText()).thenReturn("Offering for Isolated networks with Source Nat");
        lenient().when(source.getAvailability()).thenReturn(NetworkOffering.Availability.Required);
        copy = networkOffering(COPY_ID, COPY_NAME, COPY_NAME, NetworkOffering.State.Disabled);
        lenient().when(copy.getServiceOfferingId()).thenReturn(PROFILE_ID);
        lenient().when(networkOfferingDao.findById(SOURCE_ID)).thenReturn(source);
        lenient().when(networkOfferingDao.findById(COPY_ID)).thenReturn(copy);

        sourceProviders = providers(VIRTUAL_ROUTER);
        lenient().when(networkModel.getNetworkOfferingServiceProvidersMap(SOURCE_ID)).thenReturn(sourceProviders);
        lenient().when(networkModel.getNetworkOfferingServiceProvidersMap(COPY_ID)).thenReturn(
                providers(VIRTUAL_ROUTER));
        details(SOURCE_ID);
        details(COPY_ID);
    }

    @Test
    public void anExistingCopyWithTheSourcesShapeIsReusedWithoutCreatingAnother() {
        when(networkOfferingDao.findByUniqueName(COPY_NAME)).thenReturn(copy);

        assertSame(copy, offerings.findOrCreate(SOURCE_ID, profile));

        verifyNoInteractions(configurationManager);
        verify(networkOfferingDao, never()).remove(nullable(Long.class));
    }

    @Test
    public void anExistingCopyThatDriftedIsRefusedButNotDeleted() {
        when(networkOfferingDao.findByUniqueName(COPY_NAME)).thenReturn(copy);
        when(copy.isRedundantRouter()).thenReturn(true);

        PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> offerings.findOrCreate(SOURCE_ID, profile));

        assertTrue(refused.getMessage(), refused.getMessage().contains("existing copy " + COPY_NAME));
        assertTrue(refused.getMessage(), refused.getMessage().contains("redundantRouter: false vs true"));
        verifyNoInteractions(configurationManager);
        verify(networkOfferingDao, never()).remove(nullable(Long.class));
    }

    @Test
    public void aMissingCopyIsCreatedThroughCloudStacksOfferingCreationAsADisabledCopyAtTheProfile() {
        createReturns(copy);

        assertSame(copy, offerings.findOrCreate(SOURCE_ID, profile));

        Creation creation = verifyCreated();
        assertEquals(COPY_NAME, creation.name.getValue());
        assertEquals("Offering for Isolated networks with Source Nat [VR Scale: routers start at profile big]",
                creation.displayText.getValue());
        assertEquals(Long.valueOf(PROFILE_ID), creation.serviceOfferingId.getValue());
        assertFalse("enableOffering", creation.enableOffering.getValue());
        assertFalse("isDefault", creation.isDefault.getValue());
        assertFalse("systemOnly", creation.systemOnly.getValue());
        assertEquals(NetworkOffering.Availability.Optional, creation.availability.getValue());
        assertEquals(List.of(3L), creation.domainIds.getValue());
        assertEquals(List.of(1L, 2L), creation.zoneIds.getValue());
        assertEquals(NetUtils.InternetProtocol.DualStack, creation.internetProtocol.getValue());
        assertEquals(Map.of(NetworkOffering.Detail.PromiscuousMode, "true",
                NetworkOffering.Detail.MacAddressChanges, "false"), creation.details.getValue());
        assertFalse("forTungsten", creation.forTungsten.getValue());
        assertFalse("forNsx", creation.forNsx.getValue());
        assertFalse("forNetris", creation.forNetris.getValue());
        verify(networkOfferingDao, never()).remove(nullable(Long.class));
    }

    @Test
    public void creationGetsACopyOfTheServiceProviderMapNotTheNetworkModelsOwn() {
        createReturns(copy);

        offerings.findOrCreate(SOURCE_ID, profile);

        Map<Network.Service, Set<Network.Provider>> passed = verifyCreated().providers.getValue();
        assertEquals(sourceProviders, passed);
        assertNotSame(sourceProviders, passed);
        assertNotSame(sourceProviders.get(SOURCE_NAT), passed.get(SOURCE_NAT));
        passed.get(LB).add(Network.Provider.getProvider("Netscaler"));
        passed.put(Network.Service.getService("Gateway"), new HashSet<>(Set.of(VIRTUAL_ROUTER)));
        assertEquals(providers(VIRTUAL_ROUTER), sourceProviders);
    }

    @Test
    public void theSourcesFlagsAreRebuiltAsServiceCapabilities() {
        when(source.isRedundantRouter()).thenReturn(true);
        when(copy.isRedundantRouter()).thenReturn(true);
        createReturns(copy);

        offerings.findOrCreate(SOURCE_ID, profile);

        assertEquals(Map.of(SOURCE_NAT, Map.of(Network.Capability.getCapability("RedundantRouter"), "true"),
                LB, Map.of(Network.Capability.getCapability("SupportedLBIsolation"), "dedicated")),
                verifyCreated().capabilities.getValue());
    }

    @Test
    public void anNsxProviderMakesTheCopyForNsx() {
        Network.Provider nsx = Network.Provider.getProvider("Nsx");
        when(networkModel.getNetworkOfferingServiceProvidersMap(SOURCE_ID)).thenReturn(providers(nsx));
        when(networkModel.getNetworkOfferingServiceProvidersMap(COPY_ID)).thenReturn(providers(nsx));
        createReturns(copy);

        offerings.findOrCreate(SOURCE_ID, profile);

        Creation creation = verifyCreated();
        assertTrue("forNsx", creation.forNsx.getValue());
        assertFalse("forTungsten", creation.forTungsten.getValue());
        assertFalse("forNetris", creation.forNetris.getValue());
    }

    @Test
    public void aNewCopyGetsTheSourcesMulticastRateWhichCreationTakesFromTodaysSetting() {
        // Seen on a real 4.22 server: stock offerings have no multicast rate, a created one gets
        // multicast.throttling.rate (10), and the copy was refused for it.
        when(source.getMulticastRateMbps()).thenReturn(null);
        AtomicReference<Integer> copyRate = new AtomicReference<>(10);
        when(copy.getMulticastRateMbps()).thenAnswer(inv -> copyRate.get());
        doAnswer(inv -> {
            copyRate.set(inv.getArgument(0));
            return null;
        }).when(copy).setMulticastRateMbps(any());
        createReturns(copy);

        assertSame(copy, offerings.findOrCreate(SOURCE_ID, profile));

        assertNull(copyRate.get());
        verify(networkOfferingDao).update(COPY_ID, copy);
        verify(networkOfferingDao, never()).remove(nullable(Long.class));
    }

    @Test
    public void aNewCopyWhoseRedundancyDiffersIsRemovedAndRefused() {
        when(copy.isRedundantRouter()).thenReturn(true);
        createReturns(copy);

        PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> offerings.findOrCreate(SOURCE_ID, profile));

        assertTrue(refused.getMessage(), refused.getMessage().contains("new copy " + COPY_NAME));
        assertTrue(refused.getMessage(), refused.getMessage().contains("redundantRouter: false vs true"));
        verify(networkOfferingDao).remove(COPY_ID);
    }

    @Test
    public void aNewCopyWithAnotherProviderIsRemovedAndRefused() {
        Map<Network.Service, Set<Network.Provider>> copyProviders = providers(VIRTUAL_ROUTER);
        copyProviders.put(LB, new HashSet<>(Set.of(Network.Provider.getProvider("Netscaler"))));
        when(networkModel.getNetworkOfferingServiceProvidersMap(COPY_ID)).thenReturn(copyProviders);
        createReturns(copy);

        PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> offerings.findOrCreate(SOURCE_ID, profile));

        assertTrue(refused.getMessage(), refused.getMessage().contains("service Lb: [VirtualRouter] vs [Netscaler]"));
        verify(networkOfferingDao).remove(COPY_ID);
    }

    @Test
    public void aNewCopyInAnotherZoneIsRemovedAndRefused() {
        when(detailsDao.findZoneIds(COPY_ID)).thenReturn(List.of(1L));
        createReturns(copy);

        PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> offerings.findOrCreate(SOURCE_ID, profile));

        assertTrue(refused.getMessage(), refused.getMessage().contains("zones: [1, 2] vs [1]"));
        verify(networkOfferingDao).remove(COPY_ID);
    }

    @Test
    public void aNewCopyThatCameOutEnabledIsRemovedAndRefused() {
        when(copy.getState()).thenReturn(NetworkOffering.State.Enabled);
        createReturns(copy);

        PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> offerings.findOrCreate(SOURCE_ID, profile));

        assertTrue(refused.getMessage(), refused.getMessage().contains("the copy is Enabled"));
        verify(networkOfferingDao).remove(COPY_ID);
    }

    @Test
    public void aCreationThatReturnsNothingIsRefused() {
        createReturns(null);

        PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> offerings.findOrCreate(SOURCE_ID, profile));

        assertTrue(refused.getMessage(), refused.getMessage().contains("did not create"));
        verify(networkOfferingDao, never()).remove(nullable(Long.class));
    }

    @Test
    public void anOfferingThatIsItselfACopyIsNotCopiedAgain() {
        NetworkOfferingVO derived = networkOffering(21L, "VRScale-N10-P7", "VRScale-N10-P7",
                NetworkOffering.State.Disabled);
        when(networkOfferingDao.findById(21L)).thenReturn(derived);

        PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> offerings.findOrCreate(21L, profile));

        assertTrue(refused.getMessage(), refused.getMessage().contains("itself a VR Scale copy"));
        verifyNoInteractions(configurationManager);
        verify(networkOfferingDao, never()).findByUniqueName(anyString());
    }

    @Test
    public void aSourceThatIsGoneIsRefused() {
        when(networkOfferingDao.findById(SOURCE_ID)).thenReturn(null);

        PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> offerings.findOrCreate(SOURCE_ID, profile));

        assertTrue(refused.getMessage(), refused.getMessage().contains("network offering 10 no longer exists"));
        verifyNoInteractions(configurationManager);
    }

    @Test
    public void aSourceWithAnUnknownInternetProtocolIsRefused() {
        when(detailsDao.getDetail(SOURCE_ID, NetworkOffering.Detail.internetProtocol)).thenReturn("IPv5");

        PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> offerings.findOrCreate(SOURCE_ID, profile));

        assertTrue(refused.getMessage(), refused.getMessage().contains("unknown internet protocol IPv5"));
        verifyNoInteractions(configurationManager);
    }

    @Test
    public void anUnusedDerivedOfferingIsRemoved() {
        when(networkDao.getNetworkCountByNetworkOffId(COPY_ID)).thenReturn(0);

        offerings.removeIfUnused(COPY_ID);

        verify(networkOfferingDao).remove(COPY_ID);
    }

    @Test
    public void aDerivedOfferingStillInUseIsKept() {
        when(networkDao.getNetworkCountByNetworkOffId(COPY_ID)).thenReturn(2);

        offerings.removeIfUnused(COPY_ID);

        verify(networkOfferingDao, never()).remove(nullable(Long.class));
    }

    @Test
    public void anOfferingVrScaleDidNotDeriveIsNeverRemoved() {
        offerings.removeIfUnused(SOURCE_ID);

        verify(networkOfferingDao, never()).remove(nullable(Long.class));
        verify(networkDao, never()).getNetworkCountByNetworkOffId(anyLong());
    }

    @Test
    public void removingAnOfferingThatIsGoneDoesNothing() {
        offerings.removeIfUnused(404L);

        verify(networkOfferingDao, never()).remove(nullable(Long.class));
        verify(networkDao, never()).getNetworkCountByNetworkOffId(anyLong());
    }

    /** A guest isolated offering; source and copy get the same attributes unless a test changes one. */
    private static NetworkOfferingVO networkOffering(long id, String name, String uniqueName,
                                                     NetworkOffering.State state) {
        NetworkOfferingVO offering = mock(NetworkOfferingVO.class);
        lenient().when(offering.getId()).thenReturn(id);
        lenient().when(offering.getUuid()).thenReturn("network-offering-uuid-" + id);
        lenient().when(offering.getName()).thenReturn(name);
        lenient().when(offering.getUniqueName()).thenReturn(uniqueName);
        lenient().when(offering.getState()).thenReturn(state);
        lenient().when(offering.getTrafficType()).thenReturn(Networks.TrafficType.Guest);
        lenient().when(offering.getGuestType()).thenReturn(Network.GuestType.Isolated);
        lenient().when(offering.getAvailability()).thenReturn(NetworkOffering.Availability.Optional);
        lenient().when(offering.isConserveMode()).thenReturn(true);
        lenient().when(offering.isEgressDefaultPolicy()).thenReturn(true);
        lenient().when(offering.isDedicatedLB()).thenReturn(true);
        lenient().when(offering.getRateMbps()).thenReturn(200);
        lenient().when(offering.getMulticastRateMbps()).thenReturn(10);
        lenient().when(offering.getConcurrentConnections()).thenReturn(null);
        lenient().when(offering.getNetworkMode()).thenReturn(NetworkOffering.NetworkMode.NATTED);
        lenient().when(offering.isSpecifyAsNumber()).thenReturn(null);
        return offering;
    }

    /** Domains, zones, internet protocol and extra details as the details DAO keeps them for an offering. */
    private void details(long offeringId) {
        Map<NetworkOffering.Detail, String> details = new HashMap<>();
        details.put(NetworkOffering.Detail.domainid, "3");
        details.put(NetworkOffering.Detail.zoneid, "1,2");
        details.put(NetworkOffering.Detail.internetProtocol, "DualStack");
        details.put(NetworkOffering.Detail.PromiscuousMode, "true");
        details.put(NetworkOffering.Detail.MacAddressChanges, "false");
        lenient().when(detailsDao.getNtwkOffDetails(offeringId)).thenReturn(details);
        lenient().when(detailsDao.findDomainIds(offeringId)).thenReturn(List.of(3L));
        lenient().when(detailsDao.findZoneIds(offeringId)).thenReturn(List.of(1L, 2L));
        lenient().when(detailsDao.getDetail(offeringId, NetworkOffering.Detail.internetProtocol))
                .thenReturn("DualStack");
    }

    private static Map<Network.Service, Set<Network.Provider>> providers(Network.Provider provider) {
        Map<Network.Service, Set<Network.Provider>> providers = new HashMap<>();
        providers.put(SOURCE_NAT, new HashSet<>(Set.of(provider)));
        providers.put(DHCP, new HashSet<>(Set.of(provider)));
        providers.put(LB, new HashSet<>(Set.of(provider)));
        return providers;
    }

    @Test
    public void noCapabilityIsPassedForAServiceTheSourceDoesNotHave() {
        // CloudStack's stock offerings (NetworkOfferingVO's short constructor) keep dedicated_lb_service=1 even
        // without an Lb service, e.g. DefaultIsolatedNetworkOffering (Dhcp, Dns, UserData on the VirtualRouter).
        Map<Network.Service, Set<Network.Provider>> noLb = new HashMap<>();
        noLb.put(DHCP, new HashSet<>(Set.of(VIRTUAL_ROUTER)));
        noLb.put(Network.Service.getService("Dns"), new HashSet<>(Set.of(VIRTUAL_ROUTER)));
        noLb.put(Network.Service.getService("UserData"), new HashSet<>(Set.of(VIRTUAL_ROUTER)));
        when(networkModel.getNetworkOfferingServiceProvidersMap(SOURCE_ID)).thenReturn(noLb);
        lenient().when(networkModel.getNetworkOfferingServiceProvidersMap(COPY_ID)).thenReturn(new HashMap<>(noLb));
        createReturns(copy);

        offerings.findOrCreate(SOURCE_ID, profile);

        Creation creation = verifyCreated();
        // CloudStack's createNetworkOffering calls checkCapabilityForProvider(serviceProviderMap.get(Service.Lb), ...)
        // for an Lb isolation capability, and that loops over the providers: null here, so it throws an NPE.
        assertTrue("capabilities " + creation.capabilities.getValue() + " name services the providers "
                + creation.providers.getValue().keySet() + " lack",
                creation.providers.getValue().keySet().containsAll(creation.capabilities.getValue().keySet()));
    }

    @Test
    public void aStockOfferingWithoutLbIsCopiedAlthoughItsUnusedLbFlagComesOutDifferent() {
        Map<Network.Service, Set<Network.Provider>> noLb = new HashMap<>();
        noLb.put(DHCP, new HashSet<>(Set.of(VIRTUAL_ROUTER)));
        when(networkModel.getNetworkOfferingServiceProvidersMap(SOURCE_ID)).thenReturn(noLb);
        when(networkModel.getNetworkOfferingServiceProvidersMap(COPY_ID)).thenReturn(new HashMap<>(noLb));
        when(source.isDedicatedLB()).thenReturn(true);
        when(copy.isDedicatedLB()).thenReturn(false);
        createReturns(copy);

        assertSame(copy, offerings.findOrCreate(SOURCE_ID, profile));
        verify(networkOfferingDao, never()).remove(nullable(Long.class));
    }

    private void createReturns(NetworkOfferingVO result) {
        when(configurationManager.createNetworkOffering(anyString(), anyString(), any(), any(), anyBoolean(), any(),
                any(), anyMap(), anyBoolean(), any(), anyBoolean(), any(), anyBoolean(), anyMap(), anyBoolean(),
                anyBoolean(), anyMap(), anyBoolean(), any(), anyBoolean(), any(), any(), anyBoolean(), anyBoolean(),
                any(), any(), any(), anyBoolean(), any(), any(), anyBoolean())).thenReturn(result);
    }

    /** Verifies the one creation call: what comes from the source verbatim by value, the rest captured. */
    private Creation verifyCreated() {
        Creation c = new Creation();
        verify(configurationManager).createNetworkOffering(c.name.capture(), c.displayText.capture(),
                eq(Networks.TrafficType.Guest), eq(null), eq(false), c.availability.capture(), eq(200),
                c.providers.capture(), c.isDefault.capture(), eq(Network.GuestType.Isolated), c.systemOnly.capture(),
                c.serviceOfferingId.capture(), eq(true), c.capabilities.capture(), eq(false), eq(false),
                c.details.capture(), eq(true), eq(null), eq(false), eq(false), c.forTungsten.capture(),
                c.forNsx.capture(), c.forNetris.capture(), eq(NetworkOffering.NetworkMode.NATTED),
                c.domainIds.capture(), c.zoneIds.capture(), c.enableOffering.capture(),
                c.internetProtocol.capture(), eq(null), eq(false));
        return c;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final class Creation {
        final ArgumentCaptor<String> name = ArgumentCaptor.forClass(String.class);
        final ArgumentCaptor<String> displayText = ArgumentCaptor.forClass(String.class);
        final ArgumentCaptor<NetworkOffering.Availability> availability =
                ArgumentCaptor.forClass(NetworkOffering.Availability.class);
        final ArgumentCaptor<Map<Network.Service, Set<Network.Provider>>> providers =
                ArgumentCaptor.forClass((Class) Map.class);
        final ArgumentCaptor<Boolean> isDefault = ArgumentCaptor.forClass(Boolean.class);
        final ArgumentCaptor<Boolean> systemOnly = ArgumentCaptor.forClass(Boolean.class);
        final ArgumentCaptor<Long> serviceOfferingId = ArgumentCaptor.forClass(Long.class);
        final ArgumentCaptor<Map<Network.Service, Map<Network.Capability, String>>> capabilities =
                ArgumentCaptor.forClass((Class) Map.class);
        final ArgumentCaptor<Map<NetworkOffering.Detail, String>> details = ArgumentCaptor.forClass((Class) Map.class);
        final ArgumentCaptor<Boolean> forTungsten = ArgumentCaptor.forClass(Boolean.class);
        final ArgumentCaptor<Boolean> forNsx = ArgumentCaptor.forClass(Boolean.class);
        final ArgumentCaptor<Boolean> forNetris = ArgumentCaptor.forClass(Boolean.class);
        final ArgumentCaptor<List<Long>> domainIds = ArgumentCaptor.forClass((Class) List.class);
        final ArgumentCaptor<List<Long>> zoneIds = ArgumentCaptor.forClass((Class) List.class);
        final ArgumentCaptor<Boolean> enableOffering = ArgumentCaptor.forClass(Boolean.class);
        final ArgumentCaptor<NetUtils.InternetProtocol> internetProtocol =
                ArgumentCaptor.forClass(NetUtils.InternetProtocol.class);
    }
}
