package com.cloud.utils.component;

import java.util.HashMap;
import java.util.Map;

import javax.naming.ConfigurationException;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

// Compile-only stand-in (see cloudstack-compat/README.md): plain field storage, constant returns, no logic.
public class ComponentLifecycleBase implements ComponentLifecycle {

    protected Logger logger = LogManager.getLogger(getClass());

    protected String _name = getClass().getSimpleName();
    protected int _runLevel = RUN_LEVEL_COMPONENT;
    protected Map<String, Object> _configParams = new HashMap<>();

    public ComponentLifecycleBase() {
    }

    @Override
    public String getName() {
        return _name;
    }

    @Override
    public void setName(String name) {
        _name = name;
    }

    @Override
    public void setConfigParams(Map<String, Object> params) {
        _configParams = params;
    }

    @Override
    public Map<String, Object> getConfigParams() {
        return _configParams;
    }

    @Override
    public int getRunLevel() {
        return _runLevel;
    }

    @Override
    public void setRunLevel(int level) {
        _runLevel = level;
    }

    @Override
    public boolean configure(String name, Map<String, Object> params) throws ConfigurationException {
        _name = name;
        _configParams = params;
        return true;
    }

    @Override
    public boolean start() {
        return true;
    }

    @Override
    public boolean stop() {
        return true;
    }
}
