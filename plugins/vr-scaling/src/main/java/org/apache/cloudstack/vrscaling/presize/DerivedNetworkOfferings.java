package org.apache.cloudstack.vrscaling.presize;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.inject.Inject;

import org.apache.cloudstack.vrscaling.core.presize.DerivedCapabilities;
import org.apache.cloudstack.vrscaling.core.presize.DerivedOfferingNames;
import org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes;
import org.apache.cloudstack.vrscaling.core.presize.OfferingShape;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.configuration.ConfigurationManager;
import com.cloud.network.Network;
import com.cloud.network.NetworkModel;
import com.cloud.network.dao.NetworkDao;
import com.cloud.offering.NetworkOffering;
import com.cloud.offerings.NetworkOfferingVO;
import com.cloud.offerings.dao.NetworkOfferingDao;
import com.cloud.offerings.dao.NetworkOfferingDetailsDao;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.utils.net.NetUtils;

/**
 * Derived network offerings: a disabled copy of a network offering, made through CloudStack's own offering
 * creation, whose router offering is a profile. A copy is used only when it has exactly the source's shape
 * (services, providers, flags, details, domains, zones); otherwise it is deleted again and pre-sizing refused.
 */
public class DerivedNetworkOfferings {
    private static final Logger LOG = LogManager.getLogger(DerivedNetworkOfferings.class);

    /** Details that createNetworkOffering takes as their own arguments rather than in its details map. */
    private static final Set<NetworkOffering.Detail> PASSED_SEPARATELY = new HashSet<>(List.of(
            NetworkOffering.Detail.domainid, NetworkOffering.Detail.zoneid, NetworkOffering.Detail.internetProtocol));

    @Inject
    NetworkOfferingDao networkOfferingDao;
    @Inject
    NetworkOfferingDetailsDao networkOfferingDetailsDao;
    @Inject
    NetworkModel networkModel;
    @Inject
    ConfigurationManager configurationManager;
    @Inject
    NetworkDao networkDao;

    public NetworkOfferingVO find(long offeringId) {
        return networkOfferingDao.findById(offeringId);
    }

    /** The derived copy of the source for the profile, found again or created; always checked against the source. */
    public NetworkOfferingVO findOrCreate(long sourceOfferingId, ServiceOfferingVO profile) {
        NetworkOfferingVO source = networkOfferingDao.findById(sourceOfferingId);
        if (source == null) {
            throw new PresizeRefusedException("network offering " + sourceOfferingId + " no longer exists");
        }
        if (DerivedOfferingNames.isDerived(source.getUniqueName())) {
            throw new PresizeRefusedException("network offering " + source.getName() + " is itself a VR Scale copy");
        }
        String name = DerivedOfferingNames.name(DerivedOfferingNames.Kind.NETWORK, source.getId(), profile.getId());
        OfferingShape sourceShape = shape(source);
        NetworkOfferingVO existing = networkOfferingDao.findByUniqueName(name);
        if (existing != null) {
            requireSameShape(sourceShape, existing, "existing copy");
            return existing;
        }
        NetworkOfferingVO created = create(source, sourceShape, profile, name);
        try {
            keepSourceMulticastRate(source, created);
            requireSameShape(sourceShape, created, "new copy");
        } catch (PresizeRefusedException e) {
            networkOfferingDao.remove(created.getId());
            throw e;
        }
        LOG.info("Created network offering {} ({}): copy of {} whose routers start at profile {}", created.getName(),
                created.getUuid(), source.getName(), profile.getName());
        return created;
    }

    /** Deletes a derived offering no network uses any more; offerings VR Scale did not derive are never touched. */
    public void removeIfUnused(long offeringId) {
        NetworkOfferingVO offering = networkOfferingDao.findById(offeringId);
        if (offering == null || !DerivedOfferingNames.isDerived(offering.getUniqueName())) {
            return;
        }
        if (networkDao.getNetworkCountByNetworkOffId(offeringId) == 0) {
            networkOfferingDao.remove(offeringId);
            LOG.info("Removed unused VR Scale network offering {}", offering.getName());
        }
    }

