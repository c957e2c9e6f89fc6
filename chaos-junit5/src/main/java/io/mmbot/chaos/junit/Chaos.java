package io.mmbot.chaos.junit;

import io.mmbot.chaos.Scenario;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets one scenario's intensity for the tests it covers: {@code @Chaos(scenario = NET_LOSS,
 * intensity = 0.3)}. Repeatable, one per scenario; on a test method, on a test class (it then
 * covers every test of the class, of its subclasses and of its {@code @Nested} classes), or on a
 * composed annotation of your own.
 *
 * <p>The nearest declaration of a scenario wins: the method over its class, a class over its
 * superclass, a {@code @Nested} class over its enclosing class. Declaring the same scenario twice
 * at one place is an error. Scenarios that no {@code @Chaos} names stay at 0.
 *
 * <p>{@link #intensity()} is read in the scenario's own unit (see {@link Scenario#kind()}): a
 * probability in [0, 1] for NET_LOSS, EXCH_429, EXCH_5XX, DNS_FLAP, RATE_LIMIT_STORM and
 * RECONCILE_MISMATCH; whole milliseconds for LAT_SPIKE, WS_LAG and CLOCK_SKEW; a rate per minute
 * for WS_DISCONNECT. A value out of range fails the test before it starts, with a message naming
 * this annotation, the test and the allowed range.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.ANNOTATION_TYPE, ElementType.TYPE, ElementType.METHOD})
@Repeatable(Chaos.List.class)
public @interface Chaos {

  /** The scenario to switch on. */
  Scenario scenario();

  /** Its intensity, in the scenario's unit: a probability, milliseconds or a rate per minute. */
  double intensity();

  /**
   * For the magnitude scenarios LAT_SPIKE, WS_LAG and CLOCK_SKEW only: the chance per call that the
   * magnitude applies, in [0, 1]. Unset (NaN) keeps the library's default ({@link
   * io.mmbot.chaos.ChaosConfig#DEFAULT_LAT_SPIKE_PROBABILITY} and its siblings); setting it for any
   * other scenario is an error, since their intensity is already a probability or a rate.
   *
   * @return the per-call probability, or NaN for the default
   */
  double probability() default Double.NaN;

  /** The container of repeated {@link Chaos} annotations; written by the compiler. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.ANNOTATION_TYPE, ElementType.TYPE, ElementType.METHOD})
  @interface List {
    /**
     * The repeated annotations.
     *
     * @return the {@link Chaos} annotations in declaration order
     */
    Chaos[] value();
  }
}
