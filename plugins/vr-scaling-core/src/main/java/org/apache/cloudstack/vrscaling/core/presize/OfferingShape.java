package org.apache.cloudstack.vrscaling.core.presize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything about a network or VPC offering that changes how CloudStack runs a network on it, as plain strings:
 * attributes (flags, type, tags, mode...) and services with their providers. A derived offering must have exactly
 * the shape of its source, or switching a live network to it could change the network's behaviour.
 */
public final class OfferingShape {
    private final Map<String, String> attributes;
    private final Map<String, Set<String>> services;

    private OfferingShape(Map<String, String> attributes, Map<String, Set<String>> services) {
        this.attributes = Collections.unmodifiableMap(attributes);
        this.services = Collections.unmodifiableMap(services);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, String> getAttributes() {
        return attributes;
    }

    public Map<String, Set<String>> getServices() {
        return services;
    }

    public boolean has(String service) {
        return services.containsKey(service);
    }

    /** "true" when the attribute is "true" (attributes that are absent count as false). */
    public boolean flag(String attribute) {
        return Boolean.parseBoolean(attributes.get(attribute));
    }

    /**
     * Where the other offering differs from this one, one readable line per difference; empty when they have the
     * same shape.
     */
    public List<String> differencesFrom(OfferingShape other) {
        List<String> differences = new ArrayList<>();
        Set<String> names = new TreeSet<>(attributes.keySet());
        names.addAll(other.attributes.keySet());
        for (String name : names) {
            String mine = attributes.get(name);
            String theirs = other.attributes.get(name);
            if (!Objects.equals(mine, theirs)) {
                differences.add(name + ": " + mine + " vs " + theirs);
            }
        }
        Set<String> serviceNames = new TreeSet<>(services.keySet());
        serviceNames.addAll(other.services.keySet());
        for (String service : serviceNames) {
            Set<String> mine = services.get(service);
            Set<String> theirs = other.services.get(service);
            if (!Objects.equals(mine, theirs)) {
                differences.add("service " + service + ": " + (mine == null ? "absent" : mine) + " vs "
                        + (theirs == null ? "absent" : theirs));
            }
        }
        return differences;
    }

    /** Collects attributes and services; values are stored with String.valueOf, null stays null. */
    public static final class Builder {
        private final Map<String, String> attributes = new TreeMap<>();
        private final Map<String, Set<String>> services = new TreeMap<>();

        public Builder attribute(String name, Object value) {
            attributes.put(name, value == null ? null : String.valueOf(value));
            return this;
        }

        /** A set of ids (domains, zones) as one attribute, order-independent. */
        public Builder ids(String name, List<Long> ids) {
            return attribute(name, ids == null ? new TreeSet<Long>() : new TreeSet<>(ids));
        }

        public Builder provider(String service, String provider) {
            services.computeIfAbsent(service, s -> new TreeSet<>()).add(provider);
            return this;
        }

        /** Adds the attribute only when it means something for the services and flags added so far. */
        public Builder flagFor(String name, boolean value) {
            return OfferingAttributes.meaningful(name, services.keySet(), attributes) ? attribute(name, value) : this;
        }

        public OfferingShape build() {
            Map<String, Set<String>> copy = new TreeMap<>();
            services.forEach((service, providers) -> copy.put(service,
                    Collections.unmodifiableSet(new TreeSet<>(providers))));
            return new OfferingShape(new TreeMap<>(attributes), copy);
        }
    }
}
