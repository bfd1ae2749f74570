package com.cloud.utils.component;

import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;

// Subset of the real static helpers; all return trivial defaults.
public class ComponentContext implements ApplicationContextAware {

    public ComponentContext() {
    }

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
    }

    public static ApplicationContext getApplicationContext() {
        return null;
    }

    public static <T> T getComponent(String name) {
        return null;
    }

    public static <T> T getComponent(Class<T> beanType) {
        return null;
    }

    public static <T> Map<String, T> getComponentsOfType(Class<T> beanType) {
        return null;
    }

    public static Class<?> getTargetClass(Object instance) {
        return null;
    }

    public static <T> T getTargetObject(Object instance) {
        return null;
    }

    public static <T> T inject(Class<T> clz) {
        return null;
    }

    public static <T> T inject(Object instance) {
        return null;
    }

    public static synchronized void addDelegateContext(Class<?> clazz, ApplicationContext context) {
    }

    public static synchronized void removeDelegateContext(Class<?> clazz) {
    }

    public static <T> T getDelegateComponentOfType(Class<T> beanType) {
        return null;
    }
}
