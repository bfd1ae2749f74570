package com.cloud.hypervisor.kvm.resource.wrapper.vrscaling;

import java.io.File;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.cloudstack.vrscaling.agent.VrScript;
import org.apache.cloudstack.vrscaling.agent.delivery.RouterChannel;
import org.apache.cloudstack.vrscaling.agent.delivery.VrDelivery;

/**
 * The delivery routine ({@link VrDelivery}) over SSH straight to a router, for the KVM wrapper and for a test bed
 * driving a real VM (e.g. through a forwarded port). Knows nothing about the agent.
 */
public class VrScriptRunner {
    /** CloudStack's system VMs listen for SSH on this port (LibvirtComputingResource.DEFAULTDOMRSSHPORT). */
    public static final int VR_SSH_PORT = 3922;

    private final SshTransport transport;
    private final File keyFile;
    private final int port;
    private final VrDelivery delivery;

    public VrScriptRunner(SshTransport transport, File keyFile, int port, VrScript script) {
        this(transport, keyFile, port, script, () -> UUID.randomUUID().toString().replace("-", ""));
    }

    /** @param tokens unique lower-case hex per install, naming its temporary copy */
    VrScriptRunner(SshTransport transport, File keyFile, int port, VrScript script, Supplier<String> tokens) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("bad SSH port " + port);
        }
        this.port = port;
        this.delivery = new VrDelivery(Objects.requireNonNull(script, "script"), tokens);
    }

    /** The routine's channel to one router with these connect and key-exchange bounds. */
    RouterChannel channel(String host, SshTimeouts timeouts) {
        return new SshChannel(transport, host, port, keyFile, timeouts.getConnectMs(), timeouts.getKexMs());
    }

    /** See {@link VrDelivery#install}: checked copy, then an atomic rename over /opt/cloud/bin/vr_scaling.py. */
    public void install(String host, SshTimeouts timeouts) throws Exception {
        delivery.install(channel(host, timeouts));
    }

    /**
     * Runs the installed script with the given arguments, each single-quoted. Unlike the routine's own run (plain
     * words only, which any deployer can carry), anything goes here, so a test bed can show the script itself
     * refusing hostile input in a real VM.
     */
    public SshTransport.Result execute(String host, List<String> args, SshTimeouts timeouts) throws Exception {
        RouterChannel.Result result = channel(host, timeouts).execute(VrScript.FILE_NAME, args, timeouts.getWaitMs());
        return new SshTransport.Result(result.isSuccess(), result.getOutput());
    }

    /** {@link #install} then {@link #execute}. */
    public SshTransport.Result run(String host, List<String> args, SshTimeouts timeouts) throws Exception {
        install(host, timeouts);
        return execute(host, args, timeouts);
    }

    /** The command line for the remote shell: {@code /opt/cloud/bin/vr_scaling.py 'arg1' 'arg2' ...}. */
    public static String remoteCommand(List<String> args) {
        return SshChannel.command(VrScript.FILE_NAME, args);
    }

    /** Single-quotes one word for a POSIX shell; a quote inside becomes '\''. */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    public VrScript getScript() {
        return delivery.script();
    }

    public int getPort() {
        return port;
    }
}
