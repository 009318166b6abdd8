package io.github.evals4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Records every test of the annotated class as a Sentry transaction (when a DSN is configured) and
 * hands per-test records to the run's collectors. Shorthand for
 * {@code @ExtendWith(Evals4jExtension.class)}; usable as a meta-annotation and inherited by
 * subclasses.
 *
 * <pre>{@code
 * @Evals4j
 * class CheckoutTest {
 *   @Test void pays() { ... }
 * }
 * }</pre>
 *
 * <p>Instead of annotating classes, turn on JUnit's extension auto-detection
 * ({@code junit.jupiter.extensions.autodetection.enabled=true}): the extension is registered
 * through {@code META-INF/services}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(Evals4jExtension.class)
@ExtendWith(io.github.evals4j.junit.reporting.EarlyStop.class)
public @interface Evals4j {}
