package com.cloud.hypervisor.kvm.resource.wrapper.vrscaling;

import java.io.File;

import com.cloud.utils.Pair;
import com.cloud.utils.ssh.SshHelper;

/** {@link SshTransport} over CloudStack's own SshHelper, as root with the agent's system-VM key. */
public class SshHelperTransport implements SshTransport {
    static final String USER = "root";

    @Override
    public void copy(String host, int port, File keyFile, String remoteDir, String fileName, byte[] content,
                     String mode, SshTimeouts timeouts) throws Exception {
        SshHelper.scpTo(host, port, USER, keyFile, null, remoteDir, content, fileName, mode,
                timeouts.getConnectMs(), timeouts.getKexMs());
    }

    @Override
    public Result run(String host, int port, File keyFile, String command, SshTimeouts timeouts) throws Exception {
        Pair<Boolean, String> result = SshHelper.sshExecute(host, port, USER, keyFile, null, command,
                timeouts.getConnectMs(), timeouts.getKexMs(), timeouts.getWaitMs());
        if (result == null) {
            throw new IllegalStateException("SshHelper returned no result for " + host);
        }
        return new Result(Boolean.TRUE.equals(result.first()), result.second());
    }
}