    private NetworkOfferingVO create(NetworkOfferingVO source, OfferingShape sourceShape, ServiceOfferingVO profile,
                                     String name) {
        Map<Network.Service, Set<Network.Provider>> providers = copy(
                networkModel.getNetworkOfferingServiceProvidersMap(source.getId()));
        Map<Network.Service, Map<Network.Capability, String>> capabilities = capabilities(sourceShape);
        Map<NetworkOffering.Detail, String> details = new HashMap<>();
        Map<NetworkOffering.Detail, String> sourceDetails = networkOfferingDetailsDao.getNtwkOffDetails(source.getId());
        if (sourceDetails != null) {
            details.putAll(sourceDetails);
        }
        details.keySet().removeAll(PASSED_SEPARATELY);
        // Only one offering may be Required; the copy is disabled and never offered, so Optional changes nothing.
        NetworkOffering.Availability availability = source.getAvailability() == NetworkOffering.Availability.Required
                ? NetworkOffering.Availability.Optional : source.getAvailability();
        NetworkOfferingVO created = configurationManager.createNetworkOffering(name,
                DerivedOfferingNames.displayText(source.getDisplayText(), profile.getName()), source.getTrafficType(),
                source.getTags(), source.isSpecifyVlan(), availability, source.getRateMbps(), providers, false,
                source.getGuestType(), false, profile.getId(), source.isConserveMode(), capabilities,
                source.isSpecifyIpRanges(), source.isPersistent(), details, source.isEgressDefaultPolicy(),
                source.getConcurrentConnections(), source.isKeepAliveEnabled(), source.isForVpc(),
                uses(providers, "Tungsten"), uses(providers, "Nsx"), uses(providers, "Netris"), source.getNetworkMode(),
                networkOfferingDetailsDao.findDomainIds(source.getId()),
                networkOfferingDetailsDao.findZoneIds(source.getId()), false, internetProtocol(source.getId()),
                source.getRoutingMode(), Boolean.TRUE.equals(source.isSpecifyAsNumber()));
        if (created == null) {
            throw new PresizeRefusedException("CloudStack did not create the copy of network offering "
                    + source.getName());
        }
        return created;
    }

    /**
     * Creation takes the multicast rate from today's multicast.throttling.rate; stock offerings have none. CloudStack
     * only displays a network offering's multicast rate, so the copy simply gets the source's value.
     */
    private void keepSourceMulticastRate(NetworkOfferingVO source, NetworkOfferingVO copy) {
        if (!Objects.equals(source.getMulticastRateMbps(), copy.getMulticastRateMbps())) {
            copy.setMulticastRateMbps(source.getMulticastRateMbps());
            networkOfferingDao.update(copy.getId(), copy);
        }
    }

    private void requireSameShape(OfferingShape sourceShape, NetworkOfferingVO copy, String what) {
        List<String> differences = sourceShape.differencesFrom(shape(copy));
        if (copy.getState() == NetworkOffering.State.Enabled) {
            differences.add("state: the copy is Enabled, tenants could pick it");
        }
        if (!differences.isEmpty()) {
            throw new PresizeRefusedException(String.format(Locale.ROOT, "the %s %s of the network offering differs "
                    + "from it (%s); switching would change the network", what, copy.getName(),
                    String.join("; ", differences)));
        }
    }

