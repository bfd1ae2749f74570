package org.apache.cloudstack.vrscaling.agent.delivery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class RouterAddressTest {

    @Test
    public void ipv4AndIpv6LiteralsAreAccepted() {
        for (String ip : new String[] {"169.254.3.7", "10.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "fe80::1",
            "fd00:0:0:0:0:0:3:7", "2001:db8::a:b:c", "::ffff:10.1.2.3"}) {
            assertTrue(ip, RouterAddress.isIpLiteral(ip));
        }
    }

    @Test
    public void namesShellSyntaxAndMalformedAddressesAreRefused() {
        for (String ip : new String[] {null, "", "1.2.3.4; reboot", "$(id)", "r-42-VM", "beef", "1.2.3.4.5",
            "01.2.3.4", "1.2.3.256", "1::2::3", ":::", "fe80::1%eth0", "[::1]", "1.2.3.4 ", "-p22"}) {
            assertFalse(String.valueOf(ip), RouterAddress.isIpLiteral(ip));
        }
    }

    @Test
    public void untrustedValuesAreDescribedPrintableAndBounded() {
        assertEquals("'a?b'", RouterAddress.describe("a\nb"));
        assertEquals("(none)", RouterAddress.describe(null));
        assertEquals(69, RouterAddress.describe("x".repeat(100)).length());
    }
}
