package org.apache.cloudstack.vrscaling.profile;

import org.apache.cloudstack.vrscaling.core.profile.RouterProfile;
import org.apache.cloudstack.vrscaling.core.sizing.ConntrackBudget;
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;

import com.cloud.service.ServiceOfferingVO;

/** A profile as the API shows it: its offering, size, effective tuning and how much is bound to it. */
public final class ProfileView {
    private final ServiceOfferingVO offering;
    private final RouterProfile profile;
    private final boolean localStorage;
    private final boolean adopted;
    private final KernelTuning tuning;
    private final int networkCount;
    private final int vpcCount;
    private final ConntrackBudget conntrackBudget;
    private final boolean conntrackForced;

    public ProfileView(ServiceOfferingVO offering, RouterProfile profile, boolean localStorage, boolean adopted,
                       KernelTuning tuning, int networkCount, int vpcCount, ConntrackBudget conntrackBudget) {
        this(offering, profile, localStorage, adopted, tuning, networkCount, vpcCount, conntrackBudget, false);
    }

    private ProfileView(ServiceOfferingVO offering, RouterProfile profile, boolean localStorage, boolean adopted,
                        KernelTuning tuning, int networkCount, int vpcCount, ConntrackBudget conntrackBudget,
                        boolean conntrackForced) {
        this.conntrackBudget = conntrackBudget;
        this.conntrackForced = conntrackForced;
        this.offering = offering;
        this.profile = profile;
        this.localStorage = localStorage;
        this.adopted = adopted;
        this.tuning = tuning;
        this.networkCount = networkCount;
        this.vpcCount = vpcCount;
    }

    public ServiceOfferingVO getOffering() {
        return offering;
    }

    public RouterProfile getProfile() {
        return profile;
    }

    public boolean isLocalStorage() {
        return localStorage;
    }

    public String getStorageType() {
        return localStorage ? ProfileService.STORAGE_LOCAL : ProfileService.STORAGE_SHARED;
    }

    public boolean isAdopted() {
        return adopted;
    }

    public KernelTuning getTuning() {
        return tuning;
    }

    public int getNetworkCount() {
        return networkCount;
    }

    public int getVpcCount() {
        return vpcCount;
    }

    /** The profile's conntrack table against its RAM budget (global settings: a profile is cloud-wide). */
    public ConntrackBudget getConntrackBudget() {
        return conntrackBudget;
    }

    /** True when the call that produced this view accepted an over-budget table only because of forced=true. */
    public boolean isConntrackForced() {
        return conntrackForced;
    }

    public ProfileView withConntrackForced() {
        return new ProfileView(offering, profile, localStorage, adopted, tuning, networkCount, vpcCount,
                conntrackBudget, true);
    }
}
