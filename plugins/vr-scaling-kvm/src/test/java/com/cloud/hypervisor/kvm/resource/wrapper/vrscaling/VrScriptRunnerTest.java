package com.cloud.hypervisor.kvm.resource.wrapper.vrscaling;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.File;
import java.util.Arrays;
import java.util.Collections;

import org.apache.cloudstack.vrscaling.agent.VrScript;
import org.junit.Test;
import org.mockito.InOrder;

public class VrScriptRunnerTest {
    private static final File KEY = new File("/tmp/testbed-key");
    private static final SshTimeouts TIMEOUTS = new SshTimeouts(1_000, 2_000, 3_000);

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
    public void runnerCopiesThenRunsOnTheGivenPortForATestBed() throws Exception {
        SshTransport transport = mock(SshTransport.class);
        SshTransport.Result result = new SshTransport.Result(true, "{}");
        when(transport.run(any(), eq(2222), any(), any(), any())).thenReturn(result);
        VrScriptRunner runner = new VrScriptRunner(transport, KEY, 2222, VrScript.bundled());

        SshTransport.Result got = runner.run("127.0.0.1", Arrays.asList("diagnose", "--sample-seconds", "0"), TIMEOUTS);

        assertSame(result, got);
        InOrder order = inOrder(transport);
        order.verify(transport).copy(eq("127.0.0.1"), eq(2222), eq(KEY), eq("/opt/cloud/bin"), eq("vr_scaling.py"),
                any(byte[].class), eq("0755"), eq(TIMEOUTS));
        order.verify(transport).run("127.0.0.1", 2222, KEY,
                "python3 /opt/cloud/bin/vr_scaling.py 'diagnose' '--sample-seconds' '0'", TIMEOUTS);
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
