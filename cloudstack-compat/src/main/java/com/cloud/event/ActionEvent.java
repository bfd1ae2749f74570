package com.cloud.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ActionEvent {

    boolean create() default false;

    boolean async() default false;

    String eventType();

    String eventDescription();

    long resourceId() default -1;

    String resourceType() default "";
}
