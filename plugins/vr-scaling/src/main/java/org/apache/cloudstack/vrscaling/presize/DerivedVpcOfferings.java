package org.apache.cloudstack.vrscaling.presize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.apache.cloudstack.vrscaling.core.presize.DerivedCapabilities;
import org.apache.cloudstack.vrscaling.core.presize.DerivedOfferingNames;
import org.apache.cloudstack.vrscaling.core.presize.OfferingAttributes;
import org.apache.cloudstack.vrscaling.core.presize.OfferingShape;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.network.vpc.VpcOffering;
import com.cloud.network.vpc.VpcOfferingServiceMapVO;
import com.cloud.network.vpc.VpcOfferingVO;
import com.cloud.network.vpc.VpcProvisioningService;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.network.vpc.dao.VpcOfferingDao;
import com.cloud.network.vpc.dao.VpcOfferingDetailsDao;
import com.cloud.network.vpc.dao.VpcOfferingServiceMapDao;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.utils.net.NetUtils;

/**
 * Derived VPC offerings: a disabled copy of a VPC offering, made through CloudStack's own VPC offering creation,
 * whose router offering is a profile. Used only when the copy has exactly the source's shape.
 */
public class DerivedVpcOfferings {
    private static final Logger LOG = LogManager.getLogger(DerivedVpcOfferings.class);
    /** Keys of one capability entry in createVpcOffering's list (the API's servicecapabilitylist format). */
    static final String SERVICE = "service";
    static final String CAPABILITY_TYPE = "capabilitytype";
    static final String CAPABILITY_VALUE = "capabilityvalue";
    static final String INTERNET_PROTOCOL_DETAIL = "internetprotocol";

    @Inject
    VpcOfferingDao vpcOfferingDao;
    @Inject
    VpcOfferingServiceMapDao vpcOfferingServiceMapDao;
    @Inject
    VpcOfferingDetailsDao vpcOfferingDetailsDao;
    @Inject
    VpcProvisioningService vpcProvisioningService;
    @Inject
    VpcDao vpcDao;

    public VpcOfferingVO find(long offeringId) {
        return vpcOfferingDao.findById(offeringId);
    }

    public VpcOfferingVO findOrCreate(long sourceOfferingId, ServiceOfferingVO profile) {
        VpcOfferingVO source = vpcOfferingDao.findById(sourceOfferingId);
        if (source == null) {
            throw new PresizeRefusedException("VPC offering " + sourceOfferingId + " no longer exists");
        }
        if (DerivedOfferingNames.isDerived(source.getUniqueName())) {
            throw new PresizeRefusedException("VPC offering " + source.getName() + " is itself a VR Scale copy");
        }
        String name = DerivedOfferingNames.name(DerivedOfferingNames.Kind.VPC, source.getId(), profile.getId());
        OfferingShape sourceShape = shape(source);
        VpcOfferingVO existing = vpcOfferingDao.findByUniqueName(name);
        if (existing != null) {
            requireSameShape(sourceShape, existing, "existing copy");
            return existing;
        }
        VpcOffering created = vpcProvisioningService.createVpcOffering(name,
                DerivedOfferingNames.displayText(source.getDisplayText(), profile.getName()),
                new ArrayList<>(services(sourceShape).keySet()), services(sourceShape), capabilityList(sourceShape),
                internetProtocol(source.getId()), profile.getId(), null, source.getNetworkMode(),
                vpcOfferingDetailsDao.findDomainIds(source.getId()), vpcOfferingDetailsDao.findZoneIds(source.getId()),
                VpcOffering.State.Disabled, source.getRoutingMode(),
                Boolean.TRUE.equals(source.isSpecifyAsNumber()));
        VpcOfferingVO copy = created == null ? null : vpcOfferingDao.findById(created.getId());
        if (copy == null) {
            throw new PresizeRefusedException("CloudStack did not create the copy of VPC offering " + source.getName());
        }
        try {
            requireSameShape(sourceShape, copy, "new copy");
        } catch (PresizeRefusedException e) {
            vpcOfferingDao.remove(copy.getId());
            throw e;
        }
        LOG.info("Created VPC offering {} ({}): copy of {} whose routers start at profile {}", copy.getName(),
                copy.getUuid(), source.getName(), profile.getName());
        return copy;
    }

