package org.apache.cloudstack.vrscaling.discovery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The re-stated cmk rules against cases cmk itself handles (config/cache.go, cli/completer.go). */
public class CloudMonkeyRulesTest {
    @Test
    public void verbIsTheLeadingLowercaseRunAndNounTheRestLowercased() {
        assertEquals("list", CloudMonkeyRules.verb("listVPCs"));
        assertEquals("vpcs", CloudMonkeyRules.noun("listVPCs"));
        assertEquals("scale", CloudMonkeyRules.verb("scaleSystemVm"));
        assertEquals("systemvm", CloudMonkeyRules.noun("scaleSystemVm"));
        assertEquals("get", CloudMonkeyRules.verb("getUploadParamsForVolume"));
        assertEquals("uploadparamsforvolume", CloudMonkeyRules.noun("getUploadParamsForVolume"));
    }

    @Test
    public void idArgumentsPointAtTheListApiOfTheirNoun() {
        assertEquals("zones", CloudMonkeyRules.completionNoun("zoneid", "uuid", "deployVirtualMachine"));
        assertEquals("networks", CloudMonkeyRules.completionNoun("networkids", "list", "deployVirtualMachine"));
        assertEquals("virtualmachines", CloudMonkeyRules.completionNoun("id", "uuid", "stopVirtualMachine"));
        assertEquals("virtualmachines", CloudMonkeyRules.completionNoun("id", "uuid", "listVirtualMachines"));
        assertEquals("accounts", CloudMonkeyRules.completionNoun("account", "string", "listNetworks"));
        assertEquals("storagepools", CloudMonkeyRules.completionNoun("storageid", "uuid", "migrateVolume"));
        assertEquals("publicipaddresses", CloudMonkeyRules.completionNoun("ipaddressid", "uuid", "enableStaticNat"));
        assertNull(CloudMonkeyRules.completionNoun("details", "map", "deployVirtualMachine"));
    }

    @Test
    public void onlyIdAndAccountArgumentsAreCompletedFromListApis() {
        assertTrue(CloudMonkeyRules.completesFromListApi("vpcid", "uuid"));
        assertTrue(CloudMonkeyRules.completesFromListApi("account", "string"));
        assertFalse(CloudMonkeyRules.completesFromListApi("dryrun", "boolean"));
        assertFalse(CloudMonkeyRules.completesFromListApi("name", "string"));
    }
}
