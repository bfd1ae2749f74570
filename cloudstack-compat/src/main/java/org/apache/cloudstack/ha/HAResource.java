package org.apache.cloudstack.ha;

import org.apache.cloudstack.kernel.Partition;

// Subset of the real interface: only what Host needs to compile against it.
public interface HAResource extends Partition {

    long getDataCenterId();
}
