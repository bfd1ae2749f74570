package com.cloud.utils.component;

public class ManagerBase extends ComponentLifecycleBase implements ComponentMethodInterceptable {

    public ManagerBase() {
        _runLevel = RUN_LEVEL_COMPONENT_BOOTSTRAP;
    }
}
