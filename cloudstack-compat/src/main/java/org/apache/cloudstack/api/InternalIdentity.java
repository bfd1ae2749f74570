package org.apache.cloudstack.api;

import java.io.Serializable;

public interface InternalIdentity extends Serializable {
    long getId();
}
