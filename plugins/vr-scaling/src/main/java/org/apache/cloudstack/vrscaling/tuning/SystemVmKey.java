package org.apache.cloudstack.vrscaling.tuning;

import java.io.File;
import java.net.URL;

/**
 * Where the management server keeps the system-VM private key, looked up as CloudStack 4.22's VMware resource
 * looks it up: {@code scripts/vm/systemvm/id_rsa.cloud} on the class path, else the cloudstack-common copy (the
 * management server writes the key there from the {@code ssh.privatekey} setting at start-up).
 */
public final class SystemVmKey {
    static final String CLASSPATH_RESOURCE = "scripts/vm/systemvm/id_rsa.cloud";
    static final String INSTALLED_PATH = "/usr/share/cloudstack-common/scripts/vm/systemvm/id_rsa.cloud";

    private SystemVmKey() {
    }

    /** @return the key file; it may not exist, which the SSH attempt then reports */
    public static File find(ClassLoader loader) {
        URL url = loader == null ? null : loader.getResource(CLASSPATH_RESOURCE);
        if (url != null && "file".equals(url.getProtocol())) {
            File onClassPath = new File(url.getPath());
            if (onClassPath.isFile()) {
                return onClassPath;
            }
        }
        return new File(INSTALLED_PATH);
    }
}
