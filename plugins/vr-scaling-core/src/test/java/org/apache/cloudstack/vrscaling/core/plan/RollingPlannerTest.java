package org.apache.cloudstack.vrscaling.core.plan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.junit.Test;

public class RollingPlannerTest {
    private static final long OLD_OFFERING = 10;
    private static final long NEW_OFFERING = 20;
    private static final RouterSize OLD_SIZE = new RouterSize(1, 500, 256);
    private static final PlanTarget TARGET = new PlanTarget(NEW_OFFERING, new RouterSize(2, 2000, 2048), 2);

    private final RollingPlanner planner = new RollingPlanner();

    private static RouterObservation single(String name, RouterRunState state) {
        return new RouterObservation(1, "uuid-" + name, name, state, false, null, OLD_OFFERING, OLD_SIZE, 5L, null);
    }

    private static RouterObservation member(long id, String name, RedundantRole role) {
        return member(id, name, role, RouterRunState.RUNNING, OLD_OFFERING, null);
    }

    private static RouterObservation member(long id, String name, RedundantRole role, RouterRunState state,
                                            long offering, Integer queues) {
        return new RouterObservation(id, "uuid-" + name, name, state, true, role, offering, OLD_SIZE, 5L + id,
                queues);
    }

    private RollingPlan plan(RouterObservation... routers) {
        try {
            return planner.plan(Arrays.asList(routers), TARGET);
        } catch (PlanRefusedException e) {
            throw new AssertionError("unexpected refusal: " + e.getMessage(), e);
        }
    }

    private PlanRefusedException refused(PlanTarget target, RouterObservation... routers) {
        try {
            planner.plan(Arrays.asList(routers), target);
        } catch (PlanRefusedException e) {
            return e;
        }
        fail("plan should have been refused");
        return null;
    }

    @Test
    public void singleRunningRouterRebootsOnceWithAFullOutageAndKnowsHowToRevert() {
        RollingPlan plan = plan(single("r-1-VM", RouterRunState.RUNNING));
        assertEquals(1, plan.getSteps().size());
        RouterStep step = plan.getSteps().get(0);
        assertEquals(Arrays.asList(StepAction.STOP, StepAction.CHANGE_OFFERING, StepAction.SET_NIC_QUEUES,
                StepAction.START, StepAction.WAIT_RUNNING, StepAction.PUSH_TUNING, StepAction.VERIFY),
                step.getActions());
        assertEquals(Arrays.asList(StepAction.CHANGE_OFFERING, StepAction.SET_NIC_QUEUES, StepAction.START),
                step.getRevert());
        assertEquals(Interruption.OUTAGE, step.getInterruption());
        assertEquals(RollingPlanner.DEFAULT_OUTAGE_SECONDS, step.getInterruptionSeconds());
        assertEquals(OLD_OFFERING, step.getFromOfferingId());
        assertEquals(NEW_OFFERING, step.getTargetOfferingId());
        assertEquals(1, step.getFromNicQueues());
        assertEquals(2, step.getTargetNicQueues());
        assertEquals(1, plan.totalReboots());
    }

    @Test
    public void redundantPairRestartsBackupFirstAndPrimaryLastWithOneFailover() {
        // given in the "wrong" order on purpose
        RollingPlan plan = plan(member(1, "r-1-VM", RedundantRole.PRIMARY), member(2, "r-2-VM", RedundantRole.BACKUP));
        assertEquals("r-2-VM", plan.getSteps().get(0).getRouter().getName());
        assertEquals("r-1-VM", plan.getSteps().get(1).getRouter().getName());
        assertEquals(Interruption.NONE, plan.getSteps().get(0).getInterruption());
        assertEquals(Interruption.FAILOVER, plan.getSteps().get(1).getInterruption());
        assertTrue(plan.getSteps().get(0).getActions().contains(StepAction.WAIT_REDUNDANT_ROLE));
        assertEquals(2, plan.totalReboots());
        assertEquals(RollingPlanner.DEFAULT_FAILOVER_SECONDS, plan.totalInterruptionSeconds());
        assertTrue(plan.getWarnings().isEmpty());
    }

    @Test
    public void routersAlreadyAtTargetOnlyGetTuningSoRerunningIsIdempotent() {
        RouterObservation done1 = member(1, "r-1-VM", RedundantRole.PRIMARY, RouterRunState.RUNNING, NEW_OFFERING, 2);
        RouterObservation done2 = member(2, "r-2-VM", RedundantRole.BACKUP, RouterRunState.RUNNING, NEW_OFFERING, 2);
        RollingPlan plan = plan(done1, done2);
        assertTrue(plan.restartsNothing());
        assertEquals(0, plan.totalInterruptionSeconds());
        for (RouterStep step : plan.getSteps()) {
            assertEquals(Arrays.asList(StepAction.PUSH_TUNING, StepAction.VERIFY), step.getActions());
            assertTrue(step.getRevert().isEmpty());
        }
    }

