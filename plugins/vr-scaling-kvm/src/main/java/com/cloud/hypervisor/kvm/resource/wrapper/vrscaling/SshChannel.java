package com.cloud.hypervisor.kvm.resource.wrapper.vrscaling;

import java.io.File;
import java.util.List;
import java.util.Objects;

import org.apache.cloudstack.vrscaling.agent.VrScript;
import org.apache.cloudstack.vrscaling.agent.delivery.RouterChannel;

/**
 * A {@link RouterChannel} straight to the router's SSH port with the system-VM key, running
 * {@code /opt/cloud/bin/<script> <args>} as CloudStack's VMware resource does; each argument is single-quoted on top.
 */
public final class SshChannel implements RouterChannel {
    private final SshTransport transport;
    private final String host;
    private final int port;
    private final File keyFile;
    private final int connectMs;
    private final int kexMs;

    public SshChannel(SshTransport transport, String host, int port, File keyFile, int connectMs, int kexMs) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.host = Objects.requireNonNull(host, "host");
        this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("bad SSH port " + port);
        }
        this.port = port;
        this.connectMs = connectMs;
        this.kexMs = kexMs;
        timeouts(1);
    }

    @Override
    public Result createFile(String dir, String fileName, byte[] content) throws Exception {
        transport.copy(host, port, keyFile, dir, fileName, content, VrScript.REMOTE_MODE, timeouts(connectMs));
        return new Result(true, "");
    }

    @Override
    public Result execute(String script, List<String> args, int timeoutMs) throws Exception {
        SshTransport.Result result = transport.run(host, port, keyFile, command(script, args), timeouts(timeoutMs));
        return new Result(result.isSuccess(), result.getOutput());
    }

    @Override
    public String describe() {
        return "over SSH port " + port;
    }

    public int getPort() {
        return port;
    }

    /** {@code /opt/cloud/bin/<script> 'arg1' 'arg2' ...}. */
    static String command(String script, List<String> args) {
        StringBuilder command = new StringBuilder(VrScript.REMOTE_DIR).append('/').append(script);
        for (String arg : args) {
            command.append(' ').append(VrScriptRunner.quote(arg));
        }
        return command.toString();
    }

    private SshTimeouts timeouts(int waitMs) {
        return new SshTimeouts(connectMs, kexMs, waitMs);
    }
}
