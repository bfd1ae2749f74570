package org.apache.cloudstack.vrscaling.core.presize;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.apache.cloudstack.vrscaling.core.presize.DerivedOfferingNames.Kind;
import org.junit.Test;

public class DerivedOfferingNamesTest {
    @Test
    public void namesCarryKindSourceAndProfileAndAreRecognised() {
        String name = DerivedOfferingNames.name(Kind.NETWORK, 12, 34);
        assertEquals("VRScale-N12-P34", name);
        assertTrue(DerivedOfferingNames.isDerived(name));
        assertEquals("VRScale-V5-P6", DerivedOfferingNames.name(Kind.VPC, 5, 6));
    }

    @Test
    public void largestIdsStillFitTheNameColumn() {
        assertTrue(DerivedOfferingNames.name(Kind.VPC, Long.MAX_VALUE, Long.MAX_VALUE).length() <= 64);
    }

    @Test
    public void ordinaryOfferingNamesAreNotDerived() {
        assertFalse(DerivedOfferingNames.isDerived("DefaultIsolatedNetworkOfferingWithSourceNatService"));
        assertFalse(DerivedOfferingNames.isDerived("VRScale-N12"));
        assertFalse(DerivedOfferingNames.isDerived(null));
        assertFalse(DerivedOfferingNames.isDerived("VRScale-X1-P2"));
    }

    @Test
    public void displayTextKeepsTheSourceTextAndFitsTheColumn() {
        assertEquals("Isolated with NAT [VR Scale: routers start at profile large]",
                DerivedOfferingNames.displayText("Isolated with NAT", "large"));
        StringBuilder longText = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            longText.append('x');
        }
        String text = DerivedOfferingNames.displayText(longText.toString(), "large");
        assertTrue(text.length() <= DerivedOfferingNames.MAX_DISPLAY_TEXT);
        assertTrue(text.endsWith("[VR Scale: routers start at profile large]"));
    }
}
