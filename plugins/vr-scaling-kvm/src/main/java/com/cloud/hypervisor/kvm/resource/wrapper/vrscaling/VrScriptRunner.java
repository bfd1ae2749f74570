package com.cloud.hypervisor.kvm.resource.wrapper.vrscaling;

import java.io.File;
import java.util.List;
import java.util.Objects;

import org.apache.cloudstack.vrscaling.agent.VrScript;

/**
 * Puts the bundled VR-side script into a router and runs it there over SSH. Knows nothing about the agent, so a
 * test bed can drive a real VM with it (e.g. through a forwarded port).
 */
public class VrScriptRunner {
    /** CloudStack's system VMs listen for SSH on this port (LibvirtComputingResource.DEFAULTDOMRSSHPORT). */
    public static final int VR_SSH_PORT = 3922;
    static final String INTERPRETER = "python3";

    private final SshTransport transport;
    private final File keyFile;
    private final int port;
    private final VrScript script;

    public VrScriptRunner(SshTransport transport, File keyFile, int port, VrScript script) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("bad SSH port " + port);
        }
        this.port = port;
        this.script = Objects.requireNonNull(script, "script");
    }

    /** Copies the script to /opt/cloud/bin/vr_scaling.py, mode 0755; the same bytes every time, so repeat freely. */
    public void install(String host, SshTimeouts timeouts) throws Exception {
        transport.copy(host, port, keyFile, VrScript.REMOTE_DIR, VrScript.FILE_NAME, script.bytes(),
                VrScript.REMOTE_MODE, timeouts);
    }

    /** Runs the installed script with the given arguments. */
    public SshTransport.Result execute(String host, List<String> args, SshTimeouts timeouts) throws Exception {
        return transport.run(host, port, keyFile, remoteCommand(args), timeouts);
    }

    /** {@link #install} then {@link #execute}. */
    public SshTransport.Result run(String host, List<String> args, SshTimeouts timeouts) throws Exception {
        install(host, timeouts);
        return execute(host, args, timeouts);
    }

    /**
     * The command line for the remote shell: {@code python3 /opt/cloud/bin/vr_scaling.py 'arg1' 'arg2' ...}. The
     * arguments are whitelisted names and integers already; quoting them anyway keeps the shell out of it.
     */
    public static String remoteCommand(List<String> args) {
        StringBuilder command = new StringBuilder(INTERPRETER).append(' ').append(VrScript.REMOTE_PATH);
        for (String arg : args) {
            command.append(' ').append(quote(arg));
        }
        return command.toString();
    }

    /** Single-quotes one word for a POSIX shell; a quote inside becomes '\''. */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    public VrScript getScript() {
        return script;
    }

    public int getPort() {
        return port;
    }
}
