package org.apache.cloudstack.vrscaling.presize;

import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;

import org.apache.cloudstack.vrscaling.VrScalingEventTypes;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.lifecycle.LifecycleEvents;
import org.apache.cloudstack.vrscaling.lifecycle.ProfileBindings;
import org.apache.cloudstack.vrscaling.lifecycle.ScopeLock;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.network.dao.NetworkDao;
import com.cloud.network.dao.NetworkVO;
import com.cloud.network.vpc.VpcOfferingVO;
import com.cloud.network.vpc.VpcVO;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.offerings.NetworkOfferingVO;
import com.cloud.service.ServiceOfferingVO;

@RunWith(MockitoJUnitRunner.class)
public class PresizeServiceTest {
    private static final long ZONE_ID = 1L;
    private static final long NETWORK_ID = 100L;
    private static final long VPC_ID = 200L;
    private static final long PROFILE_ID = 5L;
    /** The network's own offering (CloudStack's default router offering), its VR Scale copy at the profile. */
    private static final long SOURCE = 10L;
    private static final long DERIVED = 20L;

    @Mock
    BindingStore bindingStore;
    @Mock
    ProfileBindings bindings;
    @Mock
    DerivedNetworkOfferings networkOfferings;
    @Mock
    DerivedVpcOfferings vpcOfferings;
    @Mock
    OfferingSwitcher switcher;
    @Mock
    NetworkDao networkDao;
    @Mock
    VpcDao vpcDao;
    @Mock
    VrScalingSettings settings;
    @Mock
    LifecycleEvents events;
    @Mock
    ScopeLock scopeLock;

    private PresizeService service;
    private final BindingScope network = new BindingScope(BindingScope.Type.NETWORK, NETWORK_ID, "net-uuid", "web",
            ZONE_ID);
    private final BindingScope vpc = new BindingScope(BindingScope.Type.VPC, VPC_ID, "vpc-uuid", "shop", ZONE_ID);
    private final ServiceOfferingVO profile = offering(PROFILE_ID, "big", 2, 1000, 2048);
    private NetworkVO networkRow;
    private NetworkOfferingVO derived;

    @Before
    public void wire() {
        service = PresizeWiring.presizeService(bindingStore, bindings, networkOfferings, vpcOfferings, switcher,
                networkDao, vpcDao, settings, events);
        service.scopeLock = scopeLock;

        networkRow = mock(NetworkVO.class);
        lenient().when(networkRow.getNetworkOfferingId()).thenReturn(SOURCE);
        lenient().when(networkRow.getVpcId()).thenReturn(null);
        lenient().when(networkDao.findById(NETWORK_ID)).thenReturn(networkRow);
        NetworkOfferingVO source = networkOffering(SOURCE, "DefaultIsolatedNetworkOfferingWithSourceNatService",
                null);
        derived = networkOffering(DERIVED, "VRScale-N10-P5", PROFILE_ID);
        lenient().when(networkOfferings.find(SOURCE)).thenReturn(source);
        lenient().when(networkOfferings.find(DERIVED)).thenReturn(derived);
        lenient().when(networkOfferings.findOrCreate(SOURCE, profile)).thenReturn(derived);
        lenient().when(switcher.switchNetwork(anyLong(), anyLong(), anyLong())).thenReturn(3);
        lenient().when(settings.presizeEnabled(ZONE_ID)).thenReturn(true);
        ProfileBindings.Bound bound = new ProfileBindings.Bound(profile, null);
        lenient().when(bindings.bound(any())).thenReturn(bound);
    }

