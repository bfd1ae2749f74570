package com.cloud.resource;

import java.util.Map;

import javax.naming.ConfigurationException;

// Subset of the real abstract class; lifecycle methods return trivial defaults. Like the real class it leaves setName,
// the config params and the run level to its subclasses.
public abstract class ServerResourceBase implements ServerResource {

    public ServerResourceBase() {
    }

    @Override
    public String getName() {
        return null;
    }

    @Override
    public boolean configure(String name, Map<String, Object> params) throws ConfigurationException {
        return false;
    }

    @Override
    public boolean start() {
        return false;
    }

    @Override
    public boolean stop() {
        return false;
    }
}
