package org.apache.cloudstack.vrscaling.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.inject.Inject;

import org.apache.cloudstack.vrscaling.VrScalingDetails;
import org.apache.cloudstack.vrscaling.VrScalingErrors;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.core.profile.RouterProfile;
import org.apache.cloudstack.vrscaling.core.profile.TuningOverrides;
import org.apache.cloudstack.vrscaling.core.sizing.ConntrackBudget;
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.offering.ServiceOffering;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.service.dao.ServiceOfferingDetailsDao;
import com.cloud.storage.DiskOfferingVO;
import com.cloud.storage.Storage;
import com.cloud.storage.dao.DiskOfferingDao;
import com.cloud.utils.Pair;
import com.cloud.utils.db.Transaction;
import com.cloud.utils.db.TransactionCallback;
import com.cloud.utils.db.TransactionStatus;
import com.cloud.vm.VirtualMachine;

/**
 * Profiles are system service offerings for routers carrying vrscaling.* details. This service maps between the
 * offering rows and the core's {@link RouterProfile}, and creates offerings the way CloudStack creates its own
 * router offering: a compute-only disk offering plus a system service offering of type domainrouter.
 */
public class ProfileService {
    public static final String STORAGE_SHARED = "shared";
    public static final String STORAGE_LOCAL = "local";
    static final String ROUTER_VM_TYPE = VirtualMachine.Type.DomainRouter.toString().toLowerCase(Locale.ROOT);
    static final String UNIQUE_NAME_PREFIX = "vrscaling-";
    /** service_offering.unique_name and disk_offering.unique_name are varchar(32). */
    static final int UNIQUE_NAME_MAX = 32;

    private static final Logger LOG = LogManager.getLogger(ProfileService.class);

    @Inject
    ServiceOfferingDao serviceOfferingDao;
    @Inject
    ServiceOfferingDetailsDao offeringDetailsDao;
    @Inject
    DiskOfferingDao diskOfferingDao;
    @Inject
    BindingStore bindingStore;
    @Inject
    VrScalingSettings settings;

    public ServiceOfferingVO create(ProfileSpec spec) {
        TuningOverrides overrides = overrides(spec.getOverrides());
        if (spec.getAdoptOfferingId() != null) {
            return adopt(spec, overrides);
        }
        String name = requireText(spec.getName(), "name");
        if (spec.getCpuNumber() == null || spec.getCpuSpeed() == null || spec.getMemory() == null) {
            throw VrScalingErrors.badInput("cpunumber, cpuspeed and memory are required to create a profile "
                    + "(or pass serviceofferingid to adopt an existing system offering for routers)");
        }
        RouterProfile profile = profile(name, size(spec.getCpuNumber(), spec.getCpuSpeed(), spec.getMemory()),
                overrides);
        checkConntrackBudget(profile, spec.isForce());
        checkNameFree(profile.getName(), null);
        boolean local = parseStorageType(spec.getStorageType());
        String displayText = spec.getDisplayText() == null || spec.getDisplayText().trim().isEmpty()
                ? profile.getName() : spec.getDisplayText().trim();

        String uniqueName = uniqueName();
        DiskOfferingVO disk = new DiskOfferingVO(profile.getName(), displayText, Storage.ProvisioningType.THIN, false,
                null, true, local, false);
        disk.setUniqueName(uniqueName);
        disk = diskOfferingDao.persistDefaultDiskOffering(disk);

        // Same flags as CloudStack's "System Offering For Software Router", but not a default offering.
        ServiceOfferingVO offering = new ServiceOfferingVO(profile.getName(), profile.getSize().getCpus(),
                profile.getSize().getMemoryMib(), profile.getSize().getCpuMhz(), null, null, true, displayText, true,
                VirtualMachine.Type.DomainRouter, false);
        offering.setUniqueName(uniqueName);
        offering.setDiskOfferingId(disk.getId());
        offering = serviceOfferingDao.persistSystemServiceOffering(offering);
        try {
            writeProfileDetails(offering.getId(), overrides, false);
        } catch (RuntimeException e) {
            // Do not leave a half-made profile behind: an offering without its marker is just clutter.
            serviceOfferingDao.remove(offering.getId());
            diskOfferingDao.remove(disk.getId());
            throw e;
        }
        LOG.info("Created virtual router profile {} as system offering {}", profile, offering.getUuid());
        return offering;
    }

