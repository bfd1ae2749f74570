package org.apache.cloudstack.vrscaling.core.presize;

import static org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes.ASSOCIATE_PUBLIC_IP;
import static org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes.CONNECTIVITY;
import static org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes.DEDICATED_LB;
import static org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes.DISTRIBUTED_ROUTER;
import static org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes.ELASTIC_IP;
import static org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes.ELASTIC_LB;
import static org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes.GATEWAY;
import static org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes.INLINE;
import static org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes.INTERNAL_LB;
import static org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes.LB;
import static org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes.PUBLIC_ACCESS;
import static org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes.REDUNDANT_ROUTER;
import static org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes.REGION_LEVEL_VPC;
import static org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes.SHARED_SOURCE_NAT;
import static org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes.SOURCE_NAT;
import static org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes.STATIC_NAT;
import static org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes.STRETCHED_L2;
import static org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes.VM_AUTOSCALING;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds the service capabilities an offering was created with from the flags CloudStack stored for it, so a
 * copy created through CloudStack's own offering creation ends up with the same flags. Only what differs from
 * CloudStack's defaults is passed: every capability passed is also checked against the provider, and the
 * source passed the same check when it was created. The caller compares the copy with the source afterwards
 * ({@link OfferingShape#differencesFrom}) and discards it on any difference.
 */
public final class DerivedCapabilities {
    private DerivedCapabilities() {
    }

    /** Service name → capability name → value, for a network offering. */
    public static Map<String, Map<String, String>> forNetworkOffering(OfferingShape source) {
        Map<String, Map<String, String>> caps = new TreeMap<>();
        // CloudStack checks LB and source NAT capabilities against the service's providers and fails on a service
        // the offering lacks; its stock offerings keep dedicatedLb=true without any Lb service.
        if (source.has(LB)) {
            Map<String, String> lb = new TreeMap<>();
            putIf(lb, source.flag(ELASTIC_LB), "ElasticLb", "true");
            putIf(lb, source.flag(INLINE), "InlineMode", "true");
            putIf(lb, source.flag(INTERNAL_LB), "LbSchemes", "internal");
            putIf(lb, source.flag(VM_AUTOSCALING), "VmAutoScaling", "true");
            // CloudStack reads LB capabilities only from a non-empty map, and there isolation defaults to dedicated.
            if (source.flag(DEDICATED_LB) && lb.isEmpty()) {
                lb.put("SupportedLBIsolation", "dedicated");
            } else if (!source.flag(DEDICATED_LB) && !lb.isEmpty()) {
                lb.put("SupportedLBIsolation", "shared");
            }
            putService(caps, LB, lb);
        }

        boolean redundantOnGateway = source.flag(REDUNDANT_ROUTER) && !source.has(SOURCE_NAT)
                && source.has(GATEWAY);
        if (source.has(SOURCE_NAT)) {
            Map<String, String> sourceNat = new TreeMap<>();
            putIf(sourceNat, source.flag(SHARED_SOURCE_NAT), "SupportedSourceNatTypes", "perzone");
            putIf(sourceNat, source.flag(REDUNDANT_ROUTER), "RedundantRouter", "true");
            putService(caps, SOURCE_NAT, sourceNat);
        }
        if (redundantOnGateway) {
            putService(caps, GATEWAY, Collections.singletonMap("RedundantRouter", "true"));
        }

        Map<String, String> staticNat = new TreeMap<>();
        if (source.flag(ELASTIC_IP)) {
            staticNat.put("ElasticIp", "true");
            putIf(staticNat, source.flag(ASSOCIATE_PUBLIC_IP), "AssociatePublicIP", "true");
        }
        putService(caps, STATIC_NAT, staticNat);

        Map<String, String> connectivity = new TreeMap<>();
        putIf(connectivity, source.flag(STRETCHED_L2), "StretchedL2Subnet", "true");
        putIf(connectivity, source.flag(PUBLIC_ACCESS), "PublicAccess", "true");
        putService(caps, CONNECTIVITY, connectivity);
        return caps;
    }

    /**
     * (service, capability, "true") triples for a VPC offering, in the order createVpcOffering's list takes them.
     * A redundant VPC offering without SourceNat (routed mode) carries RedundantRouter on Gateway.
     */
    public static List<String[]> forVpcOffering(OfferingShape source) {
        List<String[]> caps = new ArrayList<>();
        if (source.flag(REDUNDANT_ROUTER)) {
            caps.add(new String[] {source.has(SOURCE_NAT) ? SOURCE_NAT : GATEWAY, "RedundantRouter", "true"});
        }
        if (source.flag(REGION_LEVEL_VPC)) {
            caps.add(new String[] {CONNECTIVITY, "RegionLevelVpc", "true"});
        }
        if (source.flag(DISTRIBUTED_ROUTER)) {
            caps.add(new String[] {CONNECTIVITY, "DistributedRouter", "true"});
        }
        return caps;
    }

    private static void putIf(Map<String, String> map, boolean condition, String key, String value) {
        if (condition) {
            map.put(key, value);
        }
    }

    private static void putService(Map<String, Map<String, String>> caps, String service, Map<String, String> values) {
        if (!values.isEmpty()) {
            caps.put(service, new TreeMap<>(values));
        }
    }
}
