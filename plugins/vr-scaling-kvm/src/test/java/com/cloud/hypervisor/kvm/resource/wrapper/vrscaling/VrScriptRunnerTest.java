package com.cloud.hypervisor.kvm.resource.wrapper.vrscaling;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;

import org.apache.cloudstack.vrscaling.agent.VrScript;
import org.junit.Test;
import org.mockito.InOrder;

public class VrScriptRunnerTest {
    private static final File KEY = new File("/tmp/testbed-key");
    private static final SshTimeouts TIMEOUTS = new SshTimeouts(1_000, 2_000, 3_000);
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @Test
    public void everyArgumentIsSingleQuoted() {
        assertEquals("python3 /opt/cloud/bin/vr_scaling.py 'verify' '--set' 'net.ipv4.tcp_fin_timeout=15'",
                VrScriptRunner.remoteCommand(Arrays.asList("verify", "--set", "net.ipv4.tcp_fin_timeout=15")));
    }

    @Test
    public void noArgumentsIsTheBareScript() {
        assertEquals("python3 /opt/cloud/bin/vr_scaling.py", VrScriptRunner.remoteCommand(Collections.emptyList()));
    }

    @Test
    public void quotesInsideAnArgumentCannotCloseTheQuoting() {
        assertEquals("'it'\\''s; reboot'", VrScriptRunner.quote("it's; reboot"));
        assertEquals("'$(id) `id` \"x\"'", VrScriptRunner.quote("$(id) `id` \"x\""));
        assertEquals("''", VrScriptRunner.quote(""));
    }

    @Test
    public void runnerCopiesToATemporaryNameChecksRenamesThenRunsOnTheGivenPortForATestBed() throws Exception {
        SshTransport transport = mock(SshTransport.class);
        SshTransport.Result result = new SshTransport.Result(true, "{}");
        when(transport.run(any(), eq(2222), any(), any(), any())).thenReturn(result);
        VrScriptRunner runner = new VrScriptRunner(transport, KEY, 2222, VrScript.bundled(), () -> TOKEN);

        SshTransport.Result got = runner.run("127.0.0.1", Arrays.asList("diagnose", "--sample-seconds", "0"), TIMEOUTS);

        assertSame(result, got);
        InOrder order = inOrder(transport);
        order.verify(transport).copy(eq("127.0.0.1"), eq(2222), eq(KEY), eq("/opt/cloud/bin"),
                eq(".vr_scaling.py." + TOKEN + ".tmp"), any(byte[].class), eq("0755"), eq(TIMEOUTS));
        order.verify(transport).run("127.0.0.1", 2222, KEY, expectedInstall(VrScript.bundled().sha256()), TIMEOUTS);
        order.verify(transport).run("127.0.0.1", 2222, KEY,
                "python3 /opt/cloud/bin/vr_scaling.py 'diagnose' '--sample-seconds' '0'", TIMEOUTS);
        // The script itself is never written in place.
        verify(transport, never()).copy(any(), anyInt(), any(), any(), eq("vr_scaling.py"), any(), any(), any());
    }

    @Test
    public void theInstallCommandChecksTheChecksumAndRenamesAtomicallyFullyQuoted() {
        assertEquals(expectedInstall("ab".repeat(32)),
                VrScriptRunner.installCommand(".vr_scaling.py." + TOKEN + ".tmp", "ab".repeat(32)));
    }

    @Test
    public void aBadTemporaryNameOrDigestNeverReachesTheShell() {
        assertThrows(IllegalArgumentException.class, () -> VrScriptRunner.installCommand(
                ".vr_scaling.py.x'; reboot; '.tmp", "ab".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> VrScriptRunner.installCommand("vr_scaling.py",
                "ab".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> VrScriptRunner.installCommand(
                ".vr_scaling.py." + TOKEN + ".tmp", "$(reboot)"));
    }

    @Test
    public void aChecksumMismatchInTheRouterFailsTheInstallAndNothingRuns() throws Exception {
        SshTransport transport = mock(SshTransport.class);
        when(transport.run(any(), anyInt(), any(), startsWith("find "), any())).thenReturn(new SshTransport.Result(
                false, "vr_scaling.py copy has SHA-256 'e3b0', expected " + VrScript.bundled().sha256()));
        VrScriptRunner runner = new VrScriptRunner(transport, KEY, 2222, VrScript.bundled(), () -> TOKEN);

        IOException e = assertThrows(IOException.class, () -> runner.run("127.0.0.1", Arrays.asList("remove"),
                TIMEOUTS));

        assertTrue(e.getMessage(), e.getMessage().contains("copy has SHA-256 'e3b0'"));
        verify(transport, never()).run(any(), anyInt(), any(), startsWith("python3"), any());
    }

    private static String expectedInstall(String sha) {
        String temp = "'/opt/cloud/bin/.vr_scaling.py." + TOKEN + ".tmp'";
        return "find '/opt/cloud/bin/' -maxdepth 1 -name '.vr_scaling.py.*.tmp' -mmin +60 -delete 2>/dev/null; "
                + "got=$(sha256sum " + temp + " | cut -d ' ' -f 1); if [ \"$got\" = '" + sha + "' ]; then mv -f "
                + temp + " '/opt/cloud/bin/vr_scaling.py'; else rm -f " + temp + "; echo \"vr_scaling.py copy has "
                + "SHA-256 '$got', expected " + sha + "\"; exit 1; fi";
    }

    @Test
    public void badPortOrTimeoutsAreRefused() {
        SshTransport transport = mock(SshTransport.class);
        assertThrows(IllegalArgumentException.class, () -> new VrScriptRunner(transport, KEY, 0, VrScript.bundled()));
        assertThrows(IllegalArgumentException.class, () -> new SshTimeouts(0, 1, 1));
    }

    @Test
    public void nullResultOutputReadsAsEmpty() {
        assertEquals("", new SshTransport.Result(false, null).getOutput());
    }
}
