package io.mmbot.chaos;

import static io.mmbot.chaos.GuardDriver.chaosOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.testsupport.LogCapture;
import io.mmbot.chaos.time.VirtualTime;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The three triggers in virtual time: "held for" exactly as Prometheus {@code for:}. */
class RollbackGuardTest {

  /** One way for the bot to suffer, per trigger. */
  enum Degradation {
    P95_TICK(600) {
      @Override
      void second(GuardDriver d) {
        d.second(10, 200, 0, 10, 0); // twice the configured 100 ms baseline
      }
    },
    DEADLINE_MISS(300) {
      @Override
      void second(GuardDriver d) {
        d.second(10, 100, 10, 10, 0);
      }
    },
    PARTIAL_FAIL(600) {
      @Override
      void second(GuardDriver d) {
        d.second(10, 100, 0, 10, 10);
      }
    };

    final long forSeconds;

    Degradation(long forSeconds) {
      this.forSeconds = forSeconds;
    }

    abstract void second(GuardDriver d);
  }

  private static ChaosConfig withConfiguredBaseline() {
    return chaosOn().rollback(RollbackConfig.builder().baselineP95Ms(100).build()).build();
  }

  @ParameterizedTest
  @EnumSource(Degradation.class)
  void triggerFiresExactlyAtItsWindowAndNotOneEvaluationBefore(Degradation bad) {
    GuardDriver d = new GuardDriver(withConfiguredBaseline());
    for (int i = 0; i < 120; i++) {
      d.healthy();
      assertThat(d.evaluate().trigger(bad.name()).holding()).isFalse();
    }
    long t0 = d.seconds;
    long firstHeld = -1;
    long trippedAt = -1;
    try (LogCapture log = new LogCapture(RollbackGuard.class)) {
      while (trippedAt < 0 && d.seconds < t0 + 2 * bad.forSeconds) {
        bad.second(d);
        RollbackGuard.Status s = d.evaluate();
        RollbackGuard.Trigger t = s.trigger(bad.name());
        if (firstHeld < 0 && t.holding()) {
          firstHeld = d.seconds;
          assertThat(t.heldFor()).isEqualTo(Duration.ZERO);
        }
        if (s.trippedReason() != null) {
          trippedAt = d.seconds;
        } else {
          assertThat(d.injector.enabled()).as("chaos on before the trip").isTrue();
          if (firstHeld >= 0) {
            assertThat(t.heldFor()).isEqualTo(Duration.ofSeconds(d.seconds - firstHeld));
          }
        }
      }
      assertThat(firstHeld).as("condition seen within a minute").isBetween(t0 + 1, t0 + 60);
      assertThat(trippedAt - firstHeld).as("held for exactly the window").isEqualTo(bad.forSeconds);
      assertThat(trippedAt - t0)
          .as("never before t0 + window")
          .isGreaterThanOrEqualTo(bad.forSeconds);

      assertThat(d.guard.trippedReason()).isEqualTo(bad.name());
      assertThat(d.injector.enabled()).isFalse();
      assertThat(d.injector.lastDisableReason()).isEqualTo(bad.name());
      assertThat(d.disabled)
          .singleElement()
          .satisfies(c -> assertThat(c.reason()).isEqualTo(bad.name()));
      LogRecord line = assertThat(log.at(Level.WARNING)).hasSize(1).first().actual();
      assertThat(line.getMessage())
          .startsWith("mm-chaos rollback " + bad.name() + ": ")
          .contains("for " + bad.forSeconds + " s")
          .contains("chaos disabled");
    }
  }

  @Test
  void logLineGivesTheMeasuredValueTheThresholdAndHowLongItHeld() {
    GuardDriver d = new GuardDriver(withConfiguredBaseline());
    try (LogCapture log = new LogCapture(RollbackGuard.class)) {
      for (int i = 0; i < 700 && d.guard.trippedReason() == null; i++) {
        d.second(10, 200, 0, 10, 0);
      }
      d.evaluate();
      assertThat(log.at(Level.WARNING))
          .singleElement()
          .extracting(LogRecord::getMessage)
          .isEqualTo(
              "mm-chaos rollback P95_TICK: tick p95 199.2 ms > 115.0 ms (baseline 100.0 ms"
                  + " configured + 15 %) at every evaluation for 600 s (trigger window 600 s,"
                  + " measured over the last 60 s); chaos disabled");
    }
  }

