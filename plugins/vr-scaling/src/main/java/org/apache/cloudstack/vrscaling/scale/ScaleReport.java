package org.apache.cloudstack.vrscaling.scale;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.core.plan.RollingPlan;
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;

import com.cloud.service.ServiceOfferingVO;

/** The outcome of a scale call: the plan, what each router went through, and what operators should know. */
public final class ScaleReport {
    private final BindingScope scope;
    private final ServiceOfferingVO profileOffering;
    private final boolean dryRun;
    private final boolean bound;
    private final RollingPlan plan;
    private final KernelTuning tuning;
    private final List<RouterReport> routers;
    private final List<String> warnings;
    private final Map<Long, ServiceOfferingVO> offerings;

    public ScaleReport(BindingScope scope, ServiceOfferingVO profileOffering, boolean dryRun, boolean bound,
                       RollingPlan plan, KernelTuning tuning, List<RouterReport> routers, List<String> warnings,
                       Map<Long, ServiceOfferingVO> offerings) {
        this.scope = scope;
        this.profileOffering = profileOffering;
        this.dryRun = dryRun;
        this.bound = bound;
        this.plan = plan;
        this.tuning = tuning;
        this.routers = Collections.unmodifiableList(new ArrayList<>(routers));
        this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
        this.offerings = new HashMap<>(offerings);
    }

    /** An offering the report mentions (routers' previous offerings, the profile's), or null if unknown. */
    public ServiceOfferingVO offering(long offeringId) {
        return offerings.get(offeringId);
    }

    public BindingScope getScope() {
        return scope;
    }

    public ServiceOfferingVO getProfileOffering() {
        return profileOffering;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** True when the network or VPC now carries the profile binding. */
    public boolean isBound() {
        return bound;
    }

    public RollingPlan getPlan() {
        return plan;
    }

    public KernelTuning getTuning() {
        return tuning;
    }

    public List<RouterReport> getRouters() {
        return routers;
    }

    public List<String> getWarnings() {
        return warnings;
    }
}
