package org.apache.cloudstack.vrscaling.core.hypervisor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.tuning.KeyResult;
import org.junit.Test;

public class HypervisorSupportTest {

    @Test
    public void eachHypervisorHasItsDeliveryPath() {
        assertEquals(DeliveryPath.KVM_AGENT, HypervisorSupport.of("KVM").getDelivery());
        assertEquals(DeliveryPath.XENSERVER_RESOURCE, HypervisorSupport.of("XenServer").getDelivery());
        assertEquals(DeliveryPath.MANAGEMENT_SERVER_SSH, HypervisorSupport.of("VMware").getDelivery());
        for (String none : new String[] {"Hyperv", "Ovm3", "Simulator", "LXC", "BareMetal", "External", "", null}) {
            assertEquals(String.valueOf(none), DeliveryPath.NONE, HypervisorSupport.of(none).getDelivery());
            assertFalse(HypervisorSupport.of(none).canDeliver());
        }
    }

    @Test
    public void onlyKvmSetsNicQueuesAndTheOthersSayWhy() {
        assertTrue(HypervisorSupport.of("KVM").setsNicQueues());
        assertNull(HypervisorSupport.of("KVM").getNicQueueNote());
        assertFalse(HypervisorSupport.of("VMware").setsNicQueues());
        assertTrue(HypervisorSupport.of("VMware").getNicQueueNote().contains("vmxnet3 spreads receive queues"));
        assertFalse(HypervisorSupport.of("XenServer").setsNicQueues());
        assertTrue(HypervisorSupport.of("XenServer").getNicQueueNote().contains("netfront"));
    }

    @Test
    public void theNoDeliveryAnswerIsExact() {
        assertEquals("tuning not delivered: no delivery path for hypervisor Hyperv",
                HypervisorSupport.of("Hyperv").notDeliveredMessage());
        assertEquals("tuning not delivered: no delivery path for hypervisor Simulator",
                HypervisorSupport.of("Simulator").notDeliveredMessage());
        assertEquals("tuning not delivered: no delivery path for hypervisor (unknown)",
                HypervisorSupport.of(null).notDeliveredMessage());
    }

    @Test
    public void whereTheHypervisorOwnsTheQueuesTheirCountIsNeverDrift() {
        List<KeyResult> keys = Arrays.asList(
                new KeyResult(TuningKey.NETDEV_BUDGET, 600L, 600L, KeyResult.Status.MATCH, null),
                new KeyResult(TuningKey.NIC_QUEUES, 2L, 4L, KeyResult.Status.DRIFT, "router runs 4"));

        List<KeyResult> vmware = HypervisorSupport.of("VMware").adjust(keys);

        assertSame(keys.get(0), vmware.get(0));
        assertEquals(KeyResult.Status.UNSUPPORTED, vmware.get(1).getStatus());
        assertNull(vmware.get(1).getRequested());
        assertEquals(Long.valueOf(4), vmware.get(1).getActual());
        assertFalse(vmware.get(1).getStatus().isFailure());
        assertSame(keys, HypervisorSupport.of("KVM").adjust(keys));
    }
}
