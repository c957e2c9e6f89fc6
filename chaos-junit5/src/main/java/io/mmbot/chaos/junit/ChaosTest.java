package io.mmbot.chaos.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test method that runs with chaos: {@link Test @Test}, {@link ChaosExtension} and the {@link
 * ResourceLock resource lock} {@value ChaosExtension#GLOBAL_CHAOS} in one annotation.
 *
 * <pre>{@code
 * @ChaosTest
 * @Chaos(scenario = Scenario.NET_LOSS, intensity = 0.3)
 * void survivesLoss(ChaosInjector chaos, VirtualClock clock) { ... }
 * }</pre>
 *
 * <p>The lock makes the test the only one using {@code GlobalChaos} while it runs, so under JUnit's
 * parallel execution code that reads {@code GlobalChaos.get()} sees this test's injector and no
 * other. Tests that only use their injector parameter and want to run concurrently can use
 * {@code @Test} with {@code @ExtendWith(ChaosExtension.class)} instead; see {@link ChaosExtension}
 * for what {@code GlobalChaos} then holds.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.ANNOTATION_TYPE, ElementType.METHOD})
@Test
@ExtendWith(ChaosExtension.class)
@ResourceLock(value = ChaosExtension.GLOBAL_CHAOS, mode = ResourceAccessMode.READ_WRITE)
public @interface ChaosTest {}