    private ServiceOfferingVO adopt(ProfileSpec spec, TuningOverrides overrides) {
        if (spec.getCpuNumber() != null || spec.getCpuSpeed() != null || spec.getMemory() != null
                || spec.getStorageType() != null) {
            throw VrScalingErrors.badInput("serviceofferingid adopts the size and storage type of an existing "
                    + "offering: do not pass cpunumber, cpuspeed, memory or storagetype with it");
        }
        if (spec.getName() != null || spec.getDisplayText() != null) {
            throw VrScalingErrors.badInput("serviceofferingid keeps the adopted offering's name and display text: "
                    + "do not pass name or displaytext with it");
        }
        ServiceOfferingVO offering = serviceOfferingDao.findById(spec.getAdoptOfferingId());
        if (offering == null) {
            throw VrScalingErrors.badInput("Unable to find service offering with id " + spec.getAdoptOfferingId());
        }
        String label = "service offering " + offering.getName() + " (" + offering.getUuid() + ")";
        if (!offering.isSystemUse()) {
            throw VrScalingErrors.badInput(label + " is not a system offering: a virtual router profile needs a "
                    + "system offering with systemvmtype domainrouter");
        }
        if (!ROUTER_VM_TYPE.equalsIgnoreCase(offering.getVmType())) {
            throw VrScalingErrors.badInput(label + " is for systemvmtype " + offering.getVmType()
                    + ", not domainrouter");
        }
        if (offering.getState() != ServiceOffering.State.Active) {
            throw VrScalingErrors.badInput(label + " is " + offering.getState() + ", not Active");
        }
        if (isProfile(offering.getId())) {
            throw VrScalingErrors.badInput(label + " already is a virtual router profile");
        }
        if (offering.getCpu() == null || offering.getSpeed() == null || offering.getRamSize() == null) {
            throw VrScalingErrors.badInput(label + " has no fixed size (custom offering): a profile needs one");
        }
        checkConntrackBudget(profile(offering.getName(), size(offering.getCpu(), offering.getSpeed(),
                offering.getRamSize()), overrides), spec.isForce());
        checkNameFree(offering.getName(), offering.getId());
        writeProfileDetails(offering.getId(), overrides, true);
        LOG.info("Adopted {} as a virtual router profile", label);
        return offering;
    }

    /**
     * Validates everything (names, settings, ranges, budget, adopted offering) before it writes anything, then
     * writes the offering row and the details in one database transaction.
     *
     * @param force accept a conntrack table that does not fit the profile's RAM budget
     */
    public ServiceOfferingVO update(long offeringId, String name, String displayText, Map<TuningKey, Long> changes,
                                    List<String> resets, boolean force) {
        ServiceOfferingVO offering = findProfileOffering(offeringId);
        Map<TuningKey, Long> merged = new EnumMap<>(TuningKey.class);
        if (resets != null) {
            for (String reset : resets) {
                TuningKey key = TuningKey.byName(reset);
                if (key == null) {
                    throw VrScalingErrors.badInput("resettuning names an unknown tuning setting '" + reset + "'");
                }
                merged.put(key, null);
            }
        }
        for (Map.Entry<TuningKey, Long> change : changes.entrySet()) {
            if (merged.containsKey(change.getKey())) {
                throw VrScalingErrors.badInput(change.getKey().parameterName() + " is both set and reset");
            }
            merged.put(change.getKey(), change.getValue());
        }
        TuningOverrides updated;
        try {
            updated = overridesOf(offering).merge(merged);
        } catch (IllegalArgumentException e) {
            throw VrScalingErrors.badInput(e.getMessage());
        }
        String newName = name == null ? offering.getName() : requireText(name, "name");
        String newDisplayText = displayText == null ? null : requireText(displayText, "displaytext");
        boolean renamed = !newName.equals(offering.getName());
        boolean redescribed = newDisplayText != null && !newDisplayText.equals(offering.getDisplayText());
        if ((renamed || redescribed) && isAdopted(offering.getId())) {
            throw VrScalingErrors.badInput("Profile " + offering.getName() + " (" + offering.getUuid() + ") adopted "
                    + "an existing service offering that other routers and networks may use: VR Scale does not "
                    + "change its " + (renamed ? "name" : "display text") + ". Change it with "
                    + "updateServiceOffering, or create a profile of its own");
        }
        checkConntrackBudget(profile(newName, sizeOf(offering), updated), force);
        if (renamed) {
            checkNameFree(newName, offering.getId());
        }

        Transaction.execute(new TransactionCallback<Void>() {
            @Override
            public Void doInTransaction(TransactionStatus status) {
                if (renamed || redescribed) {
                    offering.setName(newName);
                    if (newDisplayText != null) {
                        offering.setDisplayText(newDisplayText);
                    }
                    serviceOfferingDao.update(offering.getId(), offering);
                }
                for (Map.Entry<TuningKey, Long> entry : merged.entrySet()) {
                    String detail = VrScalingDetails.tuningKey(entry.getKey());
                    if (entry.getValue() == null) {
                        offeringDetailsDao.removeDetail(offering.getId(), detail);
                    } else {
                        offeringDetailsDao.addDetail(offering.getId(), detail, entry.getValue().toString(), false);
                    }
                }
                return null;
            }
        });
        return offering;
    }

