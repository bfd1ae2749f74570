package org.apache.cloudstack.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apache.cloudstack.acl.SecurityChecker.AccessType;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD})
public @interface ACL {

    AccessType accessType() default AccessType.UseEntry;

    String pointerToEntity() default "";

    boolean checkKeyAccess() default false;

    boolean checkValueAccess() default false;
}
