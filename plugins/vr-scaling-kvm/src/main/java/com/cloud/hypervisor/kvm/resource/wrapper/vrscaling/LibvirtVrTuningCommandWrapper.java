package com.cloud.hypervisor.kvm.resource.wrapper.vrscaling;

import java.io.File;

import org.apache.cloudstack.vrscaling.agent.VrScript;
import org.apache.cloudstack.vrscaling.agent.VrTuningCommand;
import org.apache.cloudstack.vrscaling.agent.delivery.VrDelivery;

import com.cloud.agent.api.Answer;
import com.cloud.hypervisor.kvm.resource.LibvirtComputingResource;
import com.cloud.resource.CommandWrapper;
import com.cloud.resource.ResourceWrapper;
import com.cloud.resource.ServerResource;

/**
 * Runs VR Scale's tuning script in a router on this KVM host. LibvirtRequestWrapper finds this class because it
 * lives under com.cloud.hypervisor.kvm.resource.wrapper. It runs the one delivery routine ({@link VrDelivery}) over
 * SSH straight to the router's control IP with the host's system-VM key, as it did before the routine was shared.
 */
@ResourceWrapper(handles = VrTuningCommand.class)
public final class LibvirtVrTuningCommandWrapper
        extends CommandWrapper<VrTuningCommand, Answer, LibvirtComputingResource> {
    static final int CONNECT_TIMEOUT_MS = 30_000;
    static final int KEX_TIMEOUT_MS = 30_000;

    private final SshTransport transport;
    private final File keyFile;
    private final VrScript script;

    /** For LibvirtRequestWrapper; must not throw, so the bundled script is loaded on first use. */
    public LibvirtVrTuningCommandWrapper() {
        this(new SshHelperTransport(), new File(ServerResource.SSHPRVKEYPATH), null);
    }

    LibvirtVrTuningCommandWrapper(SshTransport transport, File keyFile, VrScript script) {
        this.transport = transport;
        this.keyFile = keyFile;
        this.script = script;
    }

    @Override
    public Answer execute(VrTuningCommand command, LibvirtComputingResource serverResource) {
        VrDelivery delivery = new VrDelivery(script);
        return delivery.deliver(command, ip -> new SshChannel(transport, ip, VrScriptRunner.VR_SSH_PORT, keyFile,
                CONNECT_TIMEOUT_MS, KEX_TIMEOUT_MS));
    }
}
