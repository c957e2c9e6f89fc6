package io.mmbot.chaos.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.GlobalChaos;
import io.mmbot.chaos.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** What a test gets from {@link ChaosExtension}: parameters, configuration and their wiring. */
class ChaosExtensionTest {

  /** Filled by the test classes below while the kit runs them. */
  static final List<Object> SEEN = new CopyOnWriteArrayList<>();

  @BeforeEach
  void clear() {
    SEEN.clear();
  }

  // ------------------------------------------------------------------ a passing test

  @ExtendWith(ChaosExtension.class)
  static class PlainTest {
    @Test
    void records(ChaosInjector chaos, VirtualClock clock) {
      SEEN.add(chaos);
      SEEN.add(clock);
      SEEN.add(chaos.config());
      SEEN.add(chaos.burstActive());
    }
  }

  @Test
  void aTestGetsAnEnabledLiveInjectorWithContinuousChaosAndEveryScenarioAtZero() {
    EngineExecutionResults r = Kit.run(PlainTest.class);

    r.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    assertThat(SEEN).hasSize(4);
    ChaosConfig cfg = (ChaosConfig) SEEN.get(2);
    assertThat(cfg.enabled()).isTrue();
    assertThat(cfg.dryRun()).isFalse();
    assertThat(cfg.burstOffSec()).isZero();
    assertThat(cfg.hasSeed()).isTrue();
    for (Scenario s : Scenario.values()) {
      assertThat(cfg.intensity(s)).as(s.key()).isZero();
    }
    assertThat(SEEN.get(3)).as("burst active at once").isEqualTo(true);
  }

  @Chaos(scenario = Scenario.NET_LOSS, intensity = 1.0)
  @ExtendWith(ChaosExtension.class)
  static class LossEverywhereTest {
    @Test
    void dropsEveryCall(ChaosInjector chaos) {
      for (int i = 0; i < 10; i++) {
        SEEN.add(chaos.shouldInjectNetLoss());
      }
      SEEN.add(chaos.injections(Scenario.NET_LOSS));
    }
  }

  @Test
  void scenariosFireFromTheTestsFirstCall() {
    Kit.run(LossEverywhereTest.class).testEvents().assertStatistics(s -> s.succeeded(1));

    assertThat(SEEN.subList(0, 10)).containsOnly(true);
    assertThat(SEEN.get(10)).isEqualTo(10L);
  }

  @ExtendWith(ChaosExtension.class)
  static class ClockTest {
    @Test
    void burstsFollowTheVirtualClock(ChaosInjector chaos, VirtualClock clock) {
      chaos.update(chaos.config().toBuilder().netLoss(1.0).burstOnSec(30).burstOffSec(90).build());
      SEEN.add(chaos.shouldInjectNetLoss());
      clock.advance(Duration.ofSeconds(31));
      SEEN.add(chaos.burstActive());
      SEEN.add(chaos.shouldInjectNetLoss());
      clock.advance(Duration.ofSeconds(90));
      SEEN.add(chaos.burstActive());
    }
  }

  @Test
  void theInjectorReadsTheTestsVirtualClock() {
    Kit.run(ClockTest.class).testEvents().assertStatistics(s -> s.succeeded(1));

    // The update keeps chaos on, so the phase started when the test began at virtual time 0.
    assertThat(SEEN).containsExactly(true, false, false, true);
  }

  // ------------------------------------------------------------------ annotations

  @Chaos(scenario = Scenario.NET_LOSS, intensity = 0.3)
  @Chaos(scenario = Scenario.EXCH_5XX, intensity = 0.1)
  @ExtendWith(ChaosExtension.class)
  static class LayeredTest {
    @Test
    @Chaos(scenario = Scenario.EXCH_5XX, intensity = 0.25)
    @Chaos(scenario = Scenario.LAT_SPIKE, intensity = 200, probability = 0.5)
    void methodWins(ChaosInjector chaos) {
      SEEN.add(chaos.config());
    }

    @Test
    void classOnly(ChaosInjector chaos) {
      SEEN.add(chaos.config());
    }

    @Nested
    @Chaos(scenario = Scenario.NET_LOSS, intensity = 0.05)
    class Inner {
      @Test
      void nestedClassWins(ChaosInjector chaos) {
        SEEN.add(chaos.config());
      }
    }
  }

