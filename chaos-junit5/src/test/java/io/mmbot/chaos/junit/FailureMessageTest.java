package io.mmbot.chaos.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A failing test's message carries its seed and injection counts, and the seed replays it. */
class FailureMessageTest {

  static final List<String> DECISIONS = new CopyOnWriteArrayList<>();

  @BeforeEach
  void clear() {
    DECISIONS.clear();
  }

  /** 200 NET_LOSS decisions at 0.5 as a string of 0s and 1s. */
  static String decisions(ChaosInjector chaos) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      b.append(chaos.shouldInjectNetLoss() ? '1' : '0');
    }
    return b.toString();
  }

  @ExtendWith(ChaosExtension.class)
  static class SeededFailure {
    @Test
    @ChaosSeed(42)
    @Chaos(scenario = Scenario.NET_LOSS, intensity = 1.0)
    @Chaos(scenario = Scenario.EXCH_5XX, intensity = 0.2)
    void fails(ChaosInjector chaos, VirtualClock clock) {
      for (int i = 0; i < 5; i++) {
        chaos.shouldInjectNetLoss();
      }
      clock.advanceMillis(1500);
      assertEquals(1, 2, "orders placed");
    }
  }

  @Test
  void theMessageOfAFailedAssertionGainsSeedTimeAndCountsAndKeepsExpectedAndActual() {
    Throwable t = Kit.onlyFailure(Kit.run(SeededFailure.class));

    assertThat(t).isExactlyInstanceOf(AssertionFailedError.class);
    assertThat(t.getMessage())
        .startsWith("orders placed ==> expected: <1> but was: <2>\n")
        .contains("mm-chaos: seed 42 (from @ChaosSeed)")
        .contains("virtual time PT1.5S")
        .endsWith("injections: net_loss=5, exch_5xx=0");
    AssertionFailedError a = (AssertionFailedError) t;
    assertThat(a.getExpected().getValue()).isEqualTo(1);
    assertThat(a.getActual().getValue()).isEqualTo(2);
    assertThat(t.getStackTrace()[0].getClassName()).startsWith("org.junit.jupiter.api.Assert");
    assertThat(t.getStackTrace())
        .anyMatch(f -> f.getClassName().equals(SeededFailure.class.getName()));
  }

  @ExtendWith(ChaosExtension.class)
  static class PlainAssertionError {
    @Test
    @ChaosSeed(7)
    void fails() {
      AssertionError e = new AssertionError("bare");
      e.addSuppressed(new IllegalStateException("also this"));
      throw e;
    }
  }

  @Test
  void aPlainAssertionErrorKeepsItsTypeAndSuppressedExceptions() {
    Throwable t = Kit.onlyFailure(Kit.run(PlainAssertionError.class));

    assertThat(t).isExactlyInstanceOf(AssertionError.class);
    assertThat(t.getMessage())
        .isEqualTo(
            "bare\nmm-chaos: seed 7 (from @ChaosSeed), virtual time PT0S, injections: no"
                + " scenario configured");
    assertThat(t.getSuppressed()).hasSize(1);
    assertThat(t.getSuppressed()[0]).hasMessage("also this");
  }

  @ExtendWith(ChaosExtension.class)
  static class ConnectorThrows {
    @Test
    @ChaosSeed(-3)
    @Chaos(scenario = Scenario.DNS_FLAP, intensity = 1.0)
    void fails(ChaosInjector chaos) throws IOException {
      chaos.shouldInjectDnsFlap();
      throw new IOException("connection reset");
    }
  }

  @Test
  void anyOtherThrowableBecomesTheCauseOfAnAssertionFailureCarryingTheText() {
    Throwable t = Kit.onlyFailure(Kit.run(ConnectorThrows.class));

    assertThat(t).isExactlyInstanceOf(AssertionFailedError.class);
    assertThat(t.getMessage())
        .startsWith("java.io.IOException: connection reset\nmm-chaos: seed -3 (from @ChaosSeed)")
        .endsWith("injections: dns_flap=1");
    assertThat(t.getCause()).isExactlyInstanceOf(IOException.class).hasMessage("connection reset");
  }

  @ExtendWith(ChaosExtension.class)
  static class Aborted {
    @Test
    void aborts() {
      Assumptions.assumeTrue(false, "needs a quiet machine");
    }
  }

  @Test
  void anAbortedTestIsNotTurnedIntoAFailure() {
    EngineExecutionResults r = Kit.run(Aborted.class);

    r.testEvents().assertStatistics(s -> s.aborted(1).failed(0));
    Throwable t =
        r.testEvents().aborted().stream()
            .findFirst()
            .orElseThrow()
            .getRequiredPayload(TestExecutionResult.class)
            .getThrowable()
            .orElseThrow();
    assertThat(t).isExactlyInstanceOf(TestAbortedException.class);
    assertThat(t.getMessage()).doesNotContain("mm-chaos");
  }

  @ExtendWith(ChaosExtension.class)
  static class DryRunFailure {
    @Test
    @ChaosSeed(1)
    @Chaos(scenario = Scenario.NET_LOSS, intensity = 1.0)
    void fails(ChaosInjector chaos) {
      chaos.shouldInjectNetLoss();
      chaos.update(chaos.config().toBuilder().dryRun(true).build());
      chaos.shouldInjectNetLoss();
      chaos.shouldInjectNetLoss();
      chaos.disable("MANUAL");
      throw new AssertionError("x");
    }
  }

  @Test
  void dryRunCountsAndADisabledInjectorAreReported() {
    Throwable t = Kit.onlyFailure(Kit.run(DryRunFailure.class));

    assertThat(t.getMessage())
        .endsWith("injections: net_loss=1 (dry-run 2), chaos disabled (MANUAL)");
  }

  // ------------------------------------------------------------------ seeds and replay

  private static final Pattern RANDOM_SEED =
      Pattern.compile(
          "mm-chaos: seed (-?\\d+) \\(random; replay with @ChaosSeed\\((-?\\d+)\\) or"
              + " -Dmm\\.chaos\\.seed=(-?\\d+)\\)");

  @ExtendWith(ChaosExtension.class)
  static class RandomSeedFailure {
    @Test
    @Chaos(scenario = Scenario.NET_LOSS, intensity = 0.5)
    void fails(ChaosInjector chaos) {
      DECISIONS.add(decisions(chaos));
      throw new AssertionError("flaky connector");
    }
  }

  @Test
  void aRandomSeedIsPrintedOnFailureAndReplaysTheSameDecisionsThroughTheSeedParameter() {
    EngineExecutionResults first = Kit.run(RandomSeedFailure.class);
    Matcher m = RANDOM_SEED.matcher(Kit.onlyFailure(first).getMessage());
    assertThat(m.find()).as(Kit.onlyFailure(first).getMessage()).isTrue();
    String seed = m.group(1);
    assertThat(m.group(2)).isEqualTo(seed);
    assertThat(m.group(3)).isEqualTo(seed);
    assertThat(Kit.reportEntries(first, ChaosExtension.SEED_REPORT_KEY)).containsExactly(seed);

    EngineExecutionResults replay =
        Kit.run(Map.of(ChaosExtension.SEED_PARAMETER, seed), RandomSeedFailure.class);

    assertThat(Kit.onlyFailure(replay).getMessage())
        .contains("mm-chaos: seed " + seed + " (from mm.chaos.seed)");
    assertThat(DECISIONS).hasSize(2);
    assertThat(DECISIONS.get(1)).isEqualTo(DECISIONS.get(0));
  }

  @Test
  void withoutASeedEachRunDrawsADifferentOne() {
    String a = Kit.reportEntries(Kit.run(RandomSeedFailure.class), "mm-chaos.seed").get(0);
    String b = Kit.reportEntries(Kit.run(RandomSeedFailure.class), "mm-chaos.seed").get(0);

    assertThat(a).isNotEqualTo(b);
    assertThat(DECISIONS.get(0)).isNotEqualTo(DECISIONS.get(1));
  }

  @ExtendWith(ChaosExtension.class)
  @ChaosSeed(1234)
  static class SeededClass {
    @Test
    @Chaos(scenario = Scenario.NET_LOSS, intensity = 0.5)
    void classSeed(ChaosInjector chaos) {
      DECISIONS.add("class " + decisions(chaos));
    }

    @Test
    @ChaosSeed(99)
    @Chaos(scenario = Scenario.NET_LOSS, intensity = 0.5)
    void methodSeed(ChaosInjector chaos) {
      DECISIONS.add("method " + decisions(chaos));
    }
  }

  @Test
  void aFixedSeedGivesTheSameDecisionsOnEveryRunAndTheMethodsSeedWinsOverTheClasss() {
    EngineExecutionResults r1 = Kit.run(SeededClass.class);
    EngineExecutionResults r2 =
        Kit.run(Map.of(ChaosExtension.SEED_PARAMETER, "5"), SeededClass.class);

    r1.testEvents().assertStatistics(s -> s.succeeded(2));
    r2.testEvents().assertStatistics(s -> s.succeeded(2));
    assertThat(Kit.reportEntries(r1, "mm-chaos.seed")).containsExactlyInAnyOrder("1234", "99");
    assertThat(Kit.reportEntries(r2, "mm-chaos.seed")).containsExactlyInAnyOrder("1234", "99");
    List<String> classRuns = DECISIONS.stream().filter(d -> d.startsWith("class ")).toList();
    List<String> methodRuns = DECISIONS.stream().filter(d -> d.startsWith("method ")).toList();
    assertThat(classRuns).hasSize(2).containsOnly(classRuns.get(0));
    assertThat(methodRuns).hasSize(2).containsOnly(methodRuns.get(0));
    assertThat(classRuns.get(0).substring(6)).isNotEqualTo(methodRuns.get(0).substring(7));
  }

  @ExtendWith(ChaosExtension.class)
  static class Passing {
    @Test
    void passes() {}
  }

  @Test
  void aSeedParameterThatIsNotANumberFailsTheTestNamingTheParameter() {
    Throwable t =
        Kit.onlyFailure(Kit.run(Map.of(ChaosExtension.SEED_PARAMETER, "forty-two"), Passing.class));

    assertThat(t)
        .hasMessage(
            "configuration parameter mm.chaos.seed = 'forty-two' is not a seed: must be a whole"
                + " number in [-9223372036854775808, 9223372036854775807]");
  }
}
