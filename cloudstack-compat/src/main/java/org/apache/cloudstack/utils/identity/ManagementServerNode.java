package org.apache.cloudstack.utils.identity;

import com.cloud.utils.component.AdapterBase;
import com.cloud.utils.component.SystemIntegrityChecker;

public class ManagementServerNode extends AdapterBase implements SystemIntegrityChecker {

    public ManagementServerNode() {
    }

    @Override
    public void check() {
    }

    public static long getManagementServerId() {
        return 0;
    }

    @Override
    public boolean start() {
        return true;
    }
}
