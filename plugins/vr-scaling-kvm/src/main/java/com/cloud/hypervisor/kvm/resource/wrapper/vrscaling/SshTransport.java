package com.cloud.hypervisor.kvm.resource.wrapper.vrscaling;

import java.io.File;

/** The two SSH operations the tuning needs, so they can be replaced in tests or by a test bed's own SSH. */
public interface SshTransport {

    /** What a remote command left behind. */
    final class Result {
        private final boolean success;
        private final String output;

        public Result(boolean success, String output) {
            this.success = success;
            this.output = output == null ? "" : output;
        }

        /** True when the remote command exited with status 0. */
        public boolean isSuccess() {
            return success;
        }

        /** What the command printed (CloudStack's SshHelper merges stderr into it). */
        public String getOutput() {
            return output;
        }
    }

    /** Writes {@code content} to {@code remoteDir/fileName} with the given octal mode, e.g. "0755". */
    void copy(String host, int port, File keyFile, String remoteDir, String fileName, byte[] content, String mode,
              SshTimeouts timeouts) throws Exception;

    /** Runs a command line through the remote user's shell. */
    Result run(String host, int port, File keyFile, String command, SshTimeouts timeouts) throws Exception;
}