    /**
     * Profile names are unique among profiles whose offering is not removed (case-insensitive, as the list filter
     * matches them): scaling "to profile big" must mean one thing.
     */
    private void checkNameFree(String name, Long self) {
        for (Long offeringId : offeringDetailsDao.findResourceIdsByNameAndValueIn(VrScalingDetails.PROFILE,
                new Object[] {Boolean.TRUE.toString()})) {
            if (offeringId.equals(self)) {
                continue;
            }
            ServiceOfferingVO other = serviceOfferingDao.findById(offeringId);
            if (other != null && other.getName() != null && other.getName().trim().equalsIgnoreCase(name.trim())) {
                throw VrScalingErrors.badInput("A virtual router profile named '" + other.getName() + "' already "
                        + "exists: " + other.getUuid() + ". Profile names must be unique");
            }
        }
    }

    /** Deletes a profile; returns how many bindings a forced delete removed. */
    public int delete(long offeringId, boolean forced) {
        ServiceOfferingVO offering = findProfileOffering(offeringId);
        int networks = bindingStore.countNetworks(offering.getUuid());
        int vpcs = bindingStore.countVpcs(offering.getUuid());
        int unbound = 0;
        if (networks + vpcs > 0) {
            if (!forced) {
                throw VrScalingErrors.refused(String.format(Locale.ROOT, "Profile %s (%s) is bound to %d network(s) "
                        + "and %d VPC(s): scale them to another profile first, or pass forced=true to remove the "
                        + "bindings (routers keep their current size)", offering.getName(), offering.getUuid(),
                        networks, vpcs));
            }
            unbound = bindingStore.unbindAll(offering.getUuid());
        }
        if (isAdopted(offering.getId())) {
            // The offering existed before the profile and may be used elsewhere: only the profile goes away.
            for (String key : offeringDetailsDao.listDetailsKeyPairs(offering.getId()).keySet()) {
                if (key.startsWith(VrScalingDetails.PREFIX)) {
                    offeringDetailsDao.removeDetail(offering.getId(), key);
                }
            }
        } else {
            serviceOfferingDao.remove(offering.getId());
            if (offering.getDiskOfferingId() != null) {
                diskOfferingDao.remove(offering.getDiskOfferingId());
            }
        }
        LOG.info("Deleted virtual router profile {} ({}), {} binding(s) removed", offering.getName(),
                offering.getUuid(), unbound);
        return unbound;
    }

    /** The offering of a profile, or PARAM_ERROR when the id is unknown, removed or not a profile. */
    public ServiceOfferingVO findProfileOffering(Long offeringId) {
        if (offeringId == null) {
            throw VrScalingErrors.badInput("a profile id is required");
        }
        ServiceOfferingVO offering = serviceOfferingDao.findById(offeringId);
        if (offering == null) {
            throw VrScalingErrors.badInput("Unable to find virtual router profile with id " + offeringId);
        }
        if (!isProfile(offering.getId())) {
            throw VrScalingErrors.badInput("Service offering " + offering.getName() + " (" + offering.getUuid()
                    + ") is not a virtual router profile");
        }
        return offering;
    }

    /** Any offering, removed ones included (routers may still run on them); null when unknown. */
    public ServiceOfferingVO findOfferingIncludingRemoved(long offeringId) {
        return serviceOfferingDao.findByIdIncludingRemoved(offeringId);
    }

