package org.apache.cloudstack.vrscaling.core.lifecycle;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class LifecycleRulesTest {
    @Test
    public void startRequestedFromStoppedPreparesTheStart() {
        assertEquals(LifecycleAction.PREPARE_START, RouterTransitionRule.decide("Stopped", "StartRequested", "Starting"));
    }

    @Test
    public void successfulStartAndOutOfBandPowerOnMeanTheRouterIsRunning() {
        assertEquals(LifecycleAction.ROUTER_RUNNING,
                RouterTransitionRule.decide("Starting", "OperationSucceeded", "Running"));
        assertEquals(LifecycleAction.ROUTER_RUNNING,
                RouterTransitionRule.decide("Stopped", "FollowAgentPowerOnReport", "Running"));
        assertEquals(LifecycleAction.ROUTER_RUNNING,
                RouterTransitionRule.decide("Stopping", "FollowAgentPowerOnReport", "Running"));
    }

    @Test
    public void powerReportNoiseAndOtherTransitionsDoNothing() {
        assertEquals(LifecycleAction.NONE, RouterTransitionRule.decide("Running", "FollowAgentPowerOnReport", "Running"));
        assertEquals(LifecycleAction.NONE, RouterTransitionRule.decide("Starting", "OperationRetry", "Starting"));
        assertEquals(LifecycleAction.NONE, RouterTransitionRule.decide("Running", "StopRequested", "Stopping"));
        assertEquals(LifecycleAction.NONE, RouterTransitionRule.decide("Stopping", "OperationSucceeded", "Stopped"));
        assertEquals(LifecycleAction.NONE, RouterTransitionRule.decide("Migrating", "OperationSucceeded", "Running"));
        assertEquals(LifecycleAction.NONE, RouterTransitionRule.decide(null, "StartRequested", "Starting"));
    }

    @Test
    public void onlySuccessfulRouterReplacingJobsAreFollowedUp() {
        assertTrue(RestartJobRule.needsReconcile("org.apache.cloudstack.api.command.user.network.RestartNetworkCmd",
                "SUCCEEDED"));
        assertTrue(RestartJobRule.needsReconcile("org.apache.cloudstack.api.command.user.vpc.RestartVPCCmd",
                "SUCCEEDED"));
        assertFalse(RestartJobRule.needsReconcile("org.apache.cloudstack.api.command.user.network.RestartNetworkCmd",
                "FAILED"));
        assertFalse(RestartJobRule.needsReconcile("org.apache.cloudstack.api.command.user.network.RestartNetworkCmd",
                "IN_PROGRESS"));
        assertFalse(RestartJobRule.needsReconcile("org.apache.cloudstack.api.command.admin.router.RebootRouterCmd",
                "SUCCEEDED"));
        assertFalse(RestartJobRule.needsReconcile(null, "SUCCEEDED"));
    }
}
