package com.cloud.serializer;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

import org.apache.cloudstack.acl.RoleType;

@Retention(RetentionPolicy.RUNTIME)
public @interface Param {

    String name() default "";

    String propName() default "";

    String description() default "";

    Class<?> responseObject() default Object.class;

    boolean includeInApiDoc() default true;

    String since() default "";

    RoleType[] authorized() default {};

    boolean isSensitive() default false;
}
