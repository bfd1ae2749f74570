package com.cloud.utils.exception;

import java.util.List;

import com.cloud.utils.Pair;

public interface ErrorContext {

    ErrorContext add(Class<?> entity, String uuid);

    List<Pair<Class<?>, String>> getEntitiesInError();
}
