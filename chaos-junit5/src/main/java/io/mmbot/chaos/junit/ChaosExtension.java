package io.mmbot.chaos.junit;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.GlobalChaos;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Gives each test its own chaos: a seeded {@link ChaosInjector} on a {@link VirtualClock}, with the
 * scenarios its {@link Chaos @Chaos} annotations set, resolved as test parameters.
 *
 * <pre>{@code
 * @ExtendWith(ChaosExtension.class)
 * class ConnectorTest {
 *   @Test
 *   @Chaos(scenario = Scenario.EXCH_5XX, intensity = 0.3)
 *   void retriesServerErrors(ChaosInjector chaos, VirtualClock clock) { ... }
 * }
 * }</pre>
 *
 * <p>Per test (each invocation of a repeated or parameterized test too):
 *
 * <ul>
 *   <li>The injector's configuration is enabled, not dry-run, with continuous chaos ({@code
 *       burst_off_sec} 0), so the test sees faults from its first call; every scenario is 0 except
 *       those named by {@code @Chaos}. Its time source is the test's {@link VirtualClock}, which
 *       starts at 0 and moves only when the test advances it. The test may change the configuration
 *       with {@link ChaosInjector#update}, for example to switch bursts on.
 *   <li>The seed is {@link ChaosSeed @ChaosSeed}'s, else the configuration parameter {@value
 *       #SEED_PARAMETER}, else random. It is published as the report entry {@value
 *       #SEED_REPORT_KEY} and printed in the failure message.
 *   <li>When the test fails, the extension rethrows its exception with the seed, the virtual time
 *       and the injections per scenario appended to the message: a plain {@link AssertionError} or
 *       {@code AssertionFailedError} keeps its type (and expected and actual values), any other
 *       throwable becomes the cause of an {@code AssertionFailedError} carrying that text. Aborted
 *       and skipped tests ({@code TestAbortedException}, {@code TestSkippedException}) pass through
 *       unchanged. Only failures of the test method itself are annotated, not those of
 *       {@code @BeforeEach} or {@code @AfterEach} methods.
 *   <li>{@link ChaosInjector} and {@link VirtualClock} parameters of the test method and of its
 *       {@code @BeforeEach} and {@code @AfterEach} methods are the same two objects. They cannot be
 *       injected into constructors or {@code @BeforeAll} methods, which belong to no single test.
 * </ul>
 *
 * <p><b>{@link GlobalChaos}.</b> It holds one injector for the whole JVM, so it can hold the
 * injector of one running test at a time, never two. The extension makes the test's injector global
 * before the first {@code @BeforeEach} method and puts the previous one back after the last
 * {@code @AfterEach} method, whether the test passed, failed or was aborted, in two cases:
 *
 * <ol>
 *   <li>parallel execution is off ({@code junit.jupiter.execution.parallel.enabled} is not {@code
 *       true}), the default: tests run one after another;
 *   <li>the test holds the resource lock {@value #GLOBAL_CHAOS} in {@code READ_WRITE} mode,
 *       declared on the method (as {@link ChaosTest @ChaosTest} does), its class or an enclosing
 *       class with {@code @ResourceLock(ChaosExtension.GLOBAL_CHAOS)}, or is {@code @Isolated}.
 *       JUnit then runs no two such tests at the same time.
 * </ol>
 *
 * <p>Under parallel execution a test without that lock gets its parameters as usual, but the
 * extension leaves {@code GlobalChaos} alone: installing it there would show the injector to
 * whatever test runs alongside. Code under such a test must therefore take its injector as a
 * parameter, not from {@code GlobalChaos.get()}, which may then hold a locked test's injector or
 * the default. A lock declared only through a {@code ResourceLocksProvider} is not seen.
 *
 * <p>The extension keeps no state between tests other than the store JUnit gives each test, so it
 * is safe under any parallel execution mode.
 */
public final class ChaosExtension
    implements BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver,
        TestExecutionExceptionHandler {

  /**
   * The key of the resource lock that serialises tests using {@link GlobalChaos}; use it as
   * {@code @ResourceLock(ChaosExtension.GLOBAL_CHAOS)}.
   */
  public static final String GLOBAL_CHAOS = "io.mmbot.chaos.GlobalChaos";

  /**
   * The configuration parameter (or system property) that sets the seed of tests without {@link
   * ChaosSeed}: {@code -Dmm.chaos.seed=42}.
   */
  public static final String SEED_PARAMETER = "mm.chaos.seed";

  /** The key of the report entry that records each test's seed. */
  public static final String SEED_REPORT_KEY = "mm-chaos.seed";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ChaosExtension.class);
  private static final String KEY = "chaos";

  /** Created by JUnit through {@code @ExtendWith}. */
  public ChaosExtension() {}

  @Override
  public void beforeEach(ExtensionContext context) {
    TestChaos chaos = TestChaos.create(context);
    context.getStore(NAMESPACE).put(KEY, chaos);
    context.publishReportEntry(SEED_REPORT_KEY, Long.toString(chaos.seed()));
    if (GlobalChaosPolicy.mayInstall(context)) {
      chaos.installGlobal();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestChaos chaos = context.getStore(NAMESPACE).remove(KEY, TestChaos.class);
    if (chaos != null) {
      chaos.restoreGlobal();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ChaosInjector.class || type == VirtualClock.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    TestChaos chaos =
        context.getTestMethod().isPresent()
            ? context.getStore(NAMESPACE).get(KEY, TestChaos.class)
            : null;
    if (chaos == null) {
      throw new ParameterResolutionException(
          type.getSimpleName()
              + " parameters belong to one test: declare them on a test method or on a"
              + " @BeforeEach or @AfterEach method, not on "
              + parameter.getDeclaringExecutable());
    }
    return type == ChaosInjector.class ? chaos.injector() : chaos.clock();
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    TestChaos chaos = context.getStore(NAMESPACE).get(KEY, TestChaos.class);
    if (chaos == null) {
      throw failure;
    }
    throw FailureMessages.withChaos(failure, chaos.describe());
  }
}
