package org.apache.cloudstack.vrscaling.profile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;

/** What createVirtualRouterProfile asks for, free of the API layer. */
public final class ProfileSpec {
    private final String name;
    private final String displayText;
    private final Integer cpuNumber;
    private final Integer cpuSpeed;
    private final Integer memory;
    private final Long adoptOfferingId;
    private final String storageType;
    private final Map<TuningKey, Long> overrides;
    private final boolean force;

    public ProfileSpec(String name, String displayText, Integer cpuNumber, Integer cpuSpeed, Integer memory,
                       Long adoptOfferingId, String storageType, Map<TuningKey, Long> overrides) {
        this(name, displayText, cpuNumber, cpuSpeed, memory, adoptOfferingId, storageType, overrides, false);
    }

    /** @param force accept a conntrack table that does not fit the profile's RAM budget */
    public ProfileSpec(String name, String displayText, Integer cpuNumber, Integer cpuSpeed, Integer memory,
                       Long adoptOfferingId, String storageType, Map<TuningKey, Long> overrides, boolean force) {
        this.force = force;
        this.name = name;
        this.displayText = displayText;
        this.cpuNumber = cpuNumber;
        this.cpuSpeed = cpuSpeed;
        this.memory = memory;
        this.adoptOfferingId = adoptOfferingId;
        this.storageType = storageType;
        EnumMap<TuningKey, Long> copy = new EnumMap<>(TuningKey.class);
        if (overrides != null) {
            copy.putAll(overrides);
        }
        this.overrides = Collections.unmodifiableMap(copy);
    }

    public String getName() {
        return name;
    }

    public String getDisplayText() {
        return displayText;
    }

    public Integer getCpuNumber() {
        return cpuNumber;
    }

    public Integer getCpuSpeed() {
        return cpuSpeed;
    }

    public Integer getMemory() {
        return memory;
    }

    public Long getAdoptOfferingId() {
        return adoptOfferingId;
    }

    public String getStorageType() {
        return storageType;
    }

    public Map<TuningKey, Long> getOverrides() {
        return overrides;
    }

    public boolean isForce() {
        return force;
    }
}
