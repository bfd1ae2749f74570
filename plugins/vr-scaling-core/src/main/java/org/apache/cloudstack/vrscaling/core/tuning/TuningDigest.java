package org.apache.cloudstack.vrscaling.core.tuning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;

/** A stable fingerprint of the values (not the reasons) of a tuning, recorded on routers after a push. */
public final class TuningDigest {
    private TuningDigest() {
    }

    public static String of(KernelTuning tuning) {
        StringBuilder canonical = new StringBuilder();
        for (TuningKey key : TuningKey.values()) {
            canonical.append(key.parameterName()).append('=').append(tuning.value(key)).append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString()
                    .getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder("sha256:");
            for (byte b : hash) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