    @Test
    public void aBoundNetworkIsSwitchedToTheDerivedOfferingAndTheSwitchIsRecorded() {
        String message = service.sync(network);

        verify(switcher).switchNetwork(NETWORK_ID, SOURCE, DERIVED);
        BindingStore.PresizeRecord record = recorded(network);
        assertEquals(SOURCE, record.getSourceOfferingId());
        assertEquals(DERIVED, record.getDerivedOfferingId());
        assertEquals(Long.valueOf(PROFILE_ID), record.getProfileId());
        verify(events).info(VrScalingEventTypes.PRESIZE, message, network);
        assertTrue(message, message.contains("now uses network offering VRScale-N10-P5"));
        assertTrue(message, message.contains("3 NIC(s) got network offering usage events"));
        verify(bindingStore, never()).clearPresize(any());
        verify(networkOfferings, never()).removeIfUnused(anyLong());
    }

    @Test
    public void aNetworkAlreadyOnTheDerivedOfferingOfItsProfileIsLeftAlone() {
        onDerived(new BindingStore.PresizeRecord(SOURCE, DERIVED, PROFILE_ID));

        assertNull(service.sync(network));

        verifyNoInteractions(switcher, events);
        verify(networkOfferings, never()).findOrCreate(anyLong(), any());
        verify(bindingStore, never()).recordPresize(any(), any());
        verify(bindingStore, never()).clearPresize(any());
    }

    @Test
    public void anOfferingWhoseRoutersAlreadyStartAtTheProfileIsLeftAlone() {
        NetworkOfferingVO ownAtProfile = networkOffering(30L, "operator's own offering", PROFILE_ID);
        when(networkRow.getNetworkOfferingId()).thenReturn(30L);
        when(networkOfferings.find(30L)).thenReturn(ownAtProfile);

        assertNull(service.sync(network));

        verifyNoInteractions(switcher, events);
        verify(networkOfferings, never()).findOrCreate(anyLong(), any());
        verify(bindingStore, never()).recordPresize(any(), any());
    }

    @Test
    public void anUnboundNetworkGoesBackToItsOwnOfferingAndTheCopyIsCleanedUp() {
        onDerived(new BindingStore.PresizeRecord(SOURCE, DERIVED, PROFILE_ID));
        when(bindings.bound(network)).thenReturn(null);

        String message = service.sync(network);

        verify(switcher).switchNetwork(NETWORK_ID, DERIVED, SOURCE);
        verify(bindingStore).clearPresize(network);
        verify(networkOfferings).removeIfUnused(DERIVED);
        verify(bindingStore, never()).recordPresize(any(), any());
        verify(events).info(VrScalingEventTypes.PRESIZE, message, network);
        assertTrue(message, message.contains("back on its own network offering "
                + "DefaultIsolatedNetworkOfferingWithSourceNatService"));
    }

    @Test
    public void switchingPresizingOffForTheZoneRestoresTheOwnOfferingToo() {
        onDerived(new BindingStore.PresizeRecord(SOURCE, DERIVED, PROFILE_ID));
        when(settings.presizeEnabled(ZONE_ID)).thenReturn(false);

        String message = service.sync(network);

        verify(switcher).switchNetwork(NETWORK_ID, DERIVED, SOURCE);
        verify(bindingStore).clearPresize(network);
        verify(networkOfferings).removeIfUnused(DERIVED);
        verify(networkOfferings, never()).findOrCreate(anyLong(), any());
        assertTrue(message, message.contains("back on its own network offering "
                + "DefaultIsolatedNetworkOfferingWithSourceNatService"));
    }

    @Test
    public void anOfferingTheOperatorChangedIsNeverRestoredOnlyItsRecordDropped() {
        NetworkOfferingVO operatorsChoice = networkOffering(30L, "operator's choice", null);
        when(networkRow.getNetworkOfferingId()).thenReturn(30L);
        when(networkOfferings.find(30L)).thenReturn(operatorsChoice);
        when(bindingStore.presizeRecord(network)).thenReturn(new BindingStore.PresizeRecord(SOURCE, DERIVED,
                PROFILE_ID));
        when(bindings.bound(network)).thenReturn(null);

        assertNull(service.sync(network));

        verify(bindingStore).clearPresize(network);
        verify(networkOfferings).removeIfUnused(DERIVED);
        verifyNoInteractions(switcher);
        verify(bindingStore, never()).recordPresize(any(), any());
    }