  @Test
  void theNearestDeclarationOfAScenarioWins() {
    Kit.run(LayeredTest.class).testEvents().assertStatistics(s -> s.succeeded(3));

    List<ChaosConfig> cfgs = new ArrayList<>();
    SEEN.forEach(o -> cfgs.add((ChaosConfig) o));
    ChaosConfig method = cfgs.stream().filter(c -> c.latSpikeMs() == 200).findFirst().orElseThrow();
    assertThat(method.netLoss()).isEqualTo(0.3);
    assertThat(method.exch5xx()).isEqualTo(0.25);
    assertThat(method.latSpikeProbability()).isEqualTo(0.5);
    ChaosConfig nested = cfgs.stream().filter(c -> c.netLoss() == 0.05).findFirst().orElseThrow();
    assertThat(nested.exch5xx()).isEqualTo(0.1);
    assertThat(nested.latSpikeMs()).isZero();
    assertThat(cfgs)
        .filteredOn(c -> c.netLoss() == 0.3 && c.exch5xx() == 0.1 && c.latSpikeMs() == 0)
        .hasSize(1);
  }

  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @Chaos(scenario = Scenario.NET_LOSS, intensity = 0.3)
  @Chaos(scenario = Scenario.EXCH_429, intensity = 0.2)
  @interface PhaseThree {}

  static class BaseTest {}

  @Chaos(scenario = Scenario.DNS_FLAP, intensity = 0.05)
  static class AnnotatedBase extends BaseTest {}

  @ExtendWith(ChaosExtension.class)
  static class ComposedTest extends AnnotatedBase {
    @Test
    @PhaseThree
    void composed(ChaosInjector chaos) {
      SEEN.add(chaos.config());
    }
  }

  @Test
  void composedAnnotationsAndSuperclassDeclarationsApply() {
    Kit.run(ComposedTest.class).testEvents().assertStatistics(s -> s.succeeded(1));

    ChaosConfig cfg = (ChaosConfig) SEEN.get(0);
    assertThat(cfg.netLoss()).isEqualTo(0.3);
    assertThat(cfg.exch429()).isEqualTo(0.2);
    assertThat(cfg.dnsFlap()).isEqualTo(0.05);
  }

  @ExtendWith(ChaosExtension.class)
  static class SameObjectsTest {
    @BeforeEach
    void before(ChaosInjector chaos, VirtualClock clock) {
      SEEN.add(chaos);
      SEEN.add(clock);
    }

    @Test
    void test(ChaosInjector chaos, VirtualClock clock) {
      SEEN.add(chaos);
      SEEN.add(clock);
    }

    @AfterEach
    void after(ChaosInjector chaos, VirtualClock clock) {
      SEEN.add(chaos);
      SEEN.add(clock);
    }
  }

  @Test
  void beforeEachTestAndAfterEachShareOneInjectorAndOneClock() {
    Kit.run(SameObjectsTest.class).testEvents().assertStatistics(s -> s.succeeded(1));

    assertThat(SEEN).hasSize(6);
    assertThat(SEEN.get(0)).isSameAs(SEEN.get(2)).isSameAs(SEEN.get(4));
    assertThat(SEEN.get(1)).isSameAs(SEEN.get(3)).isSameAs(SEEN.get(5));
  }

  @ExtendWith(ChaosExtension.class)
  static class RepeatedChaosTest {
    @RepeatedTest(3)
    @Chaos(scenario = Scenario.NET_LOSS, intensity = 0.5)
    void each(ChaosInjector chaos, VirtualClock clock) {
      assertThat(chaos.config().netLoss()).isEqualTo(0.5);
      SEEN.add(chaos);
      clock.advanceMillis(5);
      SEEN.add(clock.nanoTime());
    }
  }

  @Test
  void everyInvocationOfARepeatedTestGetsAFreshInjectorAndClock() {
    Kit.run(RepeatedChaosTest.class).testEvents().assertStatistics(s -> s.succeeded(3));

    assertThat(List.of(SEEN.get(0), SEEN.get(2), SEEN.get(4))).doesNotHaveDuplicates();
    assertThat(List.of(SEEN.get(1), SEEN.get(3), SEEN.get(5))).containsOnly(5_000_000L);
  }

