package org.apache.cloudstack.vrscaling.agent.delivery;

import java.util.List;

/**
 * The two things CloudStack's VirtualRouterDeployer lets any hypervisor resource do with a router, in our own
 * terms: put a file into a directory of the router, and run {@code /opt/cloud/bin/<script> <args>} there. The one
 * delivery routine ({@link VrDelivery}) is written against this, so it runs unchanged through a deployer (XenServer)
 * and over SSH (KVM agent, VMware from the management server).
 */
public interface RouterChannel {

    /** What a step left behind. */
    final class Result {
        private final boolean success;
        private final String output;

        public Result(boolean success, String output) {
            this.success = success;
            this.output = output == null ? "" : output;
        }

        public boolean isSuccess() {
            return success;
        }

        public String getOutput() {
            return output;
        }
    }

    /** Writes {@code content} to {@code dir/fileName} in the router; the file's mode is the channel's. */
    Result createFile(String dir, String fileName, byte[] content) throws Exception;

    /**
     * Runs {@code /opt/cloud/bin/<script> <args>} in the router as root. The arguments are plain words (see
     * {@link VrDelivery#isPlainWord}): a deployer joins them with spaces and hands them to one or two shells.
     */
    Result execute(String script, List<String> args, int timeoutMs) throws Exception;

    /** How this channel reaches the router, for messages: "over SSH port 3922", "through XenServer host ...". */
    String describe();
}
