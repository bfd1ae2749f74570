package org.apache.cloudstack.vrscaling.binding;

import java.util.Objects;

/** What a profile is bound to and a plan runs on: one isolated network or one VPC. */
public final class BindingScope {
    /** The kind of resource holding the binding. */
    public enum Type { NETWORK, VPC }

    private final Type type;
    private final long id;
    private final String uuid;
    private final String name;
    private final long zoneId;

    public BindingScope(Type type, long id, String uuid, String name, long zoneId) {
        this.type = Objects.requireNonNull(type, "type");
        this.id = id;
        this.uuid = uuid;
        this.name = name;
        this.zoneId = zoneId;
    }

    public Type getType() {
        return type;
    }

    public long getId() {
        return id;
    }

    public String getUuid() {
        return uuid;
    }

    public String getName() {
        return name;
    }

    public long getZoneId() {
        return zoneId;
    }

    public boolean isVpc() {
        return type == Type.VPC;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BindingScope)) {
            return false;
        }
        BindingScope other = (BindingScope) o;
        return type == other.type && id == other.id;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, id);
    }

    @Override
    public String toString() {
        return (type == Type.VPC ? "VPC " : "network ") + name + " (" + uuid + ")";
    }
}
