package org.apache.cloudstack.vrscaling.core.diagnosis;

import java.util.Collections;
import java.util.List;

import org.apache.cloudstack.vrscaling.core.advisor.SizeRung;

/** The findings for one router and the size VR Scale recommends for it. */
public final class Diagnosis {
    private final List<Finding> findings;
    private final SizeRung recommended;
    private final boolean resizeAdvised;
    private final String recommendation;

    Diagnosis(List<Finding> findings, SizeRung recommended, boolean resizeAdvised, String recommendation) {
        this.findings = Collections.unmodifiableList(findings);
        this.recommended = recommended;
        this.resizeAdvised = resizeAdvised;
        this.recommendation = recommendation;
    }

    public List<Finding> getFindings() {
        return findings;
    }

    public boolean isHealthy() {
        return findings.isEmpty();
    }

    public boolean has(Finding.Code code) {
        return findings.stream().anyMatch(f -> f.getCode() == code);
    }

    /** The smallest size that holds the measured peak and cures memory/CPU findings. */
    public SizeRung getRecommended() {
        return recommended;
    }

    /** False when the router is fine as sized, or when resizing would not help (host contention). */
    public boolean isResizeAdvised() {
        return resizeAdvised;
    }

    public String getRecommendation() {
        return recommendation;
    }
}
