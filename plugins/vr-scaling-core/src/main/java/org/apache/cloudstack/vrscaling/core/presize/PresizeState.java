package org.apache.cloudstack.vrscaling.core.presize;

/**
 * What the database says about one network or VPC, as the pre-sizing rule needs it. Offering ids are network (or
 * VPC) offering ids; profile ids are the system offerings that size routers.
 */
public final class PresizeState {
    private final boolean enabled;
    private final Long boundProfileId;
    private final long currentOfferingId;
    private final Long currentRouterOfferingId;
    private final Long recordedSourceId;
    private final Long recordedDerivedId;
    private final Long recordedProfileId;

    /**
     * @param enabled                 vrscaling.presize.enabled for the zone
     * @param boundProfileId          the profile bound to the scope, null when unbound
     * @param currentOfferingId       the network/VPC offering the scope uses now
     * @param currentRouterOfferingId the router offering that offering names (its serviceofferingid), or null
     * @param recordedSourceId        the offering VR Scale switched the scope away from, or null
     * @param recordedDerivedId       the derived offering VR Scale switched the scope to, or null
     * @param recordedProfileId       the profile that derived offering starts routers at, or null
     */
    public PresizeState(boolean enabled, Long boundProfileId, long currentOfferingId, Long currentRouterOfferingId,
                        Long recordedSourceId, Long recordedDerivedId, Long recordedProfileId) {
        if ((recordedSourceId == null) != (recordedDerivedId == null)) {
            throw new IllegalArgumentException("A switch record needs both the source and the derived offering");
        }
        this.enabled = enabled;
        this.boundProfileId = boundProfileId;
        this.currentOfferingId = currentOfferingId;
        this.currentRouterOfferingId = currentRouterOfferingId;
        this.recordedSourceId = recordedSourceId;
        this.recordedDerivedId = recordedDerivedId;
        this.recordedProfileId = recordedProfileId;
    }

    /** A scope VR Scale has never switched. */
    public static PresizeState unswitched(boolean enabled, Long boundProfileId, long currentOfferingId,
                                          Long currentRouterOfferingId) {
        return new PresizeState(enabled, boundProfileId, currentOfferingId, currentRouterOfferingId, null, null, null);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Long getBoundProfileId() {
        return boundProfileId;
    }

    public long getCurrentOfferingId() {
        return currentOfferingId;
    }

    public Long getCurrentRouterOfferingId() {
        return currentRouterOfferingId;
    }

    public Long getRecordedSourceId() {
        return recordedSourceId;
    }

    public Long getRecordedDerivedId() {
        return recordedDerivedId;
    }

    public Long getRecordedProfileId() {
        return recordedProfileId;
    }

    boolean hasRecord() {
        return recordedDerivedId != null;
    }
}