    @Test
    public void anOfferingTheOperatorChangedWhileBoundIsDerivedFromTheOperatorsChoice() {
        NetworkOfferingVO operatorsChoice = networkOffering(30L, "operator's choice", null);
        NetworkOfferingVO derivedFromChoice = networkOffering(31L, "VRScale-N30-P5", PROFILE_ID);
        when(networkRow.getNetworkOfferingId()).thenReturn(30L);
        when(networkOfferings.find(30L)).thenReturn(operatorsChoice);
        when(networkOfferings.findOrCreate(30L, profile)).thenReturn(derivedFromChoice);
        when(bindingStore.presizeRecord(network)).thenReturn(new BindingStore.PresizeRecord(SOURCE, DERIVED,
                PROFILE_ID));

        service.sync(network);

        verify(bindingStore).clearPresize(network);
        verify(networkOfferings, times(1)).removeIfUnused(DERIVED);
        verify(switcher).switchNetwork(NETWORK_ID, 30L, 31L);
        BindingStore.PresizeRecord record = recorded(network);
        assertEquals(30L, record.getSourceOfferingId());
        assertEquals(31L, record.getDerivedOfferingId());
    }

    @Test
    public void aRebindDerivesAgainFromTheRecordedSourceAndDropsTheOldCopy() {
        ServiceOfferingVO bigger = offering(8L, "bigger", 4, 2000, 4096);
        NetworkOfferingVO derivedAt7 = networkOffering(DERIVED, "VRScale-N10-P7", 7L);
        NetworkOfferingVO derivedAt8 = networkOffering(21L, "VRScale-N10-P8", 8L);
        when(networkOfferings.find(DERIVED)).thenReturn(derivedAt7);
        when(networkOfferings.findOrCreate(SOURCE, bigger)).thenReturn(derivedAt8);
        onDerived(new BindingStore.PresizeRecord(SOURCE, DERIVED, 7L));
        when(bindings.bound(network)).thenReturn(new ProfileBindings.Bound(bigger, null));

        String message = service.sync(network);

        verify(networkOfferings).findOrCreate(SOURCE, bigger);
        verify(switcher).switchNetwork(NETWORK_ID, DERIVED, 21L);
        BindingStore.PresizeRecord record = recorded(network);
        assertEquals(SOURCE, record.getSourceOfferingId());
        assertEquals(21L, record.getDerivedOfferingId());
        assertEquals(Long.valueOf(8L), record.getProfileId());
        verify(networkOfferings).removeIfUnused(DERIVED);
        verify(bindingStore, never()).clearPresize(any());
        assertTrue(message, message.contains("profile bigger"));
    }

    @Test
    public void aRefusedCopyLeavesTheNetworkAloneAndSaysWhy() {
        String reason = "the new copy VRScale-N10-P5 of the network offering differs from it "
                + "(redundantRouter: false vs true)";
        when(networkOfferings.findOrCreate(SOURCE, profile)).thenThrow(new PresizeRefusedException(reason));

        String message = service.sync(network);

        assertTrue(message, message.contains("refused"));
        assertTrue(message, message.contains(reason));
        verifyNoInteractions(switcher);
        verify(bindingStore, never()).recordPresize(any(), any());
        verify(bindingStore).note(eq(network), contains(reason));
        verify(events).warn(eq(VrScalingEventTypes.PRESIZE), contains(reason), eq(network));
        verify(events, never()).info(anyString(), anyString(), any());
    }

    @Test
    public void aRestoreRefusedBecauseTheNetworkMovedKeepsTheRecord() {
        onDerived(new BindingStore.PresizeRecord(SOURCE, DERIVED, PROFILE_ID));
        when(bindings.bound(network)).thenReturn(null);
        when(switcher.switchNetwork(NETWORK_ID, DERIVED, SOURCE))
                .thenThrow(new PresizeRefusedException("network web moved to offering 30 meanwhile; left as it is"));

        String message = service.sync(network);

        assertTrue(message, message.contains("refused"));
        verify(bindingStore, never()).clearPresize(any());
        verify(networkOfferings, never()).removeIfUnused(anyLong());
        verify(bindingStore).note(eq(network), contains("moved to offering 30"));
        verify(events).warn(eq(VrScalingEventTypes.PRESIZE), contains("moved to offering 30"), eq(network));
    }

