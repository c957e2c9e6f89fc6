package io.mmbot.chaos.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.GlobalChaos;
import io.mmbot.chaos.Scenario;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Under JUnit's parallel execution (test classes concurrent) no test sees another test's injector:
 * through its parameters never, and through {@link GlobalChaos} never while it holds the lock
 * {@link ChaosExtension#GLOBAL_CHAOS}, which {@link ChaosTest} declares.
 */
class ParallelIsolationTest {

  /** Locked tests running right now, and the most that ever ran at once. */
  static final AtomicInteger INSIDE = new AtomicInteger();

  static final AtomicInteger MOST_INSIDE = new AtomicInteger();

  /** Every injector a test was given (identity). */
  static final Set<ChaosInjector> INJECTORS = ConcurrentHashMap.newKeySet();

  /** Lets the unlocked tests prove that they really ran at the same time. */
  static volatile CountDownLatch rendezvous;

  static volatile CyclicBarrier barrier;

  static final AtomicInteger TESTS = new AtomicInteger();

  private ChaosInjector outside;

  @BeforeEach
  void reset() {
    INSIDE.set(0);
    MOST_INSIDE.set(0);
    INJECTORS.clear();
    TESTS.set(0);
    rendezvous = new CountDownLatch(2);
    barrier = new CyclicBarrier(2);
    outside = GlobalChaos.init(ChaosInjector.builder().build());
  }

  @AfterEach
  void resetGlobal() {
    GlobalChaos.reset();
  }

  /** A locked test: GlobalChaos must be its own injector from start to end. */
  static void ownsGlobalChaos(ChaosInjector chaos) {
    TESTS.incrementAndGet();
    assertThat(INJECTORS.add(chaos)).as("a fresh injector").isTrue();
    int now = INSIDE.incrementAndGet();
    MOST_INSIDE.accumulateAndGet(now, Math::max);
    try {
      assertThat(GlobalChaos.get()).isSameAs(chaos);
      for (int i = 0; i < 20_000; i++) {
        chaos.shouldInjectNetLoss();
        if (i % 500 == 0) {
          Thread.yield();
          assertThat(GlobalChaos.get()).isSameAs(chaos);
        }
      }
      assertThat(chaos.injections(Scenario.NET_LOSS)).isBetween(9_000L, 11_000L);
      assertThat(GlobalChaos.get()).isSameAs(chaos);
    } finally {
      INSIDE.decrementAndGet();
    }
  }

  @Chaos(scenario = Scenario.NET_LOSS, intensity = 0.5)
  static class Locked1 {
    @ChaosTest
    void a(ChaosInjector chaos) {
      ownsGlobalChaos(chaos);
    }

    @ChaosTest
    void b(ChaosInjector chaos) {
      ownsGlobalChaos(chaos);
    }

    @ChaosTest
    void c(ChaosInjector chaos) {
      ownsGlobalChaos(chaos);
    }
  }

  @Chaos(scenario = Scenario.NET_LOSS, intensity = 0.5)
  static class Locked2 {
    @ChaosTest
    void a(ChaosInjector chaos) {
      ownsGlobalChaos(chaos);
    }

    @ChaosTest
    void b(ChaosInjector chaos) {
      ownsGlobalChaos(chaos);
    }

    @ChaosTest
    void failsAfterwards(ChaosInjector chaos) {
      ownsGlobalChaos(chaos);
      throw new AssertionError("intended failure");
    }
  }

  /** The lock declared on the class instead of through {@code @ChaosTest}. */
  @ExtendWith(ChaosExtension.class)
  @ResourceLock(ChaosExtension.GLOBAL_CHAOS)
  @Chaos(scenario = Scenario.NET_LOSS, intensity = 0.5)
  static class LockedClass {
    @Test
    void a(ChaosInjector chaos) {
      ownsGlobalChaos(chaos);
    }

    @Test
    void b(ChaosInjector chaos) {
      ownsGlobalChaos(chaos);
    }

    /** A nested class holds its enclosing class's lock. */
    @Nested
    class Inner {
      @Test
      void c(ChaosInjector chaos) {
        ownsGlobalChaos(chaos);
      }
    }
  }

  /** An isolated test holds every lock. */
  @ExtendWith(ChaosExtension.class)
  @Isolated
  @Chaos(scenario = Scenario.NET_LOSS, intensity = 0.5)
  static class IsolatedClass {
    @Test
    void a(ChaosInjector chaos) {
      ownsGlobalChaos(chaos);
    }
  }

  /** An unlocked test: gets its own injector, leaves GlobalChaos alone, meets its peer. */
  static void runsAlongside(ChaosInjector chaos) throws InterruptedException {
    TESTS.incrementAndGet();
    assertThat(INJECTORS.add(chaos)).as("a fresh injector").isTrue();
    assertThat(GlobalChaos.get()).isNotSameAs(chaos);
    rendezvous.countDown();
    assertThat(rendezvous.await(30, TimeUnit.SECONDS))
        .as("the other unlocked class ran at the same time")
        .isTrue();
    assertThat(GlobalChaos.get()).isNotSameAs(chaos);
  }

  @ExtendWith(ChaosExtension.class)
  static class Unlocked1 {
    @Test
    void meets(ChaosInjector chaos) throws InterruptedException {
      runsAlongside(chaos);
    }
  }

  @ExtendWith(ChaosExtension.class)
  static class Unlocked2 {
    @Test
    void meets(ChaosInjector chaos) throws InterruptedException {
      runsAlongside(chaos);
    }
  }

  @Test
  void concurrentClassesNeverShareAnInjectorAndLockedTestsOwnGlobalChaosOneAtATime() {
    EngineExecutionResults r =
        Kit.run(
            Kit.parallelClasses(4),
            Locked1.class,
            Locked2.class,
            LockedClass.class,
            IsolatedClass.class,
            Unlocked1.class,
            Unlocked2.class);

    r.testEvents().assertStatistics(s -> s.started(12).succeeded(11).failed(1));
    assertThat(Kit.onlyFailure(r)).hasMessageStartingWith("intended failure\nmm-chaos: seed ");
    assertThat(TESTS.get()).isEqualTo(12);
    assertThat(INJECTORS).hasSize(12);
    assertThat(MOST_INSIDE.get()).as("locked tests at once").isEqualTo(1);
    assertThat(GlobalChaos.get()).as("restored after the parallel run").isSameAs(outside);
  }

  // ------------------------------------------------------------------ what the lock prevents

  /**
   * What an extension without the lock would do: make each test's injector global while the test
   * runs. The check above must catch it.
   */
  static final class UnlockedGlobalInstaller
      implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS =
        ExtensionContext.Namespace.create(UnlockedGlobalInstaller.class);

    @Override
    public void beforeEach(ExtensionContext context) {
      ChaosInjector mine =
          ChaosInjector.builder()
              .config(ChaosConfig.builder().enabled(true).dryRun(false).burstOffSec(0).build())
              .nanoClock(new VirtualClock())
              .build();
      context.getStore(NS).put("previous", GlobalChaos.get());
      context.getStore(NS).put("mine", mine);
      GlobalChaos.init(mine);
    }

    @Override
    public void afterEach(ExtensionContext context) {
      GlobalChaos.init(context.getStore(NS).get("previous", ChaosInjector.class));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == ChaosInjector.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context.getStore(NS).get("mine", ChaosInjector.class);
    }
  }

  static void meetsExpectingGlobal(ChaosInjector chaos) throws Exception {
    // Meet once both have installed, look, and meet again so that neither restores before both
    // have looked.
    barrier.await(30, TimeUnit.SECONDS);
    boolean own = GlobalChaos.get() == chaos;
    barrier.await(30, TimeUnit.SECONDS);
    assertThat(own).as("GlobalChaos is this test's injector").isTrue();
  }

  @ExtendWith(UnlockedGlobalInstaller.class)
  static class Naive1 {
    @Test
    void meets(ChaosInjector chaos) throws Exception {
      meetsExpectingGlobal(chaos);
    }
  }

  @ExtendWith(UnlockedGlobalInstaller.class)
  static class Naive2 {
    @Test
    void meets(ChaosInjector chaos) throws Exception {
      meetsExpectingGlobal(chaos);
    }
  }

  @Test
  void withoutTheLockTwoConcurrentTestsWouldSeeOneAnothersInjector() {
    EngineExecutionResults r = Kit.run(Kit.parallelClasses(4), Naive1.class, Naive2.class);

    // Both installed before either looked, so the first to install sees the other's injector.
    r.testEvents().assertStatistics(s -> s.started(2).failed(1).succeeded(1));
    assertThat(Kit.onlyFailure(r)).hasMessageContaining("GlobalChaos is this test's injector");
  }

  @Test
  void aTestThatOwnsGlobalChaosIsStillIsolatedWhenRunAlone() {
    EngineExecutionResults r = Kit.run(Kit.parallelClasses(4), Locked1.class);

    r.testEvents().assertStatistics(s -> s.succeeded(3));
    assertThat(GlobalChaos.get()).isSameAs(outside);
  }
}
