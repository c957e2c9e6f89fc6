package io.mmbot.chaos.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fixes the seed of the test's injector, so that the test makes the same decisions on every run: on
 * a test method, or on a class for all its tests (the method's wins; a class's covers its
 * subclasses and {@code @Nested} classes unless they declare their own).
 *
 * <p>Without it, the seed comes from the configuration parameter {@value
 * ChaosExtension#SEED_PARAMETER} (for example {@code mvn test -Dmm.chaos.seed=42}) or, failing
 * that, is drawn at random; either way it is printed in the failure message of a failing test, so
 * copying it into {@code @ChaosSeed} replays the failure.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.ANNOTATION_TYPE, ElementType.TYPE, ElementType.METHOD})
public @interface ChaosSeed {

  /**
   * The seed.
   *
   * @return the seed of the injector's random draws
   */
  long value();
}
