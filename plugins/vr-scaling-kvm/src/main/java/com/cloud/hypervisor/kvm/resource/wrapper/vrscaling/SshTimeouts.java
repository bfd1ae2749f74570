package com.cloud.hypervisor.kvm.resource.wrapper.vrscaling;

/** Bounds for one SSH exchange with a router, in milliseconds. */
public final class SshTimeouts {
    private final int connectMs;
    private final int kexMs;
    private final int waitMs;

    /**
     * @param connectMs TCP connect
     * @param kexMs key exchange
     * @param waitMs how long to wait for output or the exit status of the remote command
     */
    public SshTimeouts(int connectMs, int kexMs, int waitMs) {
        if (connectMs <= 0 || kexMs <= 0 || waitMs <= 0) {
            throw new IllegalArgumentException("SSH timeouts must be positive: " + connectMs + "/" + kexMs + "/"
                    + waitMs + " ms");
        }
        this.connectMs = connectMs;
        this.kexMs = kexMs;
        this.waitMs = waitMs;
    }

    public int getConnectMs() {
        return connectMs;
    }

    public int getKexMs() {
        return kexMs;
    }

    public int getWaitMs() {
        return waitMs;
    }

    @Override
    public String toString() {
        return "connect " + connectMs + " ms, kex " + kexMs + " ms, wait " + waitMs + " ms";
    }
}
