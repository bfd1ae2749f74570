package com.cloud.utils.component;

import java.util.List;

public class AdapterBase extends ComponentLifecycleBase implements Adapter, ComponentMethodInterceptable {

    public AdapterBase() {
    }

    public static <T extends Adapter> T getAdapterByName(List<T> adapters, String name) {
        return null;
    }
}
