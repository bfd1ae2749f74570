package org.apache.cloudstack.api;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

@Retention(RetentionPolicy.RUNTIME)
@SuppressWarnings("rawtypes")
public @interface EntityReference {
    Class[] value() default {};
}
