package org.apache.cloudstack.vrscaling.tuning;

import java.io.File;

import org.joda.time.Duration;

import com.cloud.utils.Pair;
import com.cloud.utils.ssh.SshHelper;

/** The two SSH calls VMware's resource makes to reach a router, so tests can fake them. */
public interface RouterSsh {

    Pair<Boolean, String> execute(String host, int port, File key, String command, Duration connect, Duration wait)
            throws Exception;

    void copy(String host, int port, File key, String dir, byte[] data, String fileName) throws Exception;

    /** CloudStack's own SshHelper, as root, key only (no password), as VmwareResource calls it. */
    RouterSsh SSH_HELPER = new RouterSsh() {
        @Override
        public Pair<Boolean, String> execute(String host, int port, File key, String command, Duration connect,
                                             Duration wait) throws Exception {
            return SshHelper.sshExecute(host, port, VmwareRouterDeployer.USER, key, null, command, connect, connect,
                    wait);
        }

        @Override
        public void copy(String host, int port, File key, String dir, byte[] data, String fileName) throws Exception {
            SshHelper.scpTo(host, port, VmwareRouterDeployer.USER, key, null, dir, data, fileName, null);
        }
    };
}