    @Test
    public void tuningOnlyRoutersComeBeforeRoutersThatRestart() {
        RouterObservation done = member(1, "r-1-VM", RedundantRole.PRIMARY, RouterRunState.RUNNING, NEW_OFFERING, 2);
        RollingPlan plan = plan(done, member(2, "r-2-VM", RedundantRole.BACKUP));
        assertEquals("r-1-VM", plan.getSteps().get(0).getRouter().getName());
        assertEquals(0, plan.getSteps().get(0).getReboots());
        assertEquals(1, plan.totalReboots());
    }

    @Test
    public void queueChangeAloneStillNeedsARestartButNoOfferingChange() {
        RouterObservation router = new RouterObservation(1, "u", "r-1-VM", RouterRunState.RUNNING, false, null,
                NEW_OFFERING, TARGET.getSize(), 5L, 1);
        RouterStep step = plan(router).getSteps().get(0);
        assertEquals(Arrays.asList(StepAction.STOP, StepAction.SET_NIC_QUEUES, StepAction.START,
                StepAction.WAIT_RUNNING, StepAction.PUSH_TUNING, StepAction.VERIFY), step.getActions());
    }

    @Test
    public void onVmwareAndXenServerThePlanNeverSetsNicQueuesAndSaysWhy() {
        for (String hypervisor : new String[] {"VMware", "XenServer"}) {
            RouterObservation router = new RouterObservation(1, "u", "r-1-VM", RouterRunState.RUNNING, false, null,
                    OLD_OFFERING, OLD_SIZE, 5L, null, hypervisor);

            RollingPlan plan = plan(router);

            RouterStep step = plan.getSteps().get(0);
            assertEquals(hypervisor, Arrays.asList(StepAction.STOP, StepAction.CHANGE_OFFERING, StepAction.START,
                    StepAction.WAIT_RUNNING, StepAction.PUSH_TUNING, StepAction.VERIFY), step.getActions());
            assertEquals(Arrays.asList(StepAction.CHANGE_OFFERING, StepAction.START), step.getRevert());
            assertEquals(step.getFromNicQueues(), step.getTargetNicQueues());
            assertTrue(plan.getWarnings().toString(), plan.getWarnings().stream().anyMatch(w -> w.startsWith(
                    "NIC queues on " + (hypervisor.equals("VMware") ? "VMware" : "XenServer/XCP-ng")
                            + " are left alone")));
        }
    }

    @Test
    public void aQueueOnlyDifferenceIsNoChangeOnVmware() {
        RouterObservation router = new RouterObservation(1, "u", "r-1-VM", RouterRunState.RUNNING, false, null,
                NEW_OFFERING, TARGET.getSize(), 5L, 1, "VMware");

        RouterStep step = plan(router).getSteps().get(0);

        assertEquals(Arrays.asList(StepAction.PUSH_TUNING, StepAction.VERIFY), step.getActions());
        assertEquals(0, step.getReboots());
    }

    @Test
    public void onKvmTheQueuesArePlannedAndNoNoteIsAdded() {
        RouterObservation router = new RouterObservation(1, "u", "r-1-VM", RouterRunState.RUNNING, false, null,
                OLD_OFFERING, OLD_SIZE, 5L, null, "KVM");

        RollingPlan plan = plan(router);

        assertTrue(plan.getSteps().get(0).getActions().contains(StepAction.SET_NIC_QUEUES));
        assertEquals(2, plan.getSteps().get(0).getTargetNicQueues());
        assertTrue(plan.getWarnings().toString(), plan.getWarnings().stream().noneMatch(w -> w.contains("NIC queues")));
    }

    @Test
    public void stoppedRouterOnlyChangesSettingsAndIsNotStarted() {
        RouterStep step = plan(single("r-1-VM", RouterRunState.STOPPED)).getSteps().get(0);
        assertEquals(Arrays.asList(StepAction.CHANGE_OFFERING, StepAction.SET_NIC_QUEUES), step.getActions());
        assertEquals(0, step.getReboots());
        assertEquals(Interruption.NONE, step.getInterruption());
        assertTrue(!step.getRevert().contains(StepAction.START));
    }

    @Test
    public void routerInErrorOrUnknownIsRefused() {
        PlanRefusedException e = refused(TARGET, single("r-1-VM", RouterRunState.ERROR));
        assertTrue(e.has(Refusal.Code.ROUTER_UNHEALTHY));
        assertEquals("r-1-VM", e.getRefusals().get(0).getRouterName());
        assertTrue(refused(TARGET, single("r-1-VM", RouterRunState.UNKNOWN)).has(Refusal.Code.ROUTER_UNHEALTHY));
        assertTrue(refused(TARGET, single("r-1-VM", RouterRunState.MIGRATING))
                .has(Refusal.Code.ROUTER_IN_TRANSITION));
    }