    @Test
    public void anUnexpectedFailureOfTheSwitchDoesNotEscape() {
        when(switcher.switchNetwork(NETWORK_ID, SOURCE, DERIVED)).thenThrow(new IllegalStateException("deadlock"));

        String message = service.sync(network);

        assertTrue(message, message.contains("failed: deadlock"));
        verify(bindingStore, never()).recordPresize(any(), any());
        verify(events).warn(eq(VrScalingEventTypes.PRESIZE), contains("deadlock"), eq(network));
        verify(events, never()).info(anyString(), anyString(), any());
        verify(bindingStore).note(eq(network), contains("deadlock"));
    }

    @Test
    public void aCopyMadeForASwitchThatFailsIsNotLeftBehind() {
        when(switcher.switchNetwork(NETWORK_ID, SOURCE, DERIVED))
                .thenThrow(new PresizeRefusedException("network web moved to offering 30 meanwhile"));

        String message = service.sync(network);

        assertTrue(message, message.contains("refused"));
        verify(networkOfferings).removeIfUnused(DERIVED);
        verify(bindingStore, never()).recordPresize(any(), any());
    }

    @Test
    public void aVpcTierIsLeftToItsVpc() {
        when(networkRow.getVpcId()).thenReturn(VPC_ID);

        assertNull(service.sync(network));

        verifyNoInteractions(switcher, networkOfferings, vpcOfferings, events);
        verify(bindingStore, never()).recordPresize(any(), any());
    }

    @Test
    public void aNetworkThatIsGoneNeedsNothing() {
        when(networkDao.findById(NETWORK_ID)).thenReturn(null);

        assertNull(service.sync(network));

        verifyNoInteractions(switcher, networkOfferings, events);
    }

    @Test
    public void noScopeNeedsNothing() {
        assertNull(service.sync(null));

        verifyNoInteractions(switcher, networkDao, vpcDao, bindingStore, events);
    }

    @Test
    public void aBoundVpcIsSwitchedToTheDerivedVpcOfferingWithoutNicEvents() {
        VpcVO vpcRow = mock(VpcVO.class);
        when(vpcRow.getVpcOfferingId()).thenReturn(40L);
        when(vpcDao.findById(VPC_ID)).thenReturn(vpcRow);
        VpcOfferingVO ownVpcOffering = mock(VpcOfferingVO.class);
        when(ownVpcOffering.getServiceOfferingId()).thenReturn(null);
        when(vpcOfferings.find(40L)).thenReturn(ownVpcOffering);
        VpcOfferingVO derivedVpcOffering = mock(VpcOfferingVO.class);
        when(derivedVpcOffering.getId()).thenReturn(41L);
        when(derivedVpcOffering.getName()).thenReturn("VRScale-V40-P5");
        when(vpcOfferings.findOrCreate(40L, profile)).thenReturn(derivedVpcOffering);

        String message = service.sync(vpc);

        verify(switcher).switchVpc(VPC_ID, 40L, 41L);
        verify(switcher, never()).switchNetwork(anyLong(), anyLong(), anyLong());
        verifyNoInteractions(networkOfferings);
        BindingStore.PresizeRecord record = recorded(vpc);
        assertEquals(40L, record.getSourceOfferingId());
        assertEquals(41L, record.getDerivedOfferingId());
        assertTrue(message, message.contains("now uses VPC offering VRScale-V40-P5"));
        assertFalse(message, message.contains("NIC"));
    }