    /** Deletes a derived offering no VPC uses any more; offerings VR Scale did not derive are never touched. */
    public void removeIfUnused(long offeringId) {
        VpcOfferingVO offering = vpcOfferingDao.findById(offeringId);
        if (offering == null || !DerivedOfferingNames.isDerived(offering.getUniqueName())) {
            return;
        }
        if (vpcDao.getVpcCountByOfferingId(offeringId) == 0) {
            vpcOfferingDao.remove(offeringId);
            LOG.info("Removed unused VR Scale VPC offering {}", offering.getName());
        }
    }

    private void requireSameShape(OfferingShape sourceShape, VpcOfferingVO copy, String what) {
        List<String> differences = sourceShape.differencesFrom(shape(copy));
        if (copy.getState() == VpcOffering.State.Enabled) {
            differences.add("state: the copy is Enabled, tenants could pick it");
        }
        if (!differences.isEmpty()) {
            throw new PresizeRefusedException(String.format(Locale.ROOT, "the %s %s of the VPC offering differs from "
                    + "it (%s); switching would change the VPC", what, copy.getName(), String.join("; ",
                    differences)));
        }
    }

    OfferingShape shape(VpcOffering offering) {
        OfferingShape.Builder shape = OfferingShape.builder()
                .attribute(OfferingAttributes.REDUNDANT_ROUTER, offering.isRedundantRouter())
                .attribute(OfferingAttributes.REGION_LEVEL_VPC, offering.isOffersRegionLevelVPC())
                .attribute(OfferingAttributes.DISTRIBUTED_ROUTER, offering.isSupportsDistributedRouter())
                .attribute("networkMode", offering.getNetworkMode())
                .attribute("routingMode", offering.getRoutingMode())
                .attribute("specifyAsNumber", Boolean.TRUE.equals(offering.isSpecifyAsNumber()))
                .ids("domains", vpcOfferingDetailsDao.findDomainIds(offering.getId()))
                .ids("zones", vpcOfferingDetailsDao.findZoneIds(offering.getId()))
                .attribute("internetProtocol", internetProtocol(offering.getId()));
        for (VpcOfferingServiceMapVO row : vpcOfferingServiceMapDao.listByVpcOffId(offering.getId())) {
            shape.provider(row.getService(), row.getProvider());
        }
        return shape.build();
    }

    private static Map<String, List<String>> services(OfferingShape shape) {
        Map<String, List<String>> services = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> service : shape.getServices().entrySet()) {
            services.put(service.getKey(), new ArrayList<>(service.getValue()));
        }
        return services;
    }

    /** The API's map-of-maps format: CloudStack's VPC offering creation reads HashMaps with these three keys. */
    private static Map<String, HashMap<String, String>> capabilityList(OfferingShape shape) {
        Map<String, HashMap<String, String>> list = new LinkedHashMap<>();
        int index = 0;
        for (String[] capability : DerivedCapabilities.forVpcOffering(shape)) {
            HashMap<String, String> entry = new HashMap<>();
            entry.put(SERVICE, capability[0]);
            entry.put(CAPABILITY_TYPE, capability[1]);
            entry.put(CAPABILITY_VALUE, capability[2]);
            list.put(String.valueOf(index++), entry);
        }
        return list;
    }

    private NetUtils.InternetProtocol internetProtocol(long offeringId) {
        return InternetProtocols.parse(vpcOfferingDetailsDao.getDetail(offeringId, INTERNET_PROTOCOL_DETAIL),
                offeringId);
    }
}
