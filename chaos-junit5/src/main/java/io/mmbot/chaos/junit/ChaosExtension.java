package io.mmbot.chaos.junit;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.GlobalChaos;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
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
 * whatever test runs alongside. It says so: a report entry {@value #WARNING_REPORT_KEY} on each
 * such test and one WARNING line in the log per run. Code under such a test must therefore take its
 * injector as a parameter, not from {@code GlobalChaos.get()}, which may then hold a locked test's
 * injector or the default. A lock declared only through a {@code ResourceLocksProvider} is not
 * seen.
 *
 * <p><b>After the test.</b> After the last {@code @AfterEach} method the test's injector is
 * switched off for good (reason {@value #TEST_ENDED}; an update that would switch it on is refused
 * with {@link io.mmbot.chaos.EnableRefusedException}). Code that captured it during the test, such
 * as a connector singleton built lazily, therefore injects nothing into later tests.
 *
 * <p>The extension keeps no state between tests other than the store JUnit gives each test, so it
 * is safe under any parallel execution mode.
 */
public final class ChaosExtension
    implements BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver,
        TestExecutionExceptionHandler,
        InvocationInterceptor {

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

  /**
   * The reason code given to a test's injector when the test ends; the injector then stays off for
   * good.
   */
  public static final String TEST_ENDED = "TEST_ENDED";

  /** The key of the report entry that warns a test it does not get {@link GlobalChaos}. */
  public static final String WARNING_REPORT_KEY = "mm-chaos.warning";

  /** The key of the report entry that records each test's seed. */
  public static final String SEED_REPORT_KEY = "mm-chaos.seed";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ChaosExtension.class);
  private static final String KEY = "chaos";
  private static final String WARNED_KEY = "warned-no-global-chaos";
  private static final System.Logger LOG = System.getLogger(ChaosExtension.class.getName());

  /** Created by JUnit through {@code @ExtendWith}. */
  public ChaosExtension() {}

  @Override
  public void beforeEach(ExtensionContext context) {
    TestChaos chaos = TestChaos.create(context);
    context.getStore(NAMESPACE).put(KEY, chaos);
    context.publishReportEntry(SEED_REPORT_KEY, Long.toString(chaos.seed()));
    if (GlobalChaosPolicy.mayInstall(context)) {
      chaos.installGlobal();
    } else {
      warnNoGlobalChaos(context);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestChaos chaos = context.getStore(NAMESPACE).remove(KEY, TestChaos.class);
    if (chaos != null) {
      try {
        chaos.restoreGlobal();
      } finally {
        chaos.end(context.getDisplayName());
      }
    }
  }

  /**
   * Parallel execution is on and the test does not hold the lock: GlobalChaos is left alone. Says
   * so in a report entry of the test and, once per run, in the log.
   */
  private static void warnNoGlobalChaos(ExtensionContext context) {
    String why =
        "GlobalChaos is not set for this test: junit.jupiter.execution.parallel.enabled is true"
            + " and the test does not hold the resource lock "
            + GLOBAL_CHAOS
            + ", so GlobalChaos.get() in the code under test does not see the test's injector."
            + " Declare the test with @ChaosTest or @ResourceLock(ChaosExtension.GLOBAL_CHAOS), or"
            + " pass the injector to the code explicitly.";
    context.publishReportEntry(WARNING_REPORT_KEY, why);
    ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
    synchronized (ChaosExtension.class) {
      if (root.get(WARNED_KEY) != null) {
        return;
      }
      root.put(WARNED_KEY, Boolean.TRUE);
    }
    try {
      LOG.log(System.Logger.Level.WARNING, "mm-chaos: " + why + " (said once per run)");
    } catch (RuntimeException ignored) {
      // the report entry carries the warning as well
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

  /**
   * A dynamic test of a chaos {@code @TestFactory} runs inside the factory's test, with its
   * injector; JUnit hands its failures to no exception handler, so they gain the seed line here.
   */
  @Override
  public void interceptDynamicTest(
      Invocation<Void> invocation,
      DynamicTestInvocationContext invocationContext,
      ExtensionContext context)
      throws Throwable {
    try {
      invocation.proceed();
    } catch (Throwable failure) {
      handleTestExecutionException(context, failure);
    }
  }
}
