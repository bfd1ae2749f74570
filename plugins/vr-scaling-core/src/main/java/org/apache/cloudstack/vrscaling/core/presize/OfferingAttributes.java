package org.apache.cloudstack.vrscaling.core.presize;

import java.util.Map;
import java.util.Set;

/**
 * Attribute names of {@link OfferingShape} that the capability rebuild reads. They name NetworkOffering/VpcOffering
 * getters; CloudStack's offering creation turns service capabilities into exactly these flags.
 */
public final class OfferingAttributes {
    public static final String DEDICATED_LB = "dedicatedLb";
    public static final String ELASTIC_LB = "elasticLb";
    public static final String INLINE = "inline";
    public static final String PUBLIC_LB = "publicLb";
    public static final String INTERNAL_LB = "internalLb";
    public static final String VM_AUTOSCALING = "vmAutoScaling";
    public static final String SHARED_SOURCE_NAT = "sharedSourceNat";
    public static final String REDUNDANT_ROUTER = "redundantRouter";
    public static final String ELASTIC_IP = "elasticIp";
    public static final String ASSOCIATE_PUBLIC_IP = "associatePublicIp";
    public static final String STRETCHED_L2 = "stretchedL2";
    public static final String PUBLIC_ACCESS = "publicAccess";
    public static final String REGION_LEVEL_VPC = "regionLevelVpc";
    public static final String DISTRIBUTED_ROUTER = "distributedRouter";

    /** Service and capability names as CloudStack's Network.Service / Network.Capability spell them. */
    public static final String LB = "Lb";
    public static final String SOURCE_NAT = "SourceNat";
    public static final String STATIC_NAT = "StaticNat";
    public static final String CONNECTIVITY = "Connectivity";
    public static final String GATEWAY = "Gateway";

    private OfferingAttributes() {
    }

    /**
     * Whether a flag means anything for an offering with these services and flags. LB flags only do with an Lb
     * service and the source NAT type only with SourceNat: CloudStack's stock offerings keep dedicatedLb=true without
     * any Lb service, and a copy created without LB capabilities gets false, with no difference in behaviour.
     * Likewise associatePublicIp only with elastic IP: the stock isolated offerings store it true without elastic IP,
     * which offering creation refuses to make, and CloudStack reads it only for elastic-IP offerings.
     */
    public static boolean meaningful(String attribute, Set<String> services, Map<String, String> flags) {
        switch (attribute) {
            case DEDICATED_LB:
            case ELASTIC_LB:
            case INLINE:
            case PUBLIC_LB:
            case INTERNAL_LB:
            case VM_AUTOSCALING:
                return services.contains(LB);
            case SHARED_SOURCE_NAT:
                return services.contains(SOURCE_NAT);
            case ASSOCIATE_PUBLIC_IP:
                return Boolean.parseBoolean(flags.get(ELASTIC_IP));
            default:
                return true;
        }
    }
}
