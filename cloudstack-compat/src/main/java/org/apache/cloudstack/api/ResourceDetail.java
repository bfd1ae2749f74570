package org.apache.cloudstack.api;

public interface ResourceDetail extends InternalIdentity {

    long getResourceId();

    String getName();

    String getValue();

    boolean isDisplay();
}
