package io.metalboot.sim;

import io.metalboot.router.plan.RouterKind;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test run once per simulated router kind, each time with a {@link SimLab}: a router of that kind
 * started in a temporary directory, the OpenSSH client authorized on it and the example inventory
 * pointed at it, closed after the test.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(SimLabExtension.class)
public @interface SimRouterTest {
    /** The kinds to run against; none means every kind metalboot manages ({@link RouterKind#managedKinds()}). */
    RouterKind[] value() default {};
}
