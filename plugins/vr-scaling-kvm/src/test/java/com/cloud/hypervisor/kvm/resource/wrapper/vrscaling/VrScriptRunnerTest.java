package com.cloud.hypervisor.kvm.resource.wrapper.vrscaling;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
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
    private static final String TOOL = "/opt/cloud/bin/../../../";
    private static final String TEMP = "'/opt/cloud/bin/.vr_scaling.tmp/vr_scaling.py." + TOKEN + "'";

    @Test
    public void everyArgumentIsSingleQuoted() {
        assertEquals("/opt/cloud/bin/vr_scaling.py 'verify' '--set' 'net.ipv4.tcp_fin_timeout=15'",
                VrScriptRunner.remoteCommand(Arrays.asList("verify", "--set", "net.ipv4.tcp_fin_timeout=15")));
    }

    @Test
    public void noArgumentsIsTheBareScript() {
        assertEquals("/opt/cloud/bin/vr_scaling.py", VrScriptRunner.remoteCommand(Collections.emptyList()));
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
        when(transport.run(any(), eq(2222), any(), startsWith(TOOL), any()))
                .thenAnswer(call -> LibvirtVrTuningCommandWrapperTest.installStep(call.getArgument(3),
                        VrScript.bundled().sha256()));
        when(transport.run(any(), eq(2222), any(), startsWith("/opt/cloud/bin/vr_scaling.py"), any()))
                .thenReturn(result);
        VrScriptRunner runner = new VrScriptRunner(transport, KEY, 2222, VrScript.bundled(), () -> TOKEN);

        SshTransport.Result got = runner.run("127.0.0.1", Arrays.asList("diagnose", "--sample-seconds", "0"), TIMEOUTS);

        assertEquals(result.getOutput(), got.getOutput());
        assertTrue(got.isSuccess());
        InOrder order = inOrder(transport);
        order.verify(transport).copy(eq("127.0.0.1"), eq(2222), eq(KEY), eq("/opt/cloud/bin/.vr_scaling.tmp"),
                eq("vr_scaling.py." + TOKEN), any(byte[].class), eq("0755"), any());
        order.verify(transport).run(eq("127.0.0.1"), eq(2222), eq(KEY), eq(TOOL + "usr/bin/sha256sum " + TEMP),
                any());
        order.verify(transport).run(eq("127.0.0.1"), eq(2222), eq(KEY), eq(TOOL + "bin/mv '-f' " + TEMP
                + " '/opt/cloud/bin/vr_scaling.py'"), any());
        order.verify(transport).run(eq("127.0.0.1"), eq(2222), eq(KEY),
                eq("/opt/cloud/bin/vr_scaling.py 'diagnose' '--sample-seconds' '0'"),
                argThat(t -> t.getConnectMs() == 1_000 && t.getKexMs() == 2_000 && t.getWaitMs() == 3_000));
        // The script itself is never written in place.
        verify(transport, never()).copy(any(), anyInt(), any(), any(), eq("vr_scaling.py"), any(), any(), any());
    }

    @Test
    public void aChecksumMismatchInTheRouterFailsTheInstallAndNothingRuns() throws Exception {
        SshTransport transport = mock(SshTransport.class);
        when(transport.run(any(), anyInt(), any(), startsWith(TOOL), any()))
                .thenAnswer(call -> LibvirtVrTuningCommandWrapperTest.installStep(call.getArgument(3),
                        "e3b0".repeat(16)));
        VrScriptRunner runner = new VrScriptRunner(transport, KEY, 2222, VrScript.bundled(), () -> TOKEN);

        IOException e = assertThrows(IOException.class, () -> runner.run("127.0.0.1", Arrays.asList("remove"),
                TIMEOUTS));

        assertTrue(e.getMessage(), e.getMessage().contains("copy has SHA-256 '" + "e3b0".repeat(16) + "'"));
        verify(transport).run(any(), anyInt(), any(), eq(TOOL + "bin/rm '-f' " + TEMP), any());
        verify(transport, never()).run(any(), anyInt(), any(), startsWith(TOOL + "bin/mv"), any());
        verify(transport, never()).run(any(), anyInt(), any(), startsWith("/opt/cloud/bin/vr_scaling.py"), any());
    }

    @Test
    public void aTestBedMayPassHostileArgumentsButOnlySingleQuoted() throws Exception {
        SshTransport transport = mock(SshTransport.class);
        when(transport.run(any(), anyInt(), any(), any(), any())).thenReturn(new SshTransport.Result(false, "refused"));
        VrScriptRunner runner = new VrScriptRunner(transport, KEY, 2222, VrScript.bundled(), () -> TOKEN);

        runner.execute("127.0.0.1", Arrays.asList("apply", "1$(reboot)", "it's"), TIMEOUTS);

        verify(transport).run(eq("127.0.0.1"), eq(2222), eq(KEY),
                eq("/opt/cloud/bin/vr_scaling.py 'apply' '1$(reboot)' 'it'\\''s'"), any());
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
