package org.apache.cloudstack.acl;

import com.cloud.domain.PartOf;
import com.cloud.user.OwnedBy;

public interface ControlledEntity extends OwnedBy, PartOf {

    enum ACLType {
        Account, Domain
    }

    Class<?> getEntityType();

    String getName();
}
