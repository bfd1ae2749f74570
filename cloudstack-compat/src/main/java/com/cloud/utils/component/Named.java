package com.cloud.utils.component;

public interface Named {
    String getName();
}
