package org.apache.cloudstack.vrscaling.core.presize;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.apache.cloudstack.vrscaling.core.presize.PresizeDecision.Action;
import org.junit.Test;

public class PresizeRuleTest {
    private static final long SOURCE = 10L;
    private static final long DERIVED = 20L;
    private static final long PROFILE = 7L;
    private static final long OTHER_PROFILE = 8L;
    private static final long DEFAULT_ROUTER_OFFERING = 1L;

    @Test
    public void boundUnswitchedNetworkIsSwitchedToADerivedCopyOfItsOwnOffering() {
        PresizeDecision decision = PresizeRule.decide(PresizeState.unswitched(true, PROFILE, SOURCE, null));
        assertEquals(Action.SWITCH_TO_DERIVED, decision.getAction());
        assertEquals(Long.valueOf(SOURCE), decision.getSourceOfferingId());
        assertFalse(decision.isDropRecord());
    }

    @Test
    public void offeringThatAlreadyNamesTheProfileIsLeftAlone() {
        PresizeDecision decision = PresizeRule.decide(PresizeState.unswitched(true, PROFILE, SOURCE, PROFILE));
        assertEquals(Action.NOTHING, decision.getAction());
    }

    @Test
    public void offeringWithAnotherRouterOfferingIsStillSwitched() {
        PresizeDecision decision = PresizeRule.decide(PresizeState.unswitched(true, PROFILE, SOURCE,
                DEFAULT_ROUTER_OFFERING));
        assertEquals(Action.SWITCH_TO_DERIVED, decision.getAction());
    }

    @Test
    public void switchedOffOrUnboundNetworkWithoutRecordIsNotTouched() {
        assertEquals(Action.NOTHING, PresizeRule.decide(PresizeState.unswitched(false, PROFILE, SOURCE, null))
                .getAction());
        assertEquals(Action.NOTHING, PresizeRule.decide(PresizeState.unswitched(true, null, SOURCE, null))
                .getAction());
    }

    @Test
    public void networkOnTheDerivedOfferingOfItsProfileNeedsNothing() {
        PresizeDecision decision = PresizeRule.decide(new PresizeState(true, PROFILE, DERIVED, PROFILE, SOURCE,
                DERIVED, PROFILE));
        assertEquals(Action.NOTHING, decision.getAction());
        assertFalse(decision.isDropRecord());
    }

    @Test
    public void unbindRestoresTheOriginalOffering() {
        PresizeDecision decision = PresizeRule.decide(new PresizeState(true, null, DERIVED, PROFILE, SOURCE,
                DERIVED, PROFILE));
        assertEquals(Action.RESTORE_SOURCE, decision.getAction());
        assertEquals(Long.valueOf(SOURCE), decision.getSourceOfferingId());
        assertTrue(decision.getReason(), decision.getReason().contains("no profile"));
    }

    @Test
    public void switchingTheZoneOffRestoresTheOriginalOffering() {
        PresizeDecision decision = PresizeRule.decide(new PresizeState(false, PROFILE, DERIVED, PROFILE, SOURCE,
                DERIVED, PROFILE));
        assertEquals(Action.RESTORE_SOURCE, decision.getAction());
        assertTrue(decision.getReason(), decision.getReason().contains("switched off"));
    }

    @Test
    public void rebindingToAnotherProfileDerivesAgainFromTheOriginalNotFromTheCopy() {
        PresizeDecision decision = PresizeRule.decide(new PresizeState(true, OTHER_PROFILE, DERIVED, PROFILE, SOURCE,
                DERIVED, PROFILE));
        assertEquals(Action.SWITCH_TO_DERIVED, decision.getAction());
        assertEquals(Long.valueOf(SOURCE), decision.getSourceOfferingId());
    }

    @Test
    public void offeringChangedByAnOperatorDropsTheRecordAndIsNeverRestoredOver() {
        long operatorsChoice = 30L;
        PresizeDecision unbound = PresizeRule.decide(new PresizeState(true, null, operatorsChoice, null, SOURCE,
                DERIVED, PROFILE));
        assertEquals(Action.NOTHING, unbound.getAction());
        assertTrue(unbound.isDropRecord());
        assertNull(unbound.getSourceOfferingId());

        PresizeDecision bound = PresizeRule.decide(new PresizeState(true, PROFILE, operatorsChoice, null, SOURCE,
                DERIVED, PROFILE));
        assertEquals(Action.SWITCH_TO_DERIVED, bound.getAction());
        assertEquals("derives from the operator's offering, not the old source", Long.valueOf(operatorsChoice),
                bound.getSourceOfferingId());
        assertTrue(bound.isDropRecord());
    }

    @Test(expected = IllegalArgumentException.class)
    public void halfARecordIsRejected() {
        new PresizeState(true, PROFILE, DERIVED, null, SOURCE, null, PROFILE);
    }
}
