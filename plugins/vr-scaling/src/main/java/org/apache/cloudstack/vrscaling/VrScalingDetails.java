package org.apache.cloudstack.vrscaling;

import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;

/** Detail keys VR Scale writes; all namespaced so they never collide with CloudStack's own details. */
public final class VrScalingDetails {
    public static final String PREFIX = "vrscaling.";
    /** On a service offering: "true" marks it a profile. On a network or VPC: the bound profile's offering uuid. */
    public static final String PROFILE = PREFIX + "profile";
    /** On a service offering: the profile adopted an existing offering, so deleting it must keep the offering. */
    public static final String ADOPTED = PREFIX + "adopted";
    /** On a network or VPC: RUNNING, DONE or FAILED for the last scale plan. */
    public static final String STATE = PREFIX + "state";
    /** On a network or VPC: the step the last plan was at ("2/3 r-12-VM START"). */
    public static final String STEP = PREFIX + "step";
    /**
     * On a network or VPC: routers the running plan stopped, as "routerId@previousOfferingId" (older plans wrote
     * ids alone), so a clean-up can start them again, at their previous size when the new one does not start.
     */
    public static final String TOUCHED = PREFIX + "touched";
    /** On a network or VPC: the host name of the management server that runs the plan, for people. */
    public static final String OWNER = PREFIX + "owner";
    /** On a network or VPC: the id (mshost.msid) of the management server that runs the plan. */
    public static final String OWNER_MSID = PREFIX + "owner.msid";
    /** On a network or VPC: when the last plan started (epoch milliseconds): start-up recovery skips newer ones. */
    public static final String STARTED = PREFIX + "started";
    /** On a network or VPC: automatic rescales that failed in a row, since the last success or API scale/reset. */
    public static final String AUTO_FAILURES = PREFIX + "auto.failures";
    /** On a network or VPC: no automatic rescale before this time (epoch milliseconds) after failures. */
    public static final String AUTO_RETRY_AFTER = PREFIX + "auto.retry.after";
    /** On a network or VPC: what happened, for people. */
    public static final String NOTE = PREFIX + "note";

    /** On a network or VPC: id of the network/VPC offering VR Scale switched it away from (pre-sizing). */
    public static final String PRESIZE_SOURCE = PREFIX + "presize.source";
    /** On a network or VPC: id of the derived offering VR Scale switched it to (pre-sizing). */
    public static final String PRESIZE_DERIVED = PREFIX + "presize.derived";
    /** On a network or VPC: id of the profile offering the derived offering starts routers at. */
    public static final String PRESIZE_PROFILE = PREFIX + "presize.profile";

    /**
     * On a router (vm_instance_details): "true" once VR Scale set its NIC queue detail or pushed tuning to it, written
     * before the first such change. After its network/VPC is unbound, clean-up runs for every router carrying it (or
     * the older digest), whether its pushes succeeded or not; removed with the tuning file.
     */
    public static final String ROUTER_MANAGED = PREFIX + "managed";

    public static final String STATE_RUNNING = "RUNNING";
    public static final String STATE_DONE = "DONE";
    public static final String STATE_FAILED = "FAILED";

    private VrScalingDetails() {
    }

    /** The offering detail holding a tuning override. */
    public static String tuningKey(TuningKey key) {
        return PREFIX + key.parameterName();
    }
}