    public Pair<List<ServiceOfferingVO>, Integer> list(Long id, String name, String keyword, Long startIndex,
                                                       Long pageSize) {
        List<ServiceOfferingVO> all = new ArrayList<>();
        for (Long offeringId : offeringDetailsDao.findResourceIdsByNameAndValueIn(VrScalingDetails.PROFILE,
                new Object[] {Boolean.TRUE.toString()})) {
            if (id != null && !id.equals(offeringId)) {
                continue;
            }
            ServiceOfferingVO offering = serviceOfferingDao.findById(offeringId);
            if (offering == null) {
                continue;
            }
            if (name != null && !name.equalsIgnoreCase(offering.getName())) {
                continue;
            }
            if (keyword != null && !contains(offering.getName(), keyword) && !contains(offering.getDisplayText(),
                    keyword)) {
                continue;
            }
            all.add(offering);
        }
        all.sort(Comparator.comparing((ServiceOfferingVO o) -> o.getName() == null ? "" : o.getName())
                .thenComparing(ServiceOfferingVO::getId));
        int from = startIndex == null ? 0 : (int) Math.min(all.size(), Math.max(0, startIndex));
        int to = pageSize == null || pageSize <= 0 ? all.size() : (int) Math.min(all.size(), from + pageSize);
        return new Pair<>(new ArrayList<>(all.subList(from, to)), all.size());
    }

    /** The profile with its effective tuning under the zone's settings (null zone: global settings). */
    /** The profile bound to the network or VPC, or null when none is (or its offering is no longer a profile). */
    public ServiceOfferingVO boundProfile(BindingScope scope) {
        String uuid = bindingStore.boundProfile(scope);
        if (uuid == null) {
            return null;
        }
        ServiceOfferingVO offering = serviceOfferingDao.findByUuid(uuid);
        return offering != null && isProfile(offering.getId()) ? offering : null;
    }

    public ProfileView view(ServiceOfferingVO offering, Long zoneId) {
        RouterProfile profile = toProfile(offering);
        SizingModel model = settings.sizingModel(zoneId);
        KernelTuning tuning = profile.effectiveTuning(model);
        return new ProfileView(offering, profile, usesLocalStorage(offering), isAdopted(offering.getId()),
                tuning, bindingStore.countNetworks(offering.getUuid()), bindingStore.countVpcs(offering.getUuid()),
                ConntrackBudget.of(tuning, profile.getSize(), model.getAssumptions()));
    }

    /**
     * The profile's effective conntrack max and buckets against its RAM budget. Global settings: a profile is
     * cloud-wide, its routers may run in any zone.
     */
    public ConntrackBudget conntrackBudget(RouterProfile profile) {
        SizingModel model = settings.sizingModel(null);
        return ConntrackBudget.of(profile.effectiveTuning(model), profile.getSize(), model.getAssumptions());
    }

    /** The VR runs vm.panic_on_oom=1: a table that cannot fit is a reboot loop, refused unless forced. */
    private void checkConntrackBudget(RouterProfile profile, boolean force) {
        ConntrackBudget budget = conntrackBudget(profile);
        if (budget.fits()) {
            return;
        }
        if (force) {
            LOG.warn("Virtual router profile {} accepted with forced=true although {}", profile.getName(),
                    budget.describe());
            return;
        }
        throw VrScalingErrors.badInput(String.format(Locale.ROOT, "Profile '%s' (%d MiB) cannot hold a full "
                + "conntrack table: %s (vrscaling.conntrack.memory.fraction, vrscaling.conntrack.bytes.per.entry). "
                + "The virtual router panics and reboots when it runs out of memory (vm.panic_on_oom=1). Lower "
                + "conntrackmax/conntrackbuckets, give the profile more memory, or pass forced=true to accept it",
                profile.getName(), profile.getSize().getMemoryMib(), budget.describe()));
    }

    public RouterProfile toProfile(ServiceOfferingVO offering) {
        try {
            return new RouterProfile(offering.getName(), sizeOf(offering), overridesOf(offering));
        } catch (IllegalArgumentException e) {
            throw VrScalingErrors.failed("Virtual router profile " + offering.getName() + " (" + offering.getUuid()
                    + ") has invalid stored values: " + e.getMessage());
        }
    }

