package org.apache.cloudstack.vrscaling;

/** Event types recorded for VR Scale operations (shown by listEvents and the UI). */
public final class VrScalingEventTypes {
    public static final String PROFILE_CREATE = "VRSCALING.PROFILE.CREATE";
    public static final String PROFILE_UPDATE = "VRSCALING.PROFILE.UPDATE";
    public static final String PROFILE_DELETE = "VRSCALING.PROFILE.DELETE";
    public static final String SCALE = "VRSCALING.SCALE";
    public static final String PROFILE_RESET = "VRSCALING.PROFILE.RESET";
    /** Automatic rescale of a bound network/VPC whose routers came up at another size. */
    public static final String RECONCILE = "VRSCALING.RECONCILE";
    /** A network/VPC switched to or back from a derived offering (pre-sizing of new routers). */
    public static final String PRESIZE = "VRSCALING.PRESIZE";
    /** Automatic tuning push (or removal) when a router reaches Running. */
    public static final String TUNING = "VRSCALING.TUNING";
    public static final String DIAGNOSE = "VRSCALING.DIAGNOSE";
    /** Start-up clean-up of a plan a management server was running when it stopped. */
    public static final String RECOVERY = "VRSCALING.RECOVERY";
    /** An administrator ended a plan its management server no longer runs (clearVirtualRouterProfilePlan). */
    public static final String PLAN_CLEAR = "VRSCALING.PLAN.CLEAR";

    private VrScalingEventTypes() {
    }
}
