package com.cloud.hypervisor.kvm.resource.wrapper.vrscaling;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test-only {@link SshTransport} over the system's OpenSSH client ({@code ssh}, {@code scp}), as root, for the
 * testbed VM: production uses CloudStack's SshHelper, which this build only has as a compile-time stand-in. Host keys
 * are not checked (the testbed VM is throwaway and only reachable on loopback). stderr is merged into the output, as
 * SshHelper does, and every process is bounded by the timeouts.
 */
public class OpenSshTransport implements SshTransport {
    static final String USER = "root";

    /** The exit status of the last {@link #run}, or -1 when it timed out. */
    private volatile int lastExitStatus = -1;

    @Override
    public void copy(String host, int port, File keyFile, String remoteDir, String fileName, byte[] content,
                     String mode, SshTimeouts timeouts) throws Exception {
        if (!mode.matches("[0-7]{3,4}")) {
            throw new IllegalArgumentException("bad mode " + mode);
        }
        Path local = Files.createTempFile("vr-testbed-", "-" + fileName);
        try {
            Files.write(local, content);
            List<String> scp = new ArrayList<>(Arrays.asList("scp", "-q", "-P", Integer.toString(port)));
            scp.addAll(options(keyFile, timeouts));
            scp.add(local.toString());
            scp.add(USER + "@" + host + ":" + remoteDir + "/" + fileName);
            Outcome copied = exec(scp, timeouts);
            if (copied.status != 0) {
                throw new IOException("scp to " + host + ":" + port + " failed (" + copied.status + "): "
                        + copied.output);
            }
            Result chmod = run(host, port, keyFile, "chmod " + mode + " " + VrScriptRunner.quote(remoteDir + "/"
                    + fileName), timeouts);
            if (!chmod.isSuccess()) {
                throw new IOException("chmod on " + host + ":" + port + " failed: " + chmod.getOutput());
            }
        } finally {
            Files.deleteIfExists(local);
        }
    }

    @Override
    public Result run(String host, int port, File keyFile, String command, SshTimeouts timeouts) throws Exception {
        List<String> ssh = new ArrayList<>(Arrays.asList("ssh", "-p", Integer.toString(port)));
        ssh.addAll(options(keyFile, timeouts));
        ssh.add(USER + "@" + host);
        ssh.add(command);
        Outcome outcome = exec(ssh, timeouts);
        lastExitStatus = outcome.status;
        return new Result(outcome.status == 0, outcome.output);
    }

    public int lastExitStatus() {
        return lastExitStatus;
    }

    private static List<String> options(File keyFile, SshTimeouts timeouts) {
        int connectSeconds = Math.max(1, (timeouts.getConnectMs() + 999) / 1000);
        return Arrays.asList("-i", keyFile.getPath(), "-o", "StrictHostKeyChecking=no", "-o",
                "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "-o",
                "ConnectTimeout=" + connectSeconds, "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=3");
    }

    private static final class Outcome {
        final int status;
        final String output;

        Outcome(int status, String output) {
            this.status = status;
            this.output = output;
        }
    }

    /** Runs the client with stderr merged, killing it after connect + kex + wait. */
    private static Outcome exec(List<String> command, SshTimeouts timeouts) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), "ssh-output");
        reader.setDaemon(true);
        reader.start();
        long limitMs = (long) timeouts.getConnectMs() + timeouts.getKexMs() + timeouts.getWaitMs();
        if (!process.waitFor(limitMs, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            reader.join(1_000);
            return new Outcome(-1, "timed out after " + limitMs + " ms: " + text(output));
        }
        reader.join(5_000);
        return new Outcome(process.exitValue(), text(output));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // The stream closed under us (the client was killed on timeout): keep what was read.
        }
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return new String(out.toByteArray(), StandardCharsets.UTF_8);
        }
    }
}
