package com.cloud.hypervisor.kvm.resource.wrapper.vrscaling;

import java.io.File;
import java.util.List;

import org.apache.cloudstack.vrscaling.agent.VrScript;
import org.apache.cloudstack.vrscaling.agent.VrScriptArguments;
import org.apache.cloudstack.vrscaling.agent.VrTuningCommand;
import org.apache.cloudstack.vrscaling.agent.VrTuningReport;
import org.apache.cloudstack.vrscaling.core.tuning.TuningMode;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.agent.api.Answer;
import com.cloud.hypervisor.kvm.resource.LibvirtComputingResource;
import com.cloud.resource.CommandWrapper;
import com.cloud.resource.ResourceWrapper;
import com.cloud.resource.ServerResource;

/**
 * Runs VR Scale's tuning script in a router on this KVM host. LibvirtRequestWrapper finds this class because it
 * lives under com.cloud.hypervisor.kvm.resource.wrapper. The answer's details are the script's JSON report when
 * there is one, otherwise a message naming the router and what failed; nothing is thrown out of execute.
 */
@ResourceWrapper(handles = VrTuningCommand.class)
public final class LibvirtVrTuningCommandWrapper
        extends CommandWrapper<VrTuningCommand, Answer, LibvirtComputingResource> {
    private static final Logger LOG = LogManager.getLogger(LibvirtVrTuningCommandWrapper.class);

    static final int CONNECT_TIMEOUT_MS = 30_000;
    static final int KEX_TIMEOUT_MS = 30_000;
    /** apply/verify/remove touch a handful of files and run ethtool per NIC (each bounded by the script). */
    static final int SCRIPT_TIMEOUT_MS = 120_000;

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
        String router = "router " + RouterAddress.describe(command.getRouterName()) + " ("
                + RouterAddress.describe(command.getRouterIp()) + ")";
        try {
            return run(command, router);
        } catch (Exception | LinkageError e) {
            LOG.warn("vr-scaling failed on {}", router, e);
            return new Answer(command, false, "vr-scaling on " + router + " failed unexpectedly: " + e);
        }
    }

    private Answer run(VrTuningCommand command, String router) {
        List<String> args;
        try {
            command.validate();
            args = VrScriptArguments.of(command);
        } catch (IllegalArgumentException e) {
            return fail(command, "vr-scaling refused the command for " + router + ": " + e.getMessage());
        }
        String ip = command.getRouterIp();
        if (!RouterAddress.isIpLiteral(ip)) {
            return fail(command, "vr-scaling refused " + router + ": the router IP is not an IPv4/IPv6 literal");
        }
        String mode = command.getMode().scriptWord();
        SshTimeouts timeouts = timeoutsFor(command);
        VrScriptRunner runner = new VrScriptRunner(transport, keyFile, VrScriptRunner.VR_SSH_PORT,
                script != null ? script : VrScript.bundled());

        try {
            runner.install(ip, timeouts);
        } catch (Exception e) {
            return fail(command, "vr-scaling " + mode + " on " + router + ": cannot copy " + VrScript.REMOTE_PATH
                    + " over SSH port " + runner.getPort() + " (" + describe(e) + ")");
        }
        SshTransport.Result result;
        try {
            result = runner.execute(ip, args, timeouts);
        } catch (Exception e) {
            return fail(command, "vr-scaling " + mode + " on " + router + ": running the script over SSH failed ("
                    + describe(e) + ")");
        }
        try {
            VrTuningReport report = VrTuningReport.parse(result.getOutput(), command.getMode());
            LOG.info("vr-scaling {} on {}: {}", mode, router, report.toOutcome());
            return new Answer(command, report.isOk() && result.isSuccess(), report.json());
        } catch (IllegalArgumentException e) {
            return fail(command, "vr-scaling " + mode + " on " + router + ": the script "
                    + (result.isSuccess() ? "exited 0" : "failed") + " without a readable report: " + e.getMessage());
        }
    }

    static SshTimeouts timeoutsFor(VrTuningCommand command) {
        int wait = SCRIPT_TIMEOUT_MS;
        if (command.getMode() == TuningMode.DIAGNOSE) {
            wait += command.getSampleSeconds() * 1_000;
        }
        return new SshTimeouts(CONNECT_TIMEOUT_MS, KEX_TIMEOUT_MS, wait);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isEmpty() ? "" : ": " + message);
    }

    private static Answer fail(VrTuningCommand command, String message) {
        LOG.warn(message);
        return new Answer(command, false, message);
    }
}
