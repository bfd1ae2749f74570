package org.apache.cloudstack.vrscaling.core.presize;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class OfferingShapeTest {
    private static OfferingShape.Builder source() {
        return OfferingShape.builder().attribute("guestType", "Isolated").attribute("redundantRouter", false)
                .provider("SourceNat", "VirtualRouter").provider("Dns", "VirtualRouter");
    }

    @Test
    public void identicalShapesHaveNoDifferences() {
        assertTrue(source().build().differencesFrom(source().build()).isEmpty());
    }

    @Test
    public void everyDifferingAttributeAndServiceIsListed() {
        OfferingShape copy = OfferingShape.builder().attribute("guestType", "Isolated")
                .attribute("redundantRouter", true).attribute("tags", "ssd")
                .provider("SourceNat", "VirtualRouter").provider("Dns", "VirtualRouter").provider("Dns", "ConfigDrive")
                .provider("Lb", "VirtualRouter").build();
        List<String> differences = source().build().differencesFrom(copy);
        assertEquals(List.of("redundantRouter: false vs true", "tags: null vs ssd",
                "service Dns: [VirtualRouter] vs [ConfigDrive, VirtualRouter]", "service Lb: absent vs [VirtualRouter]"),
                differences);
    }

    @Test
    public void missingFlagsReadAsFalse() {
        assertTrue(!source().build().flag("elasticIp"));
        assertTrue(source().attribute("elasticIp", true).build().flag("elasticIp"));
    }

    @Test
    public void associatePublicIpCountsOnlyWithElasticIp() {
        // Seen on a real 4.22 server: the stock isolated offering stores associatePublicIp=true without elastic IP,
        // and createNetworkOffering cannot make that combination. CloudStack reads the flag only with elastic IP.
        OfferingShape stock = OfferingShape.builder().provider("StaticNat", "VirtualRouter")
                .flagFor(OfferingAttributes.ELASTIC_IP, false).flagFor(OfferingAttributes.ASSOCIATE_PUBLIC_IP, true)
                .build();
        OfferingShape copy = OfferingShape.builder().provider("StaticNat", "VirtualRouter")
                .flagFor(OfferingAttributes.ELASTIC_IP, false).flagFor(OfferingAttributes.ASSOCIATE_PUBLIC_IP, false)
                .build();
        assertTrue(stock.differencesFrom(copy).isEmpty());

        OfferingShape elastic = OfferingShape.builder().provider("StaticNat", "VirtualRouter")
                .flagFor(OfferingAttributes.ELASTIC_IP, true).flagFor(OfferingAttributes.ASSOCIATE_PUBLIC_IP, true)
                .build();
        OfferingShape elasticCopy = OfferingShape.builder().provider("StaticNat", "VirtualRouter")
                .flagFor(OfferingAttributes.ELASTIC_IP, true).flagFor(OfferingAttributes.ASSOCIATE_PUBLIC_IP, false)
                .build();
        assertEquals(List.of("associatePublicIp: true vs false"), elastic.differencesFrom(elasticCopy));
    }

    @Test
    public void lbAndSourceNatFlagsCountOnlyWithTheirService() {
        OfferingShape withoutLb = OfferingShape.builder().provider("Dhcp", "VirtualRouter")
                .flagFor(OfferingAttributes.DEDICATED_LB, true).flagFor(OfferingAttributes.SHARED_SOURCE_NAT, true)
                .flagFor(OfferingAttributes.REDUNDANT_ROUTER, false).build();
        OfferingShape copy = OfferingShape.builder().provider("Dhcp", "VirtualRouter")
                .flagFor(OfferingAttributes.DEDICATED_LB, false).flagFor(OfferingAttributes.SHARED_SOURCE_NAT, false)
                .flagFor(OfferingAttributes.REDUNDANT_ROUTER, false).build();
        assertTrue(withoutLb.differencesFrom(copy).isEmpty());

        OfferingShape withLb = OfferingShape.builder().provider("Lb", "VirtualRouter")
                .flagFor(OfferingAttributes.DEDICATED_LB, true).build();
        OfferingShape lbCopy = OfferingShape.builder().provider("Lb", "VirtualRouter")
                .flagFor(OfferingAttributes.DEDICATED_LB, false).build();
        assertEquals(List.of("dedicatedLb: true vs false"), withLb.differencesFrom(lbCopy));
    }
}
