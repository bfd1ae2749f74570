package com.cloud.utils.component;

import java.util.List;

public interface PluggableService {
    List<Class<?>> getCommands();
}
