package org.apache.cloudstack.vrscaling.core.plan;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a plan would be unsafe; carries every reason, not just the first. */
public final class PlanRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Refusal> refusals;

    public PlanRefusedException(List<Refusal> refusals) {
        super(refusals.stream().map(Refusal::getMessage).collect(Collectors.joining("; ")));
        this.refusals = Collections.unmodifiableList(refusals);
    }

    public List<Refusal> getRefusals() {
        return refusals;
    }

    public boolean has(Refusal.Code code) {
        return refusals.stream().anyMatch(r -> r.getCode() == code);
    }
}
