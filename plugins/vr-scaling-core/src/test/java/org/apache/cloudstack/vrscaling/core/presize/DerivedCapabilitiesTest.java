package org.apache.cloudstack.vrscaling.core.presize;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

public class DerivedCapabilitiesTest {
    private static OfferingShape.Builder isolatedWithNat() {
        return OfferingShape.builder().provider("SourceNat", "VirtualRouter").provider("Gateway", "VirtualRouter")
                .provider("Lb", "VirtualRouter").provider("StaticNat", "VirtualRouter");
    }

    @Test
    public void defaultIsolatedOfferingNeedsNoCapabilitiesButDedicatedLb() {
        Map<String, Map<String, String>> caps = DerivedCapabilities.forNetworkOffering(isolatedWithNat()
                .attribute(OfferingAttributes.DEDICATED_LB, true).attribute(OfferingAttributes.PUBLIC_LB, true)
                .build());
        assertEquals(Map.of("Lb", Map.of("SupportedLBIsolation", "dedicated")), caps);
    }

    @Test
    public void redundantPerZoneSourceNatIsCarriedOnSourceNat() {
        Map<String, Map<String, String>> caps = DerivedCapabilities.forNetworkOffering(isolatedWithNat()
                .attribute(OfferingAttributes.REDUNDANT_ROUTER, true)
                .attribute(OfferingAttributes.SHARED_SOURCE_NAT, true).build());
        assertEquals(Map.of("RedundantRouter", "true", "SupportedSourceNatTypes", "perzone"), caps.get("SourceNat"));
    }

    @Test
    public void routedOfferingWithoutSourceNatCarriesRedundancyOnGateway() {
        OfferingShape routed = OfferingShape.builder().provider("Gateway", "VirtualRouter")
                .attribute(OfferingAttributes.REDUNDANT_ROUTER, true).build();
        assertEquals(Map.of("Gateway", Map.of("RedundantRouter", "true")),
                DerivedCapabilities.forNetworkOffering(routed));
    }

    @Test
    public void sharedLbIsolationIsSpelledOutWhenOtherLbCapabilitiesArePassed() {
        Map<String, Map<String, String>> caps = DerivedCapabilities.forNetworkOffering(isolatedWithNat()
                .attribute(OfferingAttributes.INTERNAL_LB, true).attribute(OfferingAttributes.DEDICATED_LB, false)
                .build());
        assertEquals(Map.of("LbSchemes", "internal", "SupportedLBIsolation", "shared"), caps.get("Lb"));
    }

    @Test
    public void elasticIpAndConnectivityFlagsAreCarried() {
        Map<String, Map<String, String>> caps = DerivedCapabilities.forNetworkOffering(isolatedWithNat()
                .attribute(OfferingAttributes.ELASTIC_IP, true).attribute(OfferingAttributes.ASSOCIATE_PUBLIC_IP, true)
                .attribute(OfferingAttributes.STRETCHED_L2, true).attribute(OfferingAttributes.PUBLIC_ACCESS, true)
                .build());
        assertEquals(Map.of("ElasticIp", "true", "AssociatePublicIP", "true"), caps.get("StaticNat"));
        assertEquals(Map.of("StretchedL2Subnet", "true", "PublicAccess", "true"), caps.get("Connectivity"));
    }

    @Test
    public void associatePublicIpWithoutElasticIpIsNotPassed() {
        Map<String, Map<String, String>> caps = DerivedCapabilities.forNetworkOffering(isolatedWithNat()
                .attribute(OfferingAttributes.ASSOCIATE_PUBLIC_IP, true).build());
        assertTrue(caps.toString(), !caps.containsKey("StaticNat"));
    }

    @Test
    public void redundantVpcOfferingCarriesRedundantRouterOnSourceNat() {
        List<String[]> caps = DerivedCapabilities.forVpcOffering(OfferingShape.builder()
                .provider("SourceNat", "VpcVirtualRouter").attribute(OfferingAttributes.REDUNDANT_ROUTER, true)
                .attribute(OfferingAttributes.DISTRIBUTED_ROUTER, true).build());
        assertEquals(2, caps.size());
        assertArrayEquals(new String[] {"SourceNat", "RedundantRouter", "true"}, caps.get(0));
        assertArrayEquals(new String[] {"Connectivity", "DistributedRouter", "true"}, caps.get(1));
    }

    @Test
    public void plainVpcOfferingPassesNoCapabilities() {
        assertTrue(DerivedCapabilities.forVpcOffering(OfferingShape.builder()
                .provider("SourceNat", "VpcVirtualRouter").build()).isEmpty());
    }

    @Test
    public void stockOfferingWithoutLbOrSourceNatGetsNoCapabilityForThem() {
        // DefaultIsolatedNetworkOffering: Dhcp, Dns, UserData; CloudStack stored dedicatedLb=true all the same.
        OfferingShape stock = OfferingShape.builder().provider("Dhcp", "VirtualRouter").provider("Dns", "VirtualRouter")
                .provider("UserData", "VirtualRouter").attribute(OfferingAttributes.DEDICATED_LB, true)
                .attribute(OfferingAttributes.SHARED_SOURCE_NAT, true).build();
        assertTrue(DerivedCapabilities.forNetworkOffering(stock).isEmpty());
    }
}
