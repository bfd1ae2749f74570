package org.apache.cloudstack.management;

import org.apache.cloudstack.acl.ControlledEntity;
import org.apache.cloudstack.api.Identity;
import org.apache.cloudstack.api.InternalIdentity;

// Subset of the real interface: which server a row is and whether it is Up.
public interface ManagementServerHost extends InternalIdentity, Identity, ControlledEntity {

    enum State {
        Up, Down, PreparingForMaintenance, Maintenance, PreparingForShutDown, ReadyToShutDown, ShuttingDown
    }

    long getMsid();

    State getState();

    String getName();
}
