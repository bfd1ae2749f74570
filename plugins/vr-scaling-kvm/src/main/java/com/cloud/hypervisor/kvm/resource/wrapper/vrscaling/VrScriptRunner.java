package com.cloud.hypervisor.kvm.resource.wrapper.vrscaling;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.cloudstack.vrscaling.agent.VrScript;

/**
 * Puts the bundled VR-side script into a router and runs it there over SSH. Knows nothing about the agent, so a
 * test bed can drive a real VM with it (e.g. through a forwarded port).
 */
public class VrScriptRunner {
    /** CloudStack's system VMs listen for SSH on this port (LibvirtComputingResource.DEFAULTDOMRSSHPORT). */
    public static final int VR_SSH_PORT = 3922;
    static final String INTERPRETER = "python3";
    /** Copies land beside the script under a name of their own, so no call ever runs a half-written file. */
    static final String TEMP_PREFIX = "." + VrScript.FILE_NAME + ".";
    static final String TEMP_SUFFIX = ".tmp";
    /** Copies left behind by a connection lost between copy and rename are removed after this many minutes. */
    static final int STALE_TEMP_MINUTES = 60;
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{8,64}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final SshTransport transport;
    private final File keyFile;
    private final int port;
    private final VrScript script;
    private final Supplier<String> tokens;

    public VrScriptRunner(SshTransport transport, File keyFile, int port, VrScript script) {
        this(transport, keyFile, port, script, () -> UUID.randomUUID().toString().replace("-", ""));
    }

    /** @param tokens unique lower-case hex per install, naming its temporary copy */
    VrScriptRunner(SshTransport transport, File keyFile, int port, VrScript script, Supplier<String> tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("bad SSH port " + port);
        }
        this.port = port;
        this.script = Objects.requireNonNull(script, "script");
    }

    /**
     * Puts the script at /opt/cloud/bin/vr_scaling.py, mode 0755: copies it under a temporary name, checks its
     * SHA-256 in the router and renames it over the old one (atomic in one directory), so a diagnose running beside
     * an apply never reads a half-written file. Repeat freely.
     *
     * @throws IOException when the copy in the router does not have the bundled script's checksum (it is removed)
     */
    public void install(String host, SshTimeouts timeouts) throws Exception {
        String tempName = TEMP_PREFIX + tokens.get() + TEMP_SUFFIX;
        transport.copy(host, port, keyFile, VrScript.REMOTE_DIR, tempName, script.bytes(), VrScript.REMOTE_MODE,
                timeouts);
        SshTransport.Result result = transport.run(host, port, keyFile, installCommand(tempName, script.sha256()),
                timeouts);
        if (!result.isSuccess()) {
            throw new IOException("checking and renaming the copy into " + VrScript.REMOTE_PATH + " failed: "
                    + result.getOutput().trim());
        }
    }

    /**
     * One remote command: remove stale copies, compare the copy's sha256sum with the expected digest, then
     * {@code mv -f} it over the script, or remove it and fail. Every path and the digest are single-quoted.
     */
    static String installCommand(String tempName, String sha256) {
        String token = tempName.startsWith(TEMP_PREFIX) && tempName.endsWith(TEMP_SUFFIX)
                ? tempName.substring(TEMP_PREFIX.length(), tempName.length() - TEMP_SUFFIX.length()) : "";
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("bad temporary script name " + tempName);
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("bad SHA-256 " + sha256);
        }
        String temp = quote(VrScript.REMOTE_DIR + "/" + tempName);
        return "find " + quote(VrScript.REMOTE_DIR + "/") + " -maxdepth 1 -name " + quote(TEMP_PREFIX + "*"
                + TEMP_SUFFIX) + " -mmin +" + STALE_TEMP_MINUTES + " -delete 2>/dev/null; "
                + "got=$(sha256sum " + temp + " | cut -d ' ' -f 1); "
                + "if [ \"$got\" = " + quote(sha256) + " ]; then mv -f " + temp + " " + quote(VrScript.REMOTE_PATH)
                + "; else rm -f " + temp + "; echo \"" + VrScript.FILE_NAME + " copy has SHA-256 '$got', expected "
                + sha256 + "\"; exit 1; fi";
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
