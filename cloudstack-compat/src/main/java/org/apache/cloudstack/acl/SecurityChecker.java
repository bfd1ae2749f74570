package org.apache.cloudstack.acl;

import com.cloud.utils.component.Adapter;

// Subset: only the nested AccessType is declared; the checkAccess(...) methods are not.
public interface SecurityChecker extends Adapter {

    enum AccessType {
        ModifyProject,
        OperateEntry,
        UseEntry,
        ListEntry
    }
}
