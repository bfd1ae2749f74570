package org.apache.cloudstack.vrscaling;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;

import org.apache.cloudstack.api.command.admin.vrscaling.CreateVirtualRouterProfileCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.DeleteVirtualRouterProfileCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.UpdateVirtualRouterProfileCmd;
import org.apache.cloudstack.framework.config.ConfigKey;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.junit.Test;

import com.cloud.event.ActionEvent;

public class VrScalingSettingsTest {
    private final VrScalingSettings settings = new VrScalingSettings();

    @Test
    public void unsetKeysGiveTheCoreDefaults() {
        SizingModel model = settings.sizingModel(null);
        assertEquals(SizingAssumptions.DEFAULT_CONNTRACK_MEMORY_FRACTION,
                model.getAssumptions().getConntrackMemoryFraction(), 0.0);
        assertEquals(SizingAssumptions.DEFAULT_BYTES_PER_CONNTRACK_ENTRY,
                model.getAssumptions().getBytesPerConntrackEntry());
        assertEquals(SizingAssumptions.DEFAULT_MAX_NIC_QUEUES, model.getAssumptions().getMaxNicQueues());
        assertEquals(300, settings.roleWaitSeconds());
        assertFalse(settings.defaultDryRun());
    }

    @Test
    public void conntrackSizingIsZoneScopedAndTheRestGlobal() {
        assertTrue(VrScalingSettings.CONNTRACK_MEMORY_FRACTION.getScopes().contains(ConfigKey.Scope.Zone));
        assertTrue(VrScalingSettings.CONNTRACK_BYTES_PER_ENTRY.getScopes().contains(ConfigKey.Scope.Zone));
        assertTrue(VrScalingSettings.RVR_ROLE_WAIT_SECONDS.getScopes().contains(ConfigKey.Scope.Global));
        assertTrue(VrScalingSettings.DEFAULT_DRY_RUN.getScopes().contains(ConfigKey.Scope.Global));
    }

    @Test
    public void profileOperationsRecordTheirEvents() throws Exception {
        assertEvent("createProfile", CreateVirtualRouterProfileCmd.class, VrScalingEventTypes.PROFILE_CREATE);
        assertEvent("updateProfile", UpdateVirtualRouterProfileCmd.class, VrScalingEventTypes.PROFILE_UPDATE);
        assertEvent("deleteProfile", DeleteVirtualRouterProfileCmd.class, VrScalingEventTypes.PROFILE_DELETE);
    }

    private static void assertEvent(String method, Class<?> cmd, String type) throws Exception {
        Method m = VrScalingManagerImpl.class.getMethod(method, cmd);
        ActionEvent event = m.getAnnotation(ActionEvent.class);
        assertNotNull(method + " records no event", event);
        assertEquals(type, event.eventType());
        assertTrue(event.eventDescription().contains("virtual router profile"));
    }
}
