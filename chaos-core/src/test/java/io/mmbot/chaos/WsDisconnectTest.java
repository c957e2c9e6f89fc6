package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.testsupport.Binomial;
import io.mmbot.chaos.time.VirtualTime;
import java.time.Duration;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** WS_DISCONNECT is a Poisson rate per minute, whatever the checking cadence. */
class WsDisconnectTest {

  private final VirtualTime clock = new VirtualTime();

  private ChaosInjector injector(double ratePerMinute) {
    return ChaosInjector.builder()
        .config(
            ChaosConfig.builder()
                .enabled(true)
                .dryRun(false)
                .burstOffSec(0)
                .seed(11)
                .wsDisconnect(ratePerMinute)
                .build())
        .nanoClock(clock)
        .build();
  }

  private long run(ChaosInjector injector, long cadenceMs, long checks) {
    long fired = 0;
    for (long i = 0; i < checks; i++) {
      clock.advanceMillis(cadenceMs);
      if (injector.shouldInjectWsDisconnect()) {
        fired++;
      }
    }
    return fired;
  }

  private static double chancePerCheck(double ratePerMinute, long cadenceMs) {
    return -Math.expm1(-ratePerMinute * cadenceMs / 60_000.0);
  }

  @Test
  void checksEveryTenMillisFireAtThePoissonChance() {
    long checks = 6_000_000; // 1000 virtual minutes
    long fired = run(injector(1.2), 10, checks);
    Binomial.assertWithinBounds("10 ms cadence", fired, checks, chancePerCheck(1.2, 10));
  }

  @Test
  void checksEveryFiveSecondsFireAtThePoissonChance() {
    long checks = 200_000;
    long fired = run(injector(1.2), 5_000, checks);
    Binomial.assertWithinBounds("5 s cadence", fired, checks, chancePerCheck(1.2, 5_000));
  }

  @Test
  void thePerMinuteRateIsTheSameAtEveryCadence() {
    // At the seed's rate (0.05/min) a check almost never covers enough time for two disconnects,
    // so the disconnects per virtual minute agree whether the bot checks every second or every
    // 5 s. A chance fixed per check, not per elapsed time, would fire five times as often at 1 s.
    double rate = 0.05;
    long minutes = 40_000;
    long everySecond = run(injector(rate), 1_000, minutes * 60);
    long everyFive = run(injector(rate), 5_000, minutes * 12);

    double p1 = chancePerCheck(rate, 1_000);
    double p5 = chancePerCheck(rate, 5_000);
    double mean1 = minutes * 60 * p1;
    double mean5 = minutes * 12 * p5;
    double sd = Math.sqrt(mean1 * (1 - p1) + mean5 * (1 - p5)); // of the difference
    double slack = Binomial.SIGMAS * sd + Math.abs(mean1 - mean5) + 1;
    assertThat((double) Math.abs(everySecond - everyFive))
        .as(
            "disconnects in %d virtual minutes: %d at 1 s, %d at 5 s",
            minutes, everySecond, everyFive)
        .isLessThanOrEqualTo(slack);
    assertThat(everySecond / (double) minutes).isCloseTo(rate, Offset.offset(rate * 0.2));
  }

  @Test
  void atHighRatesOneCheckFiresAtMostOnceSoSlowCadencesSeeFewer() {
    // Both cadences over the same 2000 virtual minutes at 3/min.
    long fast = run(injector(3), 10, 12_000_000);
    long slow = run(injector(3), 5_000, 24_000);
    Binomial.assertWithinBounds("fast", fast, 12_000_000, chancePerCheck(3, 10));
    Binomial.assertWithinBounds("slow", slow, 24_000, chancePerCheck(3, 5_000));
    assertThat(fast / 2000.0).isCloseTo(3.0, Offset.offset(0.25));
    assertThat(slow / 2000.0)
        .as("one check can fire once, so 5 s checks see slightly fewer")
        .isCloseTo(2.65, Offset.offset(0.25));
  }

  @Test
  void timeOutsideTheBurstDoesNotAccumulate() {
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(
                ChaosConfig.builder()
                    .enabled(true)
                    .dryRun(false)
                    .seed(12)
                    .wsDisconnect(60)
                    .burstOnSec(1)
                    .burstOffSec(59)
                    .build())
            .nanoClock(clock)
            .build();
    long t0 = clock.getAsLong();
    int fired = 0;
    int cycles = 2_000;
    for (int c = 1; c <= cycles; c++) {
      // last check in the previous quiet phase, then the first check 10 ms into the next burst
      clock.advanceNanos(t0 + c * 60_000_000_000L - 1_000_000_000L - clock.getAsLong());
      injector.shouldInjectWsDisconnect();
      clock.advanceNanos(t0 + c * 60_000_000_000L + 10_000_000L - clock.getAsLong());
      if (injector.shouldInjectWsDisconnect()) {
        fired++;
      }
    }
    // Only the 10 ms inside the burst count: chance 1 - exp(-0.01) ~ 0.00995 per cycle.
    Binomial.assertWithinBounds("first check of a burst", fired, cycles, chancePerCheck(60, 10));
  }

  @Test
  void perConnectionFormUsesTheCallersElapsedTime() {
    ChaosInjector injector = injector(1.2);
    long checks = 200_000;
    long fired = 0;
    clock.advance(Duration.ofHours(1));
    for (long i = 0; i < checks; i++) {
      if (injector.shouldInjectWsDisconnect(5_000_000_000L)) {
        fired++;
      }
    }
    Binomial.assertWithinBounds("elapsed 5 s", fired, checks, chancePerCheck(1.2, 5_000));
    assertThat(injector.shouldInjectWsDisconnect(0)).isFalse();
    assertThat(injector.shouldInjectWsDisconnect(-5)).isFalse();
  }

  @Test
  void neverFiresAtRateZero() {
    ChaosInjector injector = injector(0);
    assertThat(run(injector, 5_000, 10_000)).isZero();
  }
}
