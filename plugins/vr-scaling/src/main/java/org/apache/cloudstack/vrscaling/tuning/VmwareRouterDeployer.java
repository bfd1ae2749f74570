package org.apache.cloudstack.vrscaling.tuning;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

import org.joda.time.Duration;

import com.cloud.agent.api.routing.NetworkElementCommand;
import com.cloud.agent.resource.virtualnetwork.VirtualRouterDeployer;
import com.cloud.utils.ExecutionResult;
import com.cloud.utils.Pair;

/**
 * What VmwareResource does as a VirtualRouterDeployer, done by VR Scale on the management server: SSH from here to
 * the router's control address, port 3922, as root with CloudStack's system-VM key, running
 * {@code /opt/cloud/bin/<script> <args>}. VmwareResource itself cannot be asked (it fails unknown
 * NetworkElementCommands), and the VMware plugin is not a dependency: only this behaviour of it is mirrored.
 */
public final class VmwareRouterDeployer implements VirtualRouterDeployer {
    static final String USER = "root";
    static final int PORT = 3922;
    /** VmwareResource waits this long for the connection and, by default, for a script (VRScripts). */
    static final Duration CONNECT = Duration.standardSeconds(60);
    static final Duration DEFAULT_WAIT = Duration.standardMinutes(10);

    private final Supplier<File> keyFile;
    private final RouterSsh ssh;

    public VmwareRouterDeployer(Supplier<File> keyFile, RouterSsh ssh) {
        this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
        this.ssh = Objects.requireNonNull(ssh, "ssh");
    }

    @Override
    public ExecutionResult executeInVR(String routerIp, String script, String args) {
        return executeInVR(routerIp, script, args, DEFAULT_WAIT);
    }

    @Override
    public ExecutionResult executeInVR(String routerIp, String script, String args, Duration timeout) {
        try {
            Pair<Boolean, String> result = ssh.execute(routerIp, PORT, keyFile.get(), "/opt/cloud/bin/" + script
                    + " " + args, CONNECT, timeout);
            if (result == null) {
                return new ExecutionResult(false, "SSH to " + routerIp + " returned no result");
            }
            return new ExecutionResult(Boolean.TRUE.equals(result.first()), result.second());
        } catch (Exception e) {
            return new ExecutionResult(false, "SSH to " + routerIp + ":" + PORT + " failed: " + e);
        }
    }

    @Override
    public ExecutionResult createFileInVR(String routerIp, String path, String filename, String content) {
        try {
            ssh.copy(routerIp, PORT, keyFile.get(), path, content.getBytes(StandardCharsets.UTF_8), filename);
            return new ExecutionResult(true, null);
        } catch (Exception e) {
            return new ExecutionResult(false, "copying " + path + filename + " to " + routerIp + ":" + PORT
                    + " failed: " + e);
        }
    }

    /** Nothing to prepare: the routine gets the control IP from the command's ROUTER_IP. */
    @Override
    public ExecutionResult prepareCommand(NetworkElementCommand cmd) {
        return new ExecutionResult(true, null);
    }

    @Override
    public ExecutionResult cleanupCommand(NetworkElementCommand cmd) {
        return new ExecutionResult(true, null);
    }
}
