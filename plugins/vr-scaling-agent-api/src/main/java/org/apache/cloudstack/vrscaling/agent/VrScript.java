package org.apache.cloudstack.vrscaling.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The VR-side script bundled in this jar, with its digest and version, and where it goes in the router. */
public final class VrScript {
    public static final String REMOTE_DIR = "/opt/cloud/bin";
    public static final String FILE_NAME = "vr_scaling.py";
    public static final String REMOTE_PATH = REMOTE_DIR + "/" + FILE_NAME;
    /** Executable for root, readable for the rest, like CloudStack's own scripts in /opt/cloud/bin. */
    public static final String REMOTE_MODE = "0755";

    private static final Pattern VERSION_LINE = Pattern.compile("(?m)^VERSION = \"([0-9]+\\.[0-9]+\\.[0-9]+)\"\\s*$");
    private static volatile VrScript bundled;

    private final byte[] bytes;
    private final String sha256;
    private final String version;

    VrScript(byte[] bytes) {
        this.bytes = bytes.clone();
        this.sha256 = sha256Hex(bytes);
        Matcher matcher = VERSION_LINE.matcher(new String(bytes, StandardCharsets.UTF_8));
        if (!matcher.find()) {
            throw new IllegalStateException(FILE_NAME + " has no VERSION = \"x.y.z\" line");
        }
        this.version = matcher.group(1);
    }

    /** The script packaged next to this class (the build copies systemvm/vr_scaling.py there). */
    public static VrScript bundled() {
        VrScript script = bundled;
        if (script == null) {
            script = new VrScript(readResource());
            bundled = script;
        }
        return script;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public String sha256() {
        return sha256;
    }

    public String version() {
        return version;
    }

    private static byte[] readResource() {
        try (InputStream in = VrScript.class.getResourceAsStream(FILE_NAME)) {
            if (in == null) {
                throw new IllegalStateException(FILE_NAME + " is missing from the jar next to "
                        + VrScript.class.getName());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + FILE_NAME, e);
        }
    }

    static String sha256Hex(byte[] data) {
        try {
            StringBuilder hex = new StringBuilder();
            for (byte b : MessageDigest.getInstance("SHA-256").digest(data)) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
