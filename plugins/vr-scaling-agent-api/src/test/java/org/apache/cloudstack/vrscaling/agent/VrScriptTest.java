package org.apache.cloudstack.vrscaling.agent;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;

import org.junit.Test;

public class VrScriptTest {
    // Surefire runs with the module directory as working directory.
    private static final Path SOURCE = Paths.get("..", "..", "systemvm", "vr_scaling.py");

    @Test
    public void bundledScriptIsByteForByteTheSystemvmScript() throws Exception {
        byte[] source = Files.readAllBytes(SOURCE);

        assertArrayEquals(source, VrScript.bundled().bytes());
    }

    @Test
    public void digestIsTheSha256OfTheSystemvmScript() throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(SOURCE));
        StringBuilder hex = new StringBuilder();
        for (byte b : hash) {
            hex.append(String.format("%02x", b));
        }

        assertEquals(hex.toString(), VrScript.bundled().sha256());
    }

    @Test
    public void versionIsReadFromTheVersionLine() throws Exception {
        String text = new String(Files.readAllBytes(SOURCE), StandardCharsets.UTF_8);
        String line = text.lines().filter(l -> l.startsWith("VERSION = ")).findFirst().orElseThrow();

        assertEquals(line, "VERSION = \"" + VrScript.bundled().version() + "\"");
    }

    @Test
    public void scriptWithoutVersionLineIsRefused() {
        assertThrows(IllegalStateException.class, () -> new VrScript("print('hi')\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void remotePathIsInOptCloudBin() {
        assertEquals("/opt/cloud/bin/vr_scaling.py", VrScript.REMOTE_PATH);
    }
}
