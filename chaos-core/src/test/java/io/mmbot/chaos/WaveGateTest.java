package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.testsupport.Binomial;
import io.mmbot.chaos.time.VirtualTime;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** 429 waves and rate-limit storms: runs of consecutive calls whose long-run share is p. */
class WaveGateTest {

  private static final int CALLS = 200_000;

  private final VirtualTime clock = new VirtualTime();

  private ChaosInjector injector(ChaosConfig.Builder b) {
    return ChaosInjector.builder().config(b.build()).nanoClock(clock).build();
  }

  private static ChaosConfig.Builder continuous() {
    return ChaosConfig.builder().enabled(true).dryRun(false).burstOffSec(0).seed(99);
  }

  @Test
  void exch429ComesInWavesOfFiveWhoseShareIsTheIntensity() {
    checkRuns(injector(continuous().exch429(0.2)), ChaosInjector::shouldInjectExch429, 0.2, 5);
  }

  @Test
  void rateLimitStormsLastTwentyCallsAndCoverTheirShare() {
    checkRuns(
        injector(continuous().rateLimitStorm(0.4)),
        ChaosInjector::shouldInjectRateLimitStorm,
        0.4,
        20);
  }

  @Test
  void waveLengthIsConfigurable() {
    checkRuns(
        injector(continuous().exch429(0.1).exch429WaveCalls(12)),
        ChaosInjector::shouldInjectExch429,
        0.1,
        12);
  }

  /**
   * Every maximal run of injected calls is a whole number of waves; wave starts among the calls
   * that drew are binomial with the start chance q = p / (L (1 - p) + p); and the share of injected
   * calls is p within the bound that the binomial bound on starts implies.
   */
  private void checkRuns(ChaosInjector injector, Predicate<ChaosInjector> hook, double p, int len) {
    long injected = 0;
    long starts = 0;
    int run = 0;
    for (int i = 0; i < CALLS; i++) {
      boolean hit = hook.test(injector);
      if (hit) {
        injected++;
        run++;
      }
      if (!hit || i == CALLS - 1) {
        if (run > 0) {
          if (!hit) {
            assertThat(run % len).as("run of %d calls ending at call %d", run, i).isZero();
          }
          starts += (run + len - 1) / len;
        }
        run = 0;
      }
      clock.advanceMillis(1);
    }
    double q = p / (len * (1 - p) + p);
    long drawn = CALLS - (injected - starts);
    Binomial.assertWithinBounds("wave starts", starts, drawn, q);
    double startSlack = Binomial.SIGMAS * Math.sqrt(drawn * q * (1 - q)) + 1;
    double shareSlack = (startSlack + 1) * len / CALLS;
    assertThat((double) injected / CALLS)
        .isCloseTo(p, org.assertj.core.data.Offset.offset(shareSlack));
  }

  @Test
  void shouldInjectOfAWaveScenarioUsesTheWaveModel() {
    ChaosInjector injector = injector(continuous().exch429(0.2));
    int run = 0;
    int maxRun = 0;
    for (int i = 0; i < 20_000; i++) {
      run = injector.shouldInject(Scenario.EXCH_429) ? run + 1 : 0;
      maxRun = Math.max(maxRun, run);
    }
    assertThat(maxRun)
        .as("independent flips at 0.2 would almost never give runs of 5")
        .isGreaterThanOrEqualTo(5);
  }

  @Test
  void aWaveInProgressEndsWithTheBurst() {
    ChaosInjector injector =
        injector(
            ChaosConfig.builder()
                .enabled(true)
                .dryRun(false)
                .seed(5)
                .exch429(0.5)
                .exch429WaveCalls(1_000)
                .burstOnSec(30)
                .burstOffSec(90));
    long t0 = clock.getAsLong();
    int carriedOver = 0;
    for (int cycle = 0; cycle < 50; cycle++) {
      long burstEnd = t0 + (cycle * 120L + 30) * 1_000_000_000L;
      // start a wave late in this burst
      clock.advanceNanos(burstEnd - 5_000_000_000L - clock.getAsLong());
      int guard = 0;
      while (!injector.shouldInjectExch429()) {
        assertThat(++guard).as("a wave starts within the burst").isLessThan(100_000);
      }
      assertThat(clock.getAsLong()).isLessThan(burstEnd);
      assertThat(injector.shouldInjectExch429()).as("the wave goes on").isTrue();
      clock.advanceNanos(burstEnd - clock.getAsLong());
      assertThat(injector.shouldInjectExch429()).as("burst over").isFalse();
      clock.advance(Duration.ofSeconds(90));
      if (injector.shouldInjectExch429()) {
        carriedOver++;
      }
    }
    // A fresh burst starts without a wave: its first call starts one with chance q ~ 0.001.
    assertThat(carriedOver).isLessThanOrEqualTo(3);
  }

  @Test
  void waveStartProbabilityGivesTheRequestedShare() {
    for (double p : new double[] {0.01, 0.2, 0.4, 0.9}) {
      for (int len : new int[] {1, 5, 20}) {
        double q = InjectorState.waveStartProbability(p, len);
        double share = len / (len + (1 - q) / q);
        assertThat(share)
            .as("p=%s L=%d", p, len)
            .isCloseTo(p, org.assertj.core.data.Offset.offset(1e-12));
      }
    }
    assertThat(InjectorState.waveStartProbability(0, 5)).isZero();
    assertThat(InjectorState.waveStartProbability(1, 5)).isEqualTo(1.0);
  }
}