    /** Whether routers of this offering put their root volume on local storage (its disk offering says so). */
    public boolean usesLocalStorage(ServiceOfferingVO offering) {
        if (offering.getDiskOfferingId() == null) {
            return false;
        }
        DiskOfferingVO disk = diskOfferingDao.findByIdIncludingRemoved(offering.getDiskOfferingId());
        return disk != null && disk.isUseLocalStorage();
    }

    public boolean isProfile(long offeringId) {
        return Boolean.TRUE.toString().equalsIgnoreCase(offeringDetailsDao.getDetail(offeringId,
                VrScalingDetails.PROFILE));
    }

    private boolean isAdopted(long offeringId) {
        return Boolean.TRUE.toString().equalsIgnoreCase(offeringDetailsDao.getDetail(offeringId,
                VrScalingDetails.ADOPTED));
    }

    private TuningOverrides overridesOf(ServiceOfferingVO offering) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (Map.Entry<String, String> detail : offeringDetailsDao.listDetailsKeyPairs(offering.getId()).entrySet()) {
            String key = detail.getKey();
            if (key.startsWith(VrScalingDetails.PREFIX)
                    && TuningKey.byName(key.substring(VrScalingDetails.PREFIX.length())) != null) {
                raw.put(key.substring(VrScalingDetails.PREFIX.length()), detail.getValue());
            }
        }
        return TuningOverrides.parse(raw);
    }

    private void writeProfileDetails(long offeringId, TuningOverrides overrides, boolean adopted) {
        for (Map.Entry<String, String> entry : overrides.toDetails().entrySet()) {
            offeringDetailsDao.addDetail(offeringId, VrScalingDetails.PREFIX + entry.getKey(), entry.getValue(), false);
        }
        if (adopted) {
            offeringDetailsDao.addDetail(offeringId, VrScalingDetails.ADOPTED, Boolean.TRUE.toString(), false);
        }
        // The marker goes last: a profile is listed only once it is complete.
        offeringDetailsDao.addDetail(offeringId, VrScalingDetails.PROFILE, Boolean.TRUE.toString(), false);
    }

    /** The prefix and as much of a random UUID (hex digits, no dashes) as the column holds: 22 digits, 88 bits. */
    static String uniqueName() {
        String random = UUID.randomUUID().toString().replace("-", "");
        return UNIQUE_NAME_PREFIX + random.substring(0, UNIQUE_NAME_MAX - UNIQUE_NAME_PREFIX.length());
    }

    private static RouterSize sizeOf(ServiceOfferingVO offering) {
        return new RouterSize(offering.getCpu(), offering.getSpeed(), offering.getRamSize());
    }

    private static RouterSize size(int cpus, int mhz, int memory) {
        try {
            return new RouterSize(cpus, mhz, memory);
        } catch (IllegalArgumentException e) {
            throw VrScalingErrors.badInput(e.getMessage());
        }
    }

    private static RouterProfile profile(String name, RouterSize size, TuningOverrides overrides) {
        try {
            return new RouterProfile(name, size, overrides);
        } catch (IllegalArgumentException e) {
            throw VrScalingErrors.badInput(e.getMessage());
        }
    }

    private static TuningOverrides overrides(Map<TuningKey, Long> values) {
        try {
            return TuningOverrides.of(values);
        } catch (IllegalArgumentException e) {
            throw VrScalingErrors.badInput(e.getMessage());
        }
    }

    /** CloudStack's createServiceOffering semantics: shared unless "local"; anything else is refused. */
    static boolean parseStorageType(String storageType) {
        if (storageType == null || storageType.trim().isEmpty()
                || STORAGE_SHARED.equalsIgnoreCase(storageType.trim())) {
            return false;
        }
        if (STORAGE_LOCAL.equalsIgnoreCase(storageType.trim())) {
            return true;
        }
        throw VrScalingErrors.badInput("storagetype must be " + STORAGE_SHARED + " or " + STORAGE_LOCAL + " (got '"
                + storageType + "')");
    }

    private static String requireText(String value, String parameter) {
        if (value == null || value.trim().isEmpty()) {
            throw VrScalingErrors.badInput(parameter + " must not be empty");
        }
        return value.trim();
    }

    private static boolean contains(String text, String keyword) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(keyword.toLowerCase(Locale.ROOT));
    }
}
