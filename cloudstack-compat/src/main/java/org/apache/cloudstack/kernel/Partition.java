package org.apache.cloudstack.kernel;

import org.apache.cloudstack.api.Identity;
import org.apache.cloudstack.api.InternalIdentity;

public interface Partition extends InternalIdentity, Identity {

    enum PartitionType {
        Zone, Pod, Cluster, Host, VM
    }

    PartitionType partitionType();
}