  @Test
  void conditionThatClearsForOneEvaluationRestartsTheTimer() {
    GuardDriver d = new GuardDriver(chaosOn().build());
    for (int i = 0; i < 200; i++) {
      d.second(100, 100, 100, 0, 0);
    }
    assertThat(d.evaluate().trigger("DEADLINE_MISS").heldFor()).isEqualTo(Duration.ofSeconds(199));
    // One second with so many sound ticks that the window's share drops under 2 %.
    d.second(300_000, 100, 0, 0, 0);
    assertThat(d.evaluate().trigger("DEADLINE_MISS").holding()).isFalse();
    d.second(10_000, 100, 10_000, 0, 0);
    RollbackGuard.Trigger again = d.evaluate().trigger("DEADLINE_MISS");
    assertThat(again.holding()).isTrue();
    assertThat(again.heldFor()).isEqualTo(Duration.ZERO);
    long restart = d.seconds;
    while (d.seconds < restart + 299) {
      d.second(10_000, 100, 10_000, 0, 0);
      assertThat(d.evaluate().trippedReason()).as("at +%d s", d.seconds - restart).isNull();
    }
    d.second(10_000, 100, 10_000, 0, 0);
    assertThat(d.evaluate().trippedReason()).isEqualTo("DEADLINE_MISS");
  }

  @Test
  void trippedInjectorStaysOffUntilEnabledAgainAndThatReArmsTheGuard() {
    ChaosConfig on = chaosOn().build();
    GuardDriver d = new GuardDriver(on);
    while (d.guard.trippedReason() == null && d.seconds < 400) {
      Degradation.DEADLINE_MISS.second(d);
    }
    assertThat(d.guard.trippedReason()).isEqualTo("DEADLINE_MISS");
    long trip = d.seconds;
    // An hour later, still suffering: chaos stays off, the guard stays tripped, nothing more fires.
    for (int i = 0; i < 3_600; i++) {
      Degradation.DEADLINE_MISS.second(d);
    }
    d.injector.update(on.withEnabled(false)); // an update that keeps chaos off is no enable
    assertThat(d.evaluate().trippedReason()).isEqualTo("DEADLINE_MISS");
    assertThat(d.injector.enabled()).isFalse();
    assertThat(d.disabled).hasSize(1);

    d.injector.update(on); // explicit enable
    assertThat(d.guard.trippedReason()).isNull();
    RollbackGuard.Status s = d.evaluate();
    assertThat(s.armed()).isTrue();
    assertThat(s.trippedReason()).isNull();
    long enabledAt = d.seconds;
    long firstHeld = -1;
    while (d.guard.trippedReason() == null && d.seconds < enabledAt + 400) {
      Degradation.DEADLINE_MISS.second(d);
      boolean holding = d.evaluate().trigger("DEADLINE_MISS").holding();
      if (firstHeld < 0 && holding) {
        firstHeld = d.seconds;
      }
    }
    assertThat(d.guard.trippedReason()).isEqualTo("DEADLINE_MISS");
    assertThat(d.seconds - firstHeld).as("a full window again after the re-arm").isEqualTo(300);
    assertThat(d.seconds).isGreaterThan(trip + 3_600);
    assertThat(d.disabled).hasSize(2);
  }

  @Test
  void disarmedTriggersMeasureButNeverFire() {
    ChaosConfig cfg = chaosOn().rollback(RollbackConfig.builder().enabled(false).build()).build();
    GuardDriver d = new GuardDriver(cfg);
    for (int i = 0; i < 3_600; i++) {
      Degradation.DEADLINE_MISS.second(d);
    }
    RollbackGuard.Status s = d.evaluate();
    assertThat(s.armed()).isFalse();
    assertThat(s.trippedReason()).isNull();
    assertThat(s.trigger("DEADLINE_MISS").value()).isEqualTo(100.0);
    assertThat(s.trigger("DEADLINE_MISS").holding()).isFalse();
    assertThat(d.injector.enabled()).isTrue();
  }

  @Test
  void chaosOffMeansNoConditionHolds() {
    GuardDriver d = new GuardDriver(chaosOn().enabled(false).build());
    for (int i = 0; i < 3_600; i++) {
      Degradation.DEADLINE_MISS.second(d);
    }
    assertThat(d.evaluate().trigger("DEADLINE_MISS").holding()).isFalse();
    assertThat(d.guard.trippedReason()).isNull();
    assertThat(d.disabled).isEmpty();
  }

  @Test
  void thresholdsFollowTheInjectorsUpdates() {
    GuardDriver d = new GuardDriver(chaosOn().build());
    d.injector.update(
        chaosOn().rollback(RollbackConfig.builder().deadlineMissWindowSec(30).build()).build());
    long firstHeld = -1;
    while (d.guard.trippedReason() == null && d.seconds < 100) {
      Degradation.DEADLINE_MISS.second(d);
      boolean holding = d.evaluate().trigger("DEADLINE_MISS").holding();
      if (firstHeld < 0 && holding) {
        firstHeld = d.seconds;
      }
    }
    assertThat(d.seconds - firstHeld).isEqualTo(30);
  }

