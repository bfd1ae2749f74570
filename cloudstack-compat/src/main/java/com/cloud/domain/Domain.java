package com.cloud.domain;

import com.cloud.user.OwnedBy;
import org.apache.cloudstack.api.Identity;
import org.apache.cloudstack.api.InternalIdentity;

// Subset of the real interface: declared so that AccountService.checkAccess has its whole overload set.
public interface Domain extends OwnedBy, Identity, InternalIdentity {

    Long getParent();
}
