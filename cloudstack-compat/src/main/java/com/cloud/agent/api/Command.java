package com.cloud.agent.api;

import java.util.HashMap;
import java.util.Map;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

// Compile-only stand-in: the fields below mirror the real serialized state; accessors only read/write them.
public abstract class Command {

    public enum OnError {
        Continue, Stop
    }

    public static final String HYPERVISOR_TYPE = "hypervisorType";

    protected transient Logger logger = LogManager.getLogger(getClass());

    protected Map<String, String> contextMap = new HashMap<>();
    private int wait;
    private boolean bypassHostMaintenance = false;
    private transient long requestSequence = 0L;
    protected Map<String, Map<String, String>> externalDetails;

    protected Command() {
    }

    public int getWait() {
        return wait;
    }

    public void setWait(int wait) {
        this.wait = wait;
    }

    @Override
    public final String toString() {
        return getClass().getName();
    }

    public abstract boolean executeInSequence();

    public void setContextParam(String name, String value) {
        contextMap.put(name, value);
    }

    public String getContextParam(String name) {
        return contextMap.get(name);
    }

    public Map<String, String> getContextMap() {
        return contextMap;
    }

    public boolean allowCaching() {
        return false;
    }

    public boolean isBypassHostMaintenance() {
        return bypassHostMaintenance;
    }

    public void setBypassHostMaintenance(boolean bypassHostMaintenance) {
        this.bypassHostMaintenance = bypassHostMaintenance;
    }

    public boolean isReconcile() {
        return false;
    }

    public long getRequestSequence() {
        return requestSequence;
    }

    public void setRequestSequence(long requestSequence) {
        this.requestSequence = requestSequence;
    }

    public void setExternalDetails(Map<String, Map<String, String>> externalDetails) {
        this.externalDetails = externalDetails;
    }

    public Map<String, Map<String, String>> getExternalDetails() {
        return externalDetails;
    }
}
