package org.apache.cloudstack.api;

public interface Displayable {
    boolean isDisplay();
}
