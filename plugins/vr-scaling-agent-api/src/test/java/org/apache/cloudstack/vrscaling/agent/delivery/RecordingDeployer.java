package org.apache.cloudstack.vrscaling.agent.delivery;

import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.joda.time.Duration;

import com.cloud.agent.api.routing.NetworkElementCommand;
import com.cloud.agent.resource.virtualnetwork.VirtualRouterDeployer;
import com.cloud.utils.ExecutionResult;

/**
 * A deployer that behaves like a router behind CloudStack's resources: files it is given are kept (encoded with the
 * charset the resource uses), sha256sum hashes them, mv moves them, the script answers a canned report.
 */
class RecordingDeployer implements VirtualRouterDeployer {
    final List<String> calls = new ArrayList<>();
    final Map<String, byte[]> files = new HashMap<>();
    final Charset charset;
    String scriptOutput = "";
    boolean scriptSucceeds = true;
    ExecutionResult copyResult;
    /** A transfer cut short: only half of the file arrives. */
    boolean truncate;

    RecordingDeployer(Charset charset) {
        this.charset = charset;
    }

    @Override
    public ExecutionResult executeInVR(String routerIp, String script, String args) {
        throw new AssertionError("the routine always passes a timeout");
    }

    @Override
    public ExecutionResult executeInVR(String routerIp, String script, String args, Duration timeout) {
        calls.add(routerIp + " exec " + script + " " + args + " [" + timeout.getMillis() + " ms]");
        String[] words = args.split(" ");
        switch (script) {
            case "../../../usr/bin/sha256sum":
                byte[] content = files.get(words[0]);
                return new ExecutionResult(content != null, content == null ? "sha256sum: " + words[0]
                        + ": No such file or directory" : hex(content) + "  " + words[0] + "\n");
            case "../../../bin/mv":
                files.put(words[2], files.remove(words[1]));
                return new ExecutionResult(true, "");
            case "../../../bin/rm":
                files.remove(words[1]);
                return new ExecutionResult(true, "");
            case "vr_scaling.py":
                return new ExecutionResult(scriptSucceeds, scriptOutput);
            default:
                return new ExecutionResult(true, "");
        }
    }

    @Override
    public ExecutionResult createFileInVR(String routerIp, String path, String filename, String content) {
        calls.add(routerIp + " create " + path + " " + filename);
        if (copyResult != null) {
            return copyResult;
        }
        byte[] bytes = content.getBytes(charset);
        files.put(path + filename, truncate ? java.util.Arrays.copyOf(bytes, bytes.length / 2) : bytes);
        return new ExecutionResult(true, null);
    }

    @Override
    public ExecutionResult prepareCommand(NetworkElementCommand cmd) {
        throw new AssertionError("not used by the routine");
    }

    @Override
    public ExecutionResult cleanupCommand(NetworkElementCommand cmd) {
        throw new AssertionError("not used by the routine");
    }

    static String hex(byte[] data) {
        try {
            StringBuilder hex = new StringBuilder();
            for (byte b : MessageDigest.getInstance("SHA-256").digest(data)) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
