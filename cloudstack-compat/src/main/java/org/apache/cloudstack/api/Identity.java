package org.apache.cloudstack.api;

public interface Identity {
    String getUuid();
}