    @Test
    public void anUnboundVpcGoesBackToItsOwnVpcOffering() {
        VpcVO vpcRow = mock(VpcVO.class);
        when(vpcRow.getVpcOfferingId()).thenReturn(41L);
        when(vpcDao.findById(VPC_ID)).thenReturn(vpcRow);
        VpcOfferingVO derivedVpcOffering = mock(VpcOfferingVO.class);
        when(derivedVpcOffering.getServiceOfferingId()).thenReturn(PROFILE_ID);
        when(vpcOfferings.find(41L)).thenReturn(derivedVpcOffering);
        when(bindingStore.presizeRecord(vpc)).thenReturn(new BindingStore.PresizeRecord(40L, 41L, PROFILE_ID));
        when(bindings.bound(vpc)).thenReturn(null);

        service.sync(vpc);

        verify(switcher).switchVpc(VPC_ID, 41L, 40L);
        verify(bindingStore).clearPresize(vpc);
        verify(vpcOfferings).removeIfUnused(41L);
        verify(networkOfferings, never()).removeIfUnused(anyLong());
    }

    @Test
    public void everyRecordedNetworkAndVpcIsSyncedAgain() {
        BindingScope tierNowInVpc = new BindingScope(BindingScope.Type.VPC, 201L, "vpc2-uuid", "shop2", ZONE_ID);
        when(bindingStore.presizedIds(BindingScope.Type.NETWORK)).thenReturn(List.of(NETWORK_ID, 101L, 102L));
        when(bindingStore.presizedIds(BindingScope.Type.VPC)).thenReturn(List.of(VPC_ID));
        when(bindings.networkScope(NETWORK_ID)).thenReturn(network);
        // 101 is gone; 102 became a VPC tier, whose scope is its VPC: not the network the record is on.
        when(bindings.networkScope(102L)).thenReturn(tierNowInVpc);
        when(bindings.vpcScope(VPC_ID)).thenReturn(vpc);

        ScopeLock.Held held = mock(ScopeLock.Held.class);
        when(scopeLock.tryLock(any())).thenReturn(held);

        assertEquals(2, service.syncAllRecorded("management server start"));

        verify(networkDao).findById(NETWORK_ID);
        verify(vpcDao).findById(VPC_ID);
        verify(vpcDao, never()).findById(201L);
        verify(bindingStore).presizeRecord(network);
        verify(held, times(2)).close();
    }

    @Test
    public void aRecordedScopeWhoseLockAPlanHoldsIsLeftToThatPlan() {
        when(bindingStore.presizedIds(BindingScope.Type.NETWORK)).thenReturn(List.of(NETWORK_ID));
        when(bindingStore.presizedIds(BindingScope.Type.VPC)).thenReturn(List.of());
        when(bindings.networkScope(NETWORK_ID)).thenReturn(network);
        when(scopeLock.tryLock(network)).thenReturn(null);

        assertEquals(0, service.syncAllRecorded("profile deleted"));

        verify(networkDao, never()).findById(anyLong());
        verify(switcher, never()).switchNetwork(anyLong(), anyLong(), anyLong());
    }

    /** The network is on the derived offering VR Scale switched it to, with that switch recorded. */
    private void onDerived(BindingStore.PresizeRecord record) {
        when(networkRow.getNetworkOfferingId()).thenReturn(record.getDerivedOfferingId());
        when(bindingStore.presizeRecord(network)).thenReturn(record);
    }

    private BindingStore.PresizeRecord recorded(BindingScope scope) {
        ArgumentCaptor<BindingStore.PresizeRecord> record = ArgumentCaptor.forClass(BindingStore.PresizeRecord.class);
        verify(bindingStore).recordPresize(eq(scope), record.capture());
        return record.getValue();
    }

    private static NetworkOfferingVO networkOffering(long id, String name, Long routerOfferingId) {
        NetworkOfferingVO offering = mock(NetworkOfferingVO.class);
        lenient().when(offering.getId()).thenReturn(id);
        lenient().when(offering.getName()).thenReturn(name);
        lenient().when(offering.getServiceOfferingId()).thenReturn(routerOfferingId);
        return offering;
    }
}
