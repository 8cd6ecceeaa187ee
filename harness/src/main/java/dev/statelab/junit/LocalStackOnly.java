package dev.statelab.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class or method only where a Docker engine can start LocalStack; elsewhere it is
 * skipped with the reason. Use it for tests of LocalStack behaviour itself; a test class meant
 * for both backends needs no condition.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalStackCondition.class)
public @interface LocalStackOnly {}
