package org.apache.cloudstack.vrscaling.presize;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.nullable;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.Mock;
import org.mockito.MockedStatic;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.event.EventTypes;
import com.cloud.event.UsageEventUtils;
import com.cloud.network.dao.NetworkDao;
import com.cloud.network.dao.NetworkVO;
import com.cloud.network.vpc.VpcVO;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.vm.Nic;
import com.cloud.vm.NicVO;
import com.cloud.vm.VMInstanceVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.dao.NicDao;
import com.cloud.vm.dao.VMInstanceDao;

@RunWith(MockitoJUnitRunner.class)
public class OfferingSwitcherTest {
    private static final long NETWORK_ID = 100L;
    private static final long VPC_ID = 200L;
    private static final long SOURCE = 10L;
    private static final long DERIVED = 20L;

    @Mock
    NetworkDao networkDao;
    @Mock
    VpcDao vpcDao;
    @Mock
    NicDao nicDao;
    @Mock
    VMInstanceDao vmInstanceDao;

    private OfferingSwitcher switcher;
    private final NetworkVO network = new NetworkVO();
    private final VpcVO vpc = new VpcVO();

    @Before
    public void wire() {
        switcher = PresizeWiring.switcher(networkDao, vpcDao, nicDao, vmInstanceDao);
        network.setName("web");
        network.setNetworkOfferingId(SOURCE);
        vpc.setVpcOfferingId(SOURCE);
        lenient().when(networkDao.findById(NETWORK_ID)).thenReturn(network);
        lenient().when(vpcDao.findById(VPC_ID)).thenReturn(vpc);
    }

    @Test
    public void switchingANetworkUpdatesItsOfferingIdThroughTheDao() {
        try (MockedStatic<UsageEventUtils> ignored = mockStatic(UsageEventUtils.class)) {
            switcher.switchNetwork(NETWORK_ID, SOURCE, DERIVED);
        }

        assertEquals(DERIVED, network.getNetworkOfferingId());
        verify(networkDao).update(eq(NETWORK_ID), argThat(n -> n == network && n.getNetworkOfferingId() == DERIVED));
    }

    @Test
    public void everyNicGetsTheRemoveThenAssignEventsUpdateNetworkRecords() {
        VMInstanceVO web1 = vm(31L, "vm-uuid-31", true);
        VMInstanceVO web2 = vm(32L, "vm-uuid-32", false);
        NicVO defaultNic = nic(501L, 31L, true, Nic.ReservationStrategy.Start);
        NicVO secondNic = nic(502L, 32L, false, Nic.ReservationStrategy.Create);
        when(nicDao.listByNetworkId(NETWORK_ID)).thenReturn(List.of(defaultNic, secondNic));
        when(vmInstanceDao.findById(31L)).thenReturn(web1);
        when(vmInstanceDao.findById(32L)).thenReturn(web2);
        List<List<Object>> published = new ArrayList<>();

        int count;
        try (MockedStatic<UsageEventUtils> usage = mockStatic(UsageEventUtils.class)) {
            usage.when(() -> UsageEventUtils.publishUsageEvent(anyString(), anyLong(), anyLong(), anyLong(), any(),
                    any(), any(), nullable(Long.class), any(), any(), anyBoolean()))
                    .thenAnswer(invocation -> {
                        published.add(Arrays.asList(invocation.getArguments()));
                        return null;
                    });
            count = switcher.switchNetwork(NETWORK_ID, SOURCE, DERIVED);

            usage.verify(() -> UsageEventUtils.publishUsageEvent(eq(EventTypes.EVENT_NETWORK_OFFERING_REMOVE),
                    eq(7L), eq(1L), eq(31L), eq("501"), eq(SOURCE), isNull(), eq(1L),
                    eq(VirtualMachine.class.getName()), eq("vm-uuid-31"), eq(true)));
        }

        assertEquals(2, count);
        String vmClass = VirtualMachine.class.getName();
        assertEquals(List.of(
                Arrays.asList(EventTypes.EVENT_NETWORK_OFFERING_REMOVE, 7L, 1L, 31L, "501", SOURCE, null, 1L, vmClass,
                        "vm-uuid-31", true),
                Arrays.asList(EventTypes.EVENT_NETWORK_OFFERING_ASSIGN, 7L, 1L, 31L, "501", DERIVED, null, 1L, vmClass,
                        "vm-uuid-31", true),
                Arrays.asList(EventTypes.EVENT_NETWORK_OFFERING_REMOVE, 7L, 1L, 32L, "502", SOURCE, null, 0L, vmClass,
                        "vm-uuid-32", false),
                Arrays.asList(EventTypes.EVENT_NETWORK_OFFERING_ASSIGN, 7L, 1L, 32L, "502", DERIVED, null, 0L, vmClass,
                        "vm-uuid-32", false)), published);
    }

