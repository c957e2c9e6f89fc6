package io.mmbot.chaos;

import static io.mmbot.chaos.GuardDriver.chaosOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mmbot.chaos.testsupport.LogCapture;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** The measured baseline: only chaos-free, healthy seconds feed it. */
class RollbackBaselineTest {

  private static final double ERR = RollbackGuard.P95_RELATIVE_ERROR;

  /** Chaos on 30 s, off 90 s: 300 ms ticks in a burst, 250 ms for 5 s after it, else 100 ms. */
  private static void burstyBot(GuardDriver d, long seconds) {
    long burstEnded = Long.MIN_VALUE;
    for (long i = 0; i < seconds; i++) {
      boolean burst = d.injector.burstActive();
      d.injector.shouldInjectNetLoss(); // a gate call, as the bot would make
      if (burst) {
        burstEnded = d.seconds + 1;
      }
      double ms = burst ? 300 : d.seconds - burstEnded < 5 ? 250 : 100;
      d.second(10, ms, 0, 0, 0);
    }
  }

  private static GuardDriver bursty(Duration settle) {
    ChaosConfig cfg =
        ChaosConfig.builder()
            .enabled(true)
            .dryRun(false)
            .netLoss(0.1)
            .burstOnSec(30)
            .burstOffSec(90)
            .seed(3L)
            .build();
    GuardDriver d = new GuardDriver(cfg);
    if (settle != null) {
      d.guard.close();
      RollbackGuard g = RollbackGuard.builder(d.injector).baselineSettle(settle).build();
      return new GuardDriver(d, g);
    }
    return d;
  }

  @Test
  void baselineIsMeasuredOnlyOnChaosFreeTicksAfterTheSettlingMargin() {
    GuardDriver d = bursty(null);
    burstyBot(d, 120);
    assertThat(d.evaluate().baseline().ready()).isTrue();
    assertThat(d.evaluate().baseline().p95Ms()).isCloseTo(100.0, within(100.0 * ERR));
    burstyBot(d, 3 * 120);
    RollbackGuard.BaselineStatus b = d.evaluate().baseline();
    assertThat(b.ready()).isTrue();
    assertThat(b.configured()).isFalse();
    assertThat(b.p95Ms()).isCloseTo(100.0, within(100.0 * ERR));
    // Per cycle at most 90 s off minus the 10 s margin (and the second the burst ended in).
    assertThat(b.seconds()).isBetween(60L, 4 * 80L);
    assertThat(b.ticks()).isEqualTo(10 * b.seconds());
  }

  @Test
  void withoutASettlingMarginTheBotsRecoveryWouldLeakIn() {
    // The same run with no margin: the recovery ticks reach the baseline. This shows the test
    // above can fail; the default margin is what keeps them out.
    GuardDriver d = bursty(Duration.ZERO);
    burstyBot(d, 120);
    assertThat(d.evaluate().baseline().ready()).isTrue();
    assertThat(d.evaluate().baseline().p95Ms()).isGreaterThan(200.0);
  }

  @Test
  void degradedChaosOffTicksDoNotRaiseTheBaseline() {
    GuardDriver d = new GuardDriver(chaosOn().enabled(false).build());
    for (int i = 0; i < 120; i++) {
      d.healthy();
    }
    assertThat(d.evaluate().baseline().p95Ms()).isCloseTo(100.0, within(100.0 * ERR));
    for (int i = 0; i < 1_800; i++) {
      d.second(10, 200, 0, 0, 0); // the exchange is slow for half an hour, chaos off
    }
    for (int i = 0; i < 600; i++) {
      d.second(10, 100, 5, 0, 0); // then half the ticks miss their deadline
    }
    RollbackGuard.BaselineStatus b = d.evaluate().baseline();
    assertThat(b.p95Ms()).isCloseTo(100.0, within(100.0 * ERR));
    assertThat(b.seconds()).isLessThan(120 + 10);
  }

  @Test
  void untilEnoughBaselineExistsTheP95TriggerCannotFireAndSaysSo() {
    GuardDriver d = new GuardDriver(chaosOn().build()); // chaos on from the start: nothing measured
    try (LogCapture log = new LogCapture(RollbackGuard.class)) {
      for (int i = 0; i < 3_600; i++) {
        d.second(10, 500, 0, 0, 0);
      }
      RollbackGuard.Status s = d.evaluate();
      assertThat(s.trippedReason()).isNull();
      assertThat(s.baseline().ready()).isFalse();
      assertThat(s.baseline().p95Ms()).isNaN();
      assertThat(s.baseline().note()).startsWith("baseline not ready: 0 of 100 chaos-free ticks");
      assertThat(s.trigger("P95_TICK").threshold()).isNaN();
      assertThat(s.trigger("P95_TICK").holding()).isFalse();
      assertThat(log.at(Level.INFO))
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r.getMessage())
                      .contains("P95_TICK trigger cannot fire yet")
                      .contains("baseline_p95_ms"));
    }
  }

  @Test
  void measuredBaselineArmsTheP95Trigger() {
    GuardDriver d = new GuardDriver(chaosOn().enabled(false).build());
    for (int i = 0; i < 120; i++) {
      d.healthy();
    }
    d.injector.update(chaosOn().build());
    long firstHeld = -1;
    while (d.guard.trippedReason() == null && d.seconds < 2_000) {
      d.second(10, 130, 0, 0, 0); // +30 % over the measured 100 ms
      if (firstHeld < 0 && d.evaluate().trigger("P95_TICK").holding()) {
        firstHeld = d.seconds;
      }
      d.evaluate();
    }
    assertThat(d.guard.trippedReason()).isEqualTo("P95_TICK");
    assertThat(d.seconds - firstHeld).isEqualTo(600);
    assertThat(d.evaluate().trigger("P95_TICK").threshold()).isCloseTo(115.0, within(115.0 * ERR));
  }
}