  @ExtendWith(ChaosExtension.class)
  static class BeforeAllParameterTest {
    @BeforeAll
    static void all(ChaosInjector chaos) {
      SEEN.add(chaos);
    }

    @Test
    void never() {}
  }

  @Test
  void anInjectorCannotBeInjectedIntoBeforeAll() {
    EngineExecutionResults r = Kit.run(BeforeAllParameterTest.class);

    assertThat(SEEN).isEmpty();
    Throwable t =
        r.containerEvents().failed().stream()
            .map(
                e ->
                    e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .getThrowable()
                        .orElseThrow())
            .findFirst()
            .orElseThrow();
    assertThat(t)
        .isInstanceOf(org.junit.jupiter.api.extension.ParameterResolutionException.class)
        .hasMessageContaining("ChaosInjector parameters belong to one test")
        .hasMessageContaining("@BeforeEach");
  }

  // ------------------------------------------------------------------ GlobalChaos, sequential

  @ExtendWith(ChaosExtension.class)
  static class GlobalDuringTest {
    @BeforeEach
    void before(ChaosInjector chaos, org.junit.jupiter.api.TestInfo info) {
      SEEN.add(
          info.getTestMethod().orElseThrow().getName()
              + "() before "
              + (GlobalChaos.get() == chaos));
    }

    @Test
    void passes(ChaosInjector chaos) {
      SEEN.add("passes() test " + (GlobalChaos.get() == chaos));
    }

    @Test
    void fails(ChaosInjector chaos) {
      SEEN.add("fails() test " + (GlobalChaos.get() == chaos));
      throw new AssertionError("boom");
    }

    @Test
    void aborts(ChaosInjector chaos) {
      SEEN.add("aborts() test " + (GlobalChaos.get() == chaos));
      org.junit.jupiter.api.Assumptions.assumeTrue(false, "not today");
    }

    @Test
    void replacesIt(ChaosInjector chaos) {
      SEEN.add("replacesIt() test " + (GlobalChaos.get() == chaos));
      GlobalChaos.init(ChaosInjector.builder().build());
    }

    @AfterEach
    void after(ChaosInjector chaos, org.junit.jupiter.api.TestInfo info) {
      SEEN.add(
          info.getTestMethod().orElseThrow().getName()
              + "() after "
              + (GlobalChaos.get() == chaos));
    }
  }

  @Test
  void globalChaosIsTheTestsInjectorDuringTheTestAndIsRestoredAfterPassFailAbortAndReplacement() {
    ChaosInjector before = GlobalChaos.init(ChaosInjector.builder().build());
    try {
      EngineExecutionResults r = Kit.run(GlobalDuringTest.class);

      r.testEvents().assertStatistics(s -> s.started(4).succeeded(2).failed(1).aborted(1));
      assertThat(SEEN)
          .containsExactlyInAnyOrder(
              "passes() before true",
              "passes() test true",
              "passes() after true",
              "fails() before true",
              "fails() test true",
              "fails() after true",
              "aborts() before true",
              "aborts() test true",
              "aborts() after true",
              "replacesIt() before true",
              "replacesIt() test true",
              "replacesIt() after false");
      assertThat(GlobalChaos.get()).as("restored after the kit run").isSameAs(before);
    } finally {
      GlobalChaos.reset();
    }
  }

  @ExtendWith(ChaosExtension.class)
  static class OneFailingTest {
    @Test
    void fails(ChaosInjector chaos) {
      SEEN.add(chaos);
      throw new IllegalStateException("connector gave up");
    }
  }

  @Test
  void globalChaosIsRestoredAfterAFailingTest() {
    ChaosInjector before = GlobalChaos.init(ChaosInjector.builder().build());
    try {
      Kit.run(OneFailingTest.class).testEvents().assertStatistics(s -> s.failed(1));

      assertThat(SEEN).hasSize(1);
      assertThat(GlobalChaos.get()).isSameAs(before).isNotSameAs(SEEN.get(0));
    } finally {
      GlobalChaos.reset();
    }
  }
}