  @Test
  void fixedConfigOverridesTheInjectors() {
    GuardDriver d =
        new GuardDriver(chaosOn().build(), RollbackConfig.builder().deadlineMissPct(50).build());
    for (int i = 0; i < 600; i++) {
      d.second(10, 100, 4, 10, 0); // 40 % misses: over the injector's 2 %, under the fixed 50 %
    }
    assertThat(d.evaluate().trigger("DEADLINE_MISS").threshold()).isEqualTo(50.0);
    assertThat(d.guard.trippedReason()).isNull();
  }

  @Test
  void aGapLongerThanTheWindowEmptiesItAndResetsTheTimers() {
    GuardDriver d = new GuardDriver(chaosOn().build());
    for (int i = 0; i < 200; i++) {
      Degradation.DEADLINE_MISS.second(d);
    }
    d.clock.advance(Duration.ofMinutes(30)); // the bot stalls: no tick at all
    RollbackGuard.Status s = d.evaluate();
    assertThat(s.windowTicks()).isZero();
    assertThat(s.trigger("DEADLINE_MISS").holding()).isFalse();
    assertThat(s.trigger("DEADLINE_MISS").value()).isNaN();
    assertThat(s.trippedReason()).isNull();
    assertThat(s.totalTicks()).isEqualTo(2_000);
  }

  @Test
  void aGapShorterThanTheWindowKeepsTheConditionAsPrometheusWould() {
    GuardDriver d = new GuardDriver(chaosOn().build());
    for (int i = 0; i < 100; i++) {
      Degradation.DEADLINE_MISS.second(d);
    }
    d.clock.advance(Duration.ofSeconds(30));
    RollbackGuard.Trigger t = d.evaluate().trigger("DEADLINE_MISS");
    assertThat(t.holding()).isTrue();
    assertThat(t.heldFor()).isEqualTo(Duration.ofSeconds(129));
  }

  @Test
  void builderRejectsABadSettlingMargin() {
    ChaosInjector injector = ChaosInjector.create(ChaosConfig.defaults());
    assertThatThrownBy(() -> RollbackGuard.builder(injector).baselineSettle(Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baselineSettle");
  }

  @Test
  void defaultClockIsTheInjectors() {
    VirtualTime clock = new VirtualTime();
    ChaosInjector injector =
        ChaosInjector.builder().config(chaosOn().build()).nanoClock(clock).build();
    RollbackGuard guard = RollbackGuard.builder(injector).build();
    for (int s = 0; s < 301; s++) {
      for (int i = 0; i < 10; i++) {
        guard.recordTick(100 * GuardDriver.MS, true);
        clock.advanceMillis(100);
      }
    }
    guard.recordTick(100 * GuardDriver.MS, true);
    assertThat(guard.trippedReason()).isEqualTo("DEADLINE_MISS");
  }

  @Test
  @Timeout(10) // it used to spin for ever on the evaluating thread's own flag
  void listenerThatAsksTheGuardDuringTheRollbackGetsAnAnswer() {
    GuardDriver d = new GuardDriver(chaosOn().build());
    RollbackGuard.Status[] seen = new RollbackGuard.Status[1];
    d.injector.addListener(
        new ChaosListener() {
          @Override
          public void onStateChange(StateChange change) {
            if (change.change() == Change.DISABLED) {
              seen[0] = d.guard.status();
            }
          }
        });
    while (d.guard.trippedReason() == null && d.seconds < 400) {
      Degradation.DEADLINE_MISS.second(d);
    }
    assertThat(seen[0]).isNotNull();
    assertThat(seen[0].trippedReason()).isEqualTo("DEADLINE_MISS");
  }

  @Test
  void guardWhoseEvaluationFailsSwitchesChaosOffAndNeverThrowsIntoTheBot() {
    VirtualTime time = new VirtualTime();
    boolean[] failNextRead = {false};
    ChaosInjector injector =
        ChaosInjector.builder().config(chaosOn().build()).nanoClock(time).build();
    RollbackGuard guard =
        RollbackGuard.builder(injector)
            .nanoClock(
                () -> {
                  if (failNextRead[0]) {
                    failNextRead[0] = false;
                    throw new IllegalStateException("clock source failed");
                  }
                  return time.getAsLong();
                })
            .build();
    guard.recordTick(GuardDriver.MS, false);
    time.advanceMillis(1_000);
    failNextRead[0] = true; // the guard's own time source fails on the next record call
    guard.recordTick(GuardDriver.MS, false);
    assertThat(injector.enabled()).isFalse();
    assertThat(injector.lastDisableReason()).isEqualTo(ChaosReasons.GUARD_ERROR);
  }

  @Test
  void closedGuardNoLongerEvaluates() {
    GuardDriver d = new GuardDriver(chaosOn().build());
    d.guard.close();
    for (int i = 0; i < 400; i++) {
      Degradation.DEADLINE_MISS.second(d);
    }
    assertThat(d.guard.trippedReason()).isNull();
    assertThat(d.injector.enabled()).isTrue();
  }
}