    /** Everything that makes CloudStack run a network differently; names, state and router offering left out. */
    OfferingShape shape(NetworkOffering offering) {
        OfferingShape.Builder shape = OfferingShape.builder();
        // Services first: which flags mean anything depends on them.
        Map<Network.Service, Set<Network.Provider>> providers = networkModel
                .getNetworkOfferingServiceProvidersMap(offering.getId());
        if (providers != null) {
            providers.forEach((service, set) -> {
                for (Network.Provider provider : set) {
                    shape.provider(service.getName(), provider.getName());
                }
            });
        }
        shape.attribute("trafficType", offering.getTrafficType())
                .attribute("guestType", offering.getGuestType())
                .attribute("tags", offering.getTags())
                .attribute("systemOnly", offering.isSystemOnly())
                .attribute("specifyVlan", offering.isSpecifyVlan())
                .attribute("rateMbps", offering.getRateMbps())
                .attribute("multicastRateMbps", offering.getMulticastRateMbps())
                .attribute("conserveMode", offering.isConserveMode())
                .attribute("specifyIpRanges", offering.isSpecifyIpRanges())
                .attribute("persistent", offering.isPersistent())
                .attribute("egressDefaultPolicy", offering.isEgressDefaultPolicy())
                .attribute("concurrentConnections", offering.getConcurrentConnections())
                .attribute("keepAlive", offering.isKeepAliveEnabled())
                .attribute("forVpc", offering.isForVpc())
                .attribute("networkMode", offering.getNetworkMode())
                .attribute("routingMode", offering.getRoutingMode())
                .attribute("specifyAsNumber", Boolean.TRUE.equals(offering.isSpecifyAsNumber()))
                .attribute("servicePackage", offering.getServicePackage())
                .flagFor(OfferingAttributes.DEDICATED_LB, offering.isDedicatedLB())
                .flagFor(OfferingAttributes.ELASTIC_LB, offering.isElasticLb())
                .flagFor(OfferingAttributes.INLINE, offering.isInline())
                .flagFor(OfferingAttributes.PUBLIC_LB, offering.isPublicLb())
                .flagFor(OfferingAttributes.INTERNAL_LB, offering.isInternalLb())
                .flagFor(OfferingAttributes.VM_AUTOSCALING, offering.isSupportsVmAutoScaling())
                .flagFor(OfferingAttributes.SHARED_SOURCE_NAT, offering.isSharedSourceNat())
                .flagFor(OfferingAttributes.REDUNDANT_ROUTER, offering.isRedundantRouter())
                .flagFor(OfferingAttributes.ELASTIC_IP, offering.isElasticIp())
                .flagFor(OfferingAttributes.ASSOCIATE_PUBLIC_IP, offering.isAssociatePublicIP())
                .flagFor(OfferingAttributes.STRETCHED_L2, offering.isSupportingStrechedL2())
                .flagFor(OfferingAttributes.PUBLIC_ACCESS, offering.isSupportingPublicAccess())
                .ids("domains", networkOfferingDetailsDao.findDomainIds(offering.getId()))
                .ids("zones", networkOfferingDetailsDao.findZoneIds(offering.getId()))
                .attribute("internetProtocol", internetProtocol(offering.getId()));
        Map<NetworkOffering.Detail, String> details = networkOfferingDetailsDao.getNtwkOffDetails(offering.getId());
        if (details != null) {
            details.forEach((detail, value) -> {
                if (!PASSED_SEPARATELY.contains(detail)) {
                    shape.attribute("detail." + detail.name(), value);
                }
            });
        }
        return shape.build();
    }

    private NetUtils.InternetProtocol internetProtocol(long offeringId) {
        return InternetProtocols.parse(networkOfferingDetailsDao.getDetail(offeringId,
                NetworkOffering.Detail.internetProtocol), offeringId);
    }

    private static Map<Network.Service, Map<Network.Capability, String>> capabilities(OfferingShape source) {
        Map<Network.Service, Map<Network.Capability, String>> capabilities = new HashMap<>();
        for (Map.Entry<String, Map<String, String>> service : DerivedCapabilities.forNetworkOffering(source)
                .entrySet()) {
            Map<Network.Capability, String> values = new HashMap<>();
            service.getValue().forEach((name, value) -> values.put(capability(name), value));
            capabilities.put(service(service.getKey()), values);
        }
        return capabilities;
    }

    private static Network.Service service(String name) {
        Network.Service service = Network.Service.getService(name);
        if (service == null) {
            throw new PresizeRefusedException("CloudStack does not know the service " + name);
        }
        return service;
    }

    private static Network.Capability capability(String name) {
        Network.Capability capability = Network.Capability.getCapability(name);
        if (capability == null) {
            throw new PresizeRefusedException("CloudStack does not know the capability " + name);
        }
        return capability;
    }

    /**
     * The offering has no for-Tungsten/NSX/Netris columns: creation takes them as flags, and they follow from the
     * providers (CloudStack's own creation command derives them the same way).
     */
    private static boolean uses(Map<Network.Service, Set<Network.Provider>> providers, String providerName) {
        return providers.values().stream().flatMap(Set::stream)
                .anyMatch(provider -> provider != null && providerName.equalsIgnoreCase(provider.getName()));
    }

    /** createNetworkOffering may add to the map it is given (routed mode adds Gateway): never hand it ours. */
    private static Map<Network.Service, Set<Network.Provider>> copy(Map<Network.Service, Set<Network.Provider>> map) {
        Map<Network.Service, Set<Network.Provider>> copy = new HashMap<>();
        if (map != null) {
            map.forEach((service, providers) -> copy.put(service, new HashSet<>(providers)));
        }
        return copy;
    }
}
