package org.apache.cloudstack.vrscaling.tuning;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.joda.time.Duration;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.cloud.utils.ExecutionResult;
import com.cloud.utils.Pair;

public class VmwareRouterDeployerTest {
    private static final File KEY = new File("/tmp/id_rsa.cloud");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void runsTheScriptUnderOptCloudBinAsVmwareResourceDoes() throws Exception {
        RouterSsh ssh = mock(RouterSsh.class);
        when(ssh.execute(anyString(), anyInt(), any(), anyString(), any(), any())).thenReturn(new Pair<>(true, "ok"));
        VmwareRouterDeployer deployer = new VmwareRouterDeployer(() -> KEY, ssh);

        ExecutionResult result = deployer.executeInVR("10.1.1.9", "vr_scaling.py", "verify --set a=1",
                Duration.millis(5_000));

        assertTrue(result.isSuccess());
        assertEquals("ok", result.getDetails());
        verify(ssh).execute("10.1.1.9", 3922, KEY, "/opt/cloud/bin/vr_scaling.py verify --set a=1",
                Duration.standardMinutes(1), Duration.millis(5_000));
    }

    @Test
    public void copiesTheFileIntoTheDirectoryByName() throws Exception {
        RouterSsh ssh = mock(RouterSsh.class);
        VmwareRouterDeployer deployer = new VmwareRouterDeployer(() -> KEY, ssh);

        assertTrue(deployer.createFileInVR("10.1.1.9", "/opt/cloud/bin/.vr_scaling.tmp/", "f", "abc").isSuccess());

        verify(ssh).copy(eq("10.1.1.9"), eq(3922), eq(KEY), eq("/opt/cloud/bin/.vr_scaling.tmp/"),
                eq("abc".getBytes(StandardCharsets.UTF_8)), eq("f"));
    }

    @Test
    public void sshFailuresAreFailedResultsNotExceptions() throws Exception {
        RouterSsh ssh = mock(RouterSsh.class);
        when(ssh.execute(anyString(), anyInt(), any(), anyString(), any(), any()))
                .thenThrow(new java.net.ConnectException("Connection refused"));
        doThrow(new java.io.IOException("auth failed")).when(ssh).copy(anyString(), anyInt(), any(), anyString(),
                any(), anyString());
        VmwareRouterDeployer deployer = new VmwareRouterDeployer(() -> KEY, ssh);

        ExecutionResult ran = deployer.executeInVR("10.1.1.9", "x", "y");
        ExecutionResult copied = deployer.createFileInVR("10.1.1.9", "/d/", "f", "c");

        assertFalse(ran.isSuccess());
        assertTrue(ran.getDetails(), ran.getDetails().contains("Connection refused"));
        assertFalse(copied.isSuccess());
        assertTrue(copied.getDetails(), copied.getDetails().contains("auth failed"));
    }

    @Test
    public void theKeyIsTakenFromTheClassPathFirstThenFromCloudstackCommon() throws Exception {
        Path root = folder.newFolder("cp").toPath();
        Path key = Files.createDirectories(root.resolve("scripts/vm/systemvm")).resolve("id_rsa.cloud");
        Files.write(key, new byte[] {1});
        try (URLClassLoader withKey = new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
             URLClassLoader without = new URLClassLoader(new URL[0], null)) {
            assertEquals(key.toFile(), SystemVmKey.find(withKey));
            assertEquals(new File("/usr/share/cloudstack-common/scripts/vm/systemvm/id_rsa.cloud"),
                    SystemVmKey.find(without));
        }
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(key));
    }
}
