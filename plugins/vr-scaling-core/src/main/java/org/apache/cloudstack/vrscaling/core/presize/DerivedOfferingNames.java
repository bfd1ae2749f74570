package org.apache.cloudstack.vrscaling.core.presize;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names of the offerings VR Scale derives. The name doubles as CloudStack's unique name, so the derived offering
 * of one (source offering, profile) pair is found again instead of created twice, by any management server.
 */
public final class DerivedOfferingNames {
    /** The kind of offering a derived one copies. */
    public enum Kind { NETWORK('N'), VPC('V');

        private final char letter;

        Kind(char letter) {
            this.letter = letter;
        }
    }

    static final String PREFIX = "VRScale-";
    /** network_offerings.display_text and vpc_offerings.display_text are VARCHAR(255). */
    static final int MAX_DISPLAY_TEXT = 255;
    private static final Pattern NAME = Pattern.compile("VRScale-([NV])(\\d+)-P(\\d+)");

    private DerivedOfferingNames() {
    }

    /** For example {@code VRScale-N12-P34}: short enough for the 64-character name columns. */
    public static String name(Kind kind, long sourceOfferingId, long profileId) {
        return String.format(Locale.ROOT, "%s%c%d-P%d", PREFIX, kind.letter, sourceOfferingId, profileId);
    }

    /** Whether the name is one VR Scale gives its derived offerings. */
    public static boolean isDerived(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Says what the offering is to whoever lists offerings; the source's own text stays first. */
    public static String displayText(String sourceDisplayText, String profileName) {
        String suffix = " [VR Scale: routers start at profile " + profileName + "]";
        String base = sourceDisplayText == null ? "" : sourceDisplayText;
        if (base.length() + suffix.length() > MAX_DISPLAY_TEXT) {
            int room = Math.max(0, MAX_DISPLAY_TEXT - suffix.length() - 3);
            base = base.substring(0, Math.min(base.length(), room)) + "...";
        }
        String text = base + suffix;
        return text.length() <= MAX_DISPLAY_TEXT ? text : text.substring(0, MAX_DISPLAY_TEXT);
    }
}
