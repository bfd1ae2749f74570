package org.apache.cloudstack.vrscaling.core.plan;

/** One reason a plan cannot be made safely. */
public final class Refusal {
    /** Why, in a form the API layer maps to an error code. */
    public enum Code {
        /** A router is in Error, Unknown or Shutdown. */
        ROUTER_UNHEALTHY,
        /** A router is starting, stopping, migrating or restoring. */
        ROUTER_IN_TRANSITION,
        /** A redundant pair is not fully Running (rescaling would take the network down). */
        REDUNDANT_MEMBER_NOT_RUNNING,
        /** Both redundant members claim PRIMARY. */
        SPLIT_BRAIN,
        /** The target size is below the floor a router needs. */
        BELOW_FLOOR
    }

    private final Code code;
    private final String routerName;
    private final String message;

    public Refusal(Code code, String routerName, String message) {
        this.code = code;
        this.routerName = routerName;
        this.message = message;
    }

    public Code getCode() {
        return code;
    }

    /** The router concerned, or null when the refusal is about the whole plan. */
    public String getRouterName() {
        return routerName;
    }

    public String getMessage() {
        return message;
    }

    @Override
    public String toString() {
        return message;
    }
}