    @Test
    public void placeHolderNicsAndNicsWhoseVmIsGoneGetNoEvents() {
        VMInstanceVO web = vm(31L, "vm-uuid-31", true);
        NicVO placeHolder = nic(500L, 30L, false, Nic.ReservationStrategy.PlaceHolder);
        NicVO orphan = nic(503L, 33L, true, Nic.ReservationStrategy.Start);
        NicVO live = nic(501L, 31L, true, Nic.ReservationStrategy.Start);
        when(nicDao.listByNetworkId(NETWORK_ID)).thenReturn(List.of(placeHolder, orphan, live));
        when(vmInstanceDao.findById(33L)).thenReturn(null);
        when(vmInstanceDao.findById(31L)).thenReturn(web);

        int count;
        try (MockedStatic<UsageEventUtils> usage = mockStatic(UsageEventUtils.class)) {
            count = switcher.switchNetwork(NETWORK_ID, SOURCE, DERIVED);

            usage.verify(() -> UsageEventUtils.publishUsageEvent(eq(EventTypes.EVENT_NETWORK_OFFERING_REMOVE),
                    anyLong(), anyLong(), anyLong(), eq("501"), eq(SOURCE), any(), nullable(Long.class), any(), any(),
                    anyBoolean()));
            usage.verify(() -> UsageEventUtils.publishUsageEvent(eq(EventTypes.EVENT_NETWORK_OFFERING_ASSIGN),
                    anyLong(), anyLong(), anyLong(), eq("501"), eq(DERIVED), any(), nullable(Long.class), any(), any(),
                    anyBoolean()));
            usage.verify(() -> UsageEventUtils.publishUsageEvent(anyString(), anyLong(), anyLong(), anyLong(),
                    eq("500"), any(), any(), nullable(Long.class), any(), any(), anyBoolean()), never());
            usage.verify(() -> UsageEventUtils.publishUsageEvent(anyString(), anyLong(), anyLong(), anyLong(),
                    eq("503"), any(), any(), nullable(Long.class), any(), any(), anyBoolean()), never());
        }

        assertEquals(1, count);
        verify(vmInstanceDao, never()).findById(30L);
    }

    @Test
    public void aNetworkWithoutNicsIsSwitchedWithoutEvents() {
        int count;
        try (MockedStatic<UsageEventUtils> usage = mockStatic(UsageEventUtils.class)) {
            count = switcher.switchNetwork(NETWORK_ID, SOURCE, DERIVED);

            usage.verifyNoInteractions();
        }

        assertEquals(0, count);
        assertEquals(DERIVED, network.getNetworkOfferingId());
    }

    @Test
    public void aNetworkNoLongerOnTheExpectedOfferingIsRefusedAndLeftAlone() {
        network.setNetworkOfferingId(30L);

        try (MockedStatic<UsageEventUtils> usage = mockStatic(UsageEventUtils.class)) {
            PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> switcher.switchNetwork(NETWORK_ID, SOURCE, DERIVED));

            assertTrue(refused.getMessage(), refused.getMessage().contains("web moved to offering 30"));
            usage.verifyNoInteractions();
        }

        assertEquals(30L, network.getNetworkOfferingId());
        verify(networkDao, never()).update(nullable(Long.class), any());
        verifyNoInteractions(nicDao, vmInstanceDao);
    }

    @Test
    public void aNetworkThatIsGoneIsRefused() {
        when(networkDao.findById(NETWORK_ID)).thenReturn(null);

        try (MockedStatic<UsageEventUtils> usage = mockStatic(UsageEventUtils.class)) {
            PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> switcher.switchNetwork(NETWORK_ID, SOURCE, DERIVED));

            assertTrue(refused.getMessage(), refused.getMessage().contains("network 100 no longer exists"));
            usage.verifyNoInteractions();
        }

        verify(networkDao, never()).update(nullable(Long.class), any());
    }

    @Test
    public void switchingAVpcUpdatesItsVpcOfferingIdAndPublishesNoUsageEvent() {
        try (MockedStatic<UsageEventUtils> usage = mockStatic(UsageEventUtils.class)) {
            switcher.switchVpc(VPC_ID, SOURCE, DERIVED);

            usage.verifyNoInteractions();
        }

        assertEquals(DERIVED, vpc.getVpcOfferingId());
        verify(vpcDao).update(eq(VPC_ID), argThat(v -> v == vpc && v.getVpcOfferingId() == DERIVED));
        verifyNoInteractions(nicDao, vmInstanceDao, networkDao);
    }

    @Test
    public void aVpcMovedToAnotherOfferingMeanwhileIsRefusedAndLeftAlone() {
        vpc.setVpcOfferingId(31L);

        PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> switcher.switchVpc(VPC_ID, SOURCE, DERIVED));

        assertTrue(refused.getMessage(), refused.getMessage().contains("moved to offering 31 meanwhile"));
        assertEquals(31L, vpc.getVpcOfferingId());
        verify(vpcDao, never()).update(nullable(Long.class), any());
    }

    @Test
    public void aVpcThatIsGoneIsRefused() {
        when(vpcDao.findById(VPC_ID)).thenReturn(null);

        PresizeRefusedException refused = assertThrows(PresizeRefusedException.class, () -> switcher.switchVpc(VPC_ID, SOURCE, DERIVED));

        assertTrue(refused.getMessage(), refused.getMessage().contains("VPC 200 no longer exists"));
        verify(vpcDao, never()).update(nullable(Long.class), any());
    }

    private static VMInstanceVO vm(long id, String uuid, boolean display) {
        VMInstanceVO vm = mock(VMInstanceVO.class);
        lenient().when(vm.getId()).thenReturn(id);
        lenient().when(vm.getUuid()).thenReturn(uuid);
        lenient().when(vm.getAccountId()).thenReturn(7L);
        lenient().when(vm.getDataCenterId()).thenReturn(1L);
        lenient().when(vm.isDisplay()).thenReturn(display);
        return vm;
    }

    private static NicVO nic(long id, long vmId, boolean isDefault, Nic.ReservationStrategy strategy) {
        NicVO nic = mock(NicVO.class);
        lenient().when(nic.getId()).thenReturn(id);
        lenient().when(nic.getInstanceId()).thenReturn(vmId);
        lenient().when(nic.isDefaultNic()).thenReturn(isDefault);
        lenient().when(nic.getReservationStrategy()).thenReturn(strategy);
        return nic;
    }
}