    @Test
    public void redundantPairWithAMemberDownIsRefused() {
        PlanRefusedException e = refused(TARGET, member(1, "r-1-VM", RedundantRole.PRIMARY),
                member(2, "r-2-VM", RedundantRole.UNKNOWN, RouterRunState.STOPPED, OLD_OFFERING, null));
        assertTrue(e.has(Refusal.Code.REDUNDANT_MEMBER_NOT_RUNNING));
        assertTrue(e.getMessage().contains("r-2-VM [STOPPED"));
        // a lone running member of a redundant network is refused too
        assertTrue(refused(TARGET, member(1, "r-1-VM", RedundantRole.PRIMARY))
                .has(Refusal.Code.REDUNDANT_MEMBER_NOT_RUNNING));
    }

    @Test
    public void bothMembersStoppedIsAllowedAsASettingsChange() {
        RollingPlan plan = plan(
                member(1, "r-1-VM", RedundantRole.UNKNOWN, RouterRunState.STOPPED, OLD_OFFERING, null),
                member(2, "r-2-VM", RedundantRole.UNKNOWN, RouterRunState.STOPPED, OLD_OFFERING, null));
        assertEquals(0, plan.totalReboots());
    }

    @Test
    public void twoPrimariesAreASplitBrainAndRefused() {
        assertTrue(refused(TARGET, member(1, "r-1-VM", RedundantRole.PRIMARY),
                member(2, "r-2-VM", RedundantRole.PRIMARY)).has(Refusal.Code.SPLIT_BRAIN));
    }

    @Test
    public void noPrimaryProceedsOneAtATimeAndSaysSo() {
        RollingPlan plan = plan(member(1, "r-1-VM", RedundantRole.BACKUP), member(2, "r-2-VM", RedundantRole.BACKUP));
        assertEquals(1, plan.getWarnings().size());
        assertTrue(plan.getWarnings().get(0).contains("No redundant member reports PRIMARY"));
        for (RouterStep step : plan.getSteps()) {
            assertEquals(Interruption.FAILOVER, step.getInterruption());
            assertTrue(step.getActions().contains(StepAction.WAIT_REDUNDANT_ROLE));
        }
    }

    @Test
    public void targetBelowTheFloorIsRefusedAndEveryReasonIsReported() {
        PlanTarget tiny = new PlanTarget(NEW_OFFERING, new RouterSize(1, 500, 128), 1);
        PlanRefusedException e = refused(tiny, single("r-1-VM", RouterRunState.ERROR));
        assertTrue(e.has(Refusal.Code.BELOW_FLOOR));
        assertTrue(e.has(Refusal.Code.ROUTER_UNHEALTHY));
        assertEquals(2, e.getRefusals().size());
    }

    @Test
    public void downsizingIsAllowedButWarned() {
        RouterObservation big = new RouterObservation(1, "u", "r-1-VM", RouterRunState.RUNNING, false, null,
                OLD_OFFERING, new RouterSize(4, 2000, 4096), 5L, 4);
        RollingPlan plan = plan(big);
        assertEquals(1, plan.getWarnings().size());
        assertTrue(plan.getWarnings().get(0).contains("downsized"));
    }

    @Test
    public void destroyedRoutersAreLeftOutAndNoRoutersIsNotAnError() {
        RouterObservation gone = single("r-9-VM", RouterRunState.EXPUNGING);
        RollingPlan plan = plan(gone);
        assertTrue(plan.getSteps().isEmpty());
        assertTrue(plan.getWarnings().get(0).contains("No routers exist yet"));
        try {
            assertTrue(planner.plan(Collections.<RouterObservation>emptyList(), TARGET).getSteps().isEmpty());
        } catch (PlanRefusedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    public void cloudStackStateNamesMapOntoRunStates() {
        assertEquals(RouterRunState.RUNNING, RouterRunState.fromName("Running"));
        assertEquals(RouterRunState.UNKNOWN, RouterRunState.fromName("Levitating"));
        assertEquals(RedundantRole.NONE, RedundantRole.fromName(null));
        assertEquals(RedundantRole.BACKUP, RedundantRole.fromName("BACKUP"));
        List<RouterRunState> gone = Arrays.asList(RouterRunState.DESTROYED, RouterRunState.EXPUNGING);
        for (RouterRunState state : RouterRunState.values()) {
            assertEquals(gone.contains(state), state.isGone());
        }
    }
}
