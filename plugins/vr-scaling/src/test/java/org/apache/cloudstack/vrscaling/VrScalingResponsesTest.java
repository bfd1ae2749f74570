package org.apache.cloudstack.vrscaling;

import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.cloudstack.api.response.vrscaling.VirtualRouterProfileResponse;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterScaleResponse;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterScaleRouterResponse;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterTuningResponse;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.core.plan.PlanTarget;
import org.apache.cloudstack.vrscaling.core.plan.RedundantRole;
import org.apache.cloudstack.vrscaling.core.plan.RollingPlan;
import org.apache.cloudstack.vrscaling.core.plan.RollingPlanner;
import org.apache.cloudstack.vrscaling.core.plan.RouterObservation;
import org.apache.cloudstack.vrscaling.core.plan.RouterRunState;
import org.apache.cloudstack.vrscaling.core.profile.RouterProfile;
import org.apache.cloudstack.vrscaling.core.profile.TuningOverrides;
import org.apache.cloudstack.vrscaling.core.sizing.ConntrackBudget;
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.profile.ProfileView;
import org.apache.cloudstack.vrscaling.scale.RouterReport;
import org.apache.cloudstack.vrscaling.scale.ScaleReport;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.service.ServiceOfferingVO;

@RunWith(MockitoJUnitRunner.class)
public class VrScalingResponsesTest {
    private static final RouterSize BIG = new RouterSize(2, 1000, 2048);

    @Test
    public void aProfileShowsItsSizeEffectiveTuningAndBindings() {
        ServiceOfferingVO offering = offering(10L, "big", 2, 1000, 2048);
        RouterProfile profile = new RouterProfile("big", BIG, TuningOverrides.of(Map.of(TuningKey.NIC_QUEUES, 1L)));
        KernelTuning tuning = profile.effectiveTuning(new SizingModel(SizingAssumptions.defaults()));

        VirtualRouterProfileResponse response = VrScalingResponses.profile(new ProfileView(offering, profile, false,
                false, tuning, 3, 1, ConntrackBudget.of(tuning, BIG, SizingAssumptions.defaults())));

        assertEquals("offering-uuid-10", response.getId());
        assertEquals("shared", response.getStorageType());
        assertEquals(Integer.valueOf(3), response.getNetworkCount());
        assertEquals(Integer.valueOf(1), response.getVpcCount());
        assertEquals(TuningKey.values().length, response.getTuning().size());
        assertEquals(Long.valueOf(tuning.totalMemoryBytes()), response.getTuningMemory());
        VirtualRouterTuningResponse queues = response.getTuning().get(TuningKey.NIC_QUEUES.ordinal());
        assertEquals("nicqueues", queues.getName());
        assertEquals("OVERRIDE", queues.getSource());
        assertEquals(Long.valueOf(1L), queues.getValue());
    }

    @Test
    public void aProfileShowsItsConntrackVerdictAndWhetherForceWasNeeded() {
        ServiceOfferingVO offering = offering(11L, "tiny", 1, 500, 256);
        RouterSize tiny = new RouterSize(1, 500, 256);
        RouterProfile profile = new RouterProfile("tiny", tiny, TuningOverrides.of(Map.of(
                TuningKey.CONNTRACK_MAX, 67_108_864L, TuningKey.CONNTRACK_BUCKETS, 16_777_216L)));
        KernelTuning tuning = profile.effectiveTuning(new SizingModel(SizingAssumptions.defaults()));
        ProfileView view = new ProfileView(offering, profile, false, false, tuning, 0, 0,
                ConntrackBudget.of(tuning, tiny, SizingAssumptions.defaults()));

        VirtualRouterProfileResponse listed = VrScalingResponses.profile(view);
        assertFalse(listed.getConntrackFits());
        assertFalse(listed.getConntrackForced());
        // The first shared vector: 256 MiB at 25 % and 400 B per entry.
        assertEquals(Long.valueOf(166_942L), listed.getConntrackMaxAllowed());
        assertTrue(listed.getConntrackVerdict(), listed.getConntrackVerdict().contains("conntrackmax=166942"));

        assertTrue(VrScalingResponses.profile(view.withConntrackForced()).getConntrackForced());
    }

    @Test
    public void aDryRunShowsPlannedStepsOldAndNewOfferingsAndNothingDone() throws Exception {
        ServiceOfferingVO old = offering(1L, "System Offering For Software Router", 1, 500, 256);
        ServiceOfferingVO big = offering(5L, "big", 2, 1000, 2048);
        RouterObservation router = new RouterObservation(11L, "router-uuid-11", "r-11-VM", RouterRunState.RUNNING,
                false, RedundantRole.NONE, 1L, new RouterSize(1, 500, 256), 7L, null);
        RollingPlan plan = new RollingPlanner().plan(List.of(router), new PlanTarget(5L, BIG, 2));
        BindingScope scope = new BindingScope(BindingScope.Type.NETWORK, 100L, "net-uuid", "web", 1L);

        VirtualRouterScaleResponse response = VrScalingResponses.scale(new ScaleReport(scope, big, true, false, plan,
                null, List.of(new RouterReport(plan.getSteps().get(0))), List.of("w"), Map.of(1L, old, 5L, big)));

        assertEquals("net-uuid", response.getNetworkId());
        assertNull(response.getVpcId());
        assertTrue(response.getDryRun());
        assertFalse(response.getBound());
        assertEquals(Integer.valueOf(1), response.getTotalReboots());
        assertEquals(List.of("w"), response.getWarnings());
        VirtualRouterScaleRouterResponse item = response.getRouters().get(0);
        assertEquals("r-11-VM", item.getName());
        assertEquals("System Offering For Software Router", item.getOldOfferingName());
        assertEquals(List.of("STOP", "CHANGE_OFFERING", "SET_NIC_QUEUES", "START", "WAIT_RUNNING", "PUSH_TUNING",
                "VERIFY"), item.getPlannedSteps());
        assertTrue(item.getStepsDone().isEmpty());
        assertEquals(Integer.valueOf(1), item.getRebootCount());
        assertNull(item.getTuningDelivered());
        assertEquals("dry run: tuning would be pushed", item.getTuningMessage());
    }
}
