package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The configuration of a run at compressed timing (the loopback exchange, and every run of a bot in
 * another process): every scenario fires within one default run, in virtual time, at the call rate
 * of a bot that ticks every 500 ms.
 */
class CompressedTimingTest {

  /** A bot's REST calls at most: one every 125 ms (four a tick). */
  private static final long CALL_NANOS = 125_000_000L;

  @Test
  void burstsAreTheCompressedOnes() {
    ChaosConfig c = LoopbackRun.runConfig(Scenario.EXCH_429, 0.2, 1);
    assertThat(c.burstOnSec()).isEqualTo(LoopbackRun.BURST_ON_SEC);
    assertThat(c.burstOffSec()).isEqualTo(LoopbackRun.BURST_OFF_SEC);
    assertThat(c.exch429()).isEqualTo(0.2);
    assertThat(c.seed()).isEqualTo(1L);
  }

  /**
   * RATE_LIMIT_STORM at the seed's share (0.4 of calls in storms) fires in a default run of every
   * seed 1..50: a run holds three bursts of 3 s, about 72 calls of a bot in bursts. With the seed's
   * storms of 20 calls a storm starts on 3.2 % of the free calls, and no storm starts in a run with
   * probability near 0.968^72 = 10 % (seed 1 is such a run); with the compressed storms of 5 calls
   * a storm starts on 11.8 % of them, and a run without one has probability near 1e-4.
   */
  @Test
  void aRateLimitStormStartsInEveryDefaultRunAtTheBotsCallRate() {
    List<Long> without = new ArrayList<>();
    for (long seed = 1; seed <= 50; seed++) {
      ChaosConfig c =
          LoopbackRun.runConfig(
              Scenario.RATE_LIMIT_STORM,
              LoopbackRun.defaultIntensity(Scenario.RATE_LIMIT_STORM),
              seed);
      if (injectionsInOneRun(c, Scenario.RATE_LIMIT_STORM) == 0) {
        without.add(seed);
      }
    }
    assertThat(without).as("seeds whose default run has no storm").isEmpty();
  }

  /**
   * EXCH_429 at the seed's share (0.2 of calls in waves) fires in a default run of every seed
   * 1..200 at the call rate of a bot that makes two or three calls a tick (45 calls in the three
   * bursts): with the seed's waves of 5 a wave starts on 4.8 % of the free calls and a run holds
   * none with probability near 0.952^45 = 11 % (the binance bot's seeds 2 and 3 in one sweep); with
   * waves of 2 a wave starts on 11.1 % of them, and a run without one has probability near 0.5 %.
   */
  @Test
  void aWaveOf429sStartsInEveryDefaultRunOfASlowerBot() {
    List<Long> without = new ArrayList<>();
    for (long seed = 1; seed <= 200; seed++) {
      ChaosConfig c =
          LoopbackRun.runConfig(
              Scenario.EXCH_429, LoopbackRun.defaultIntensity(Scenario.EXCH_429), seed);
      if (injectionsInOneRun(c, Scenario.EXCH_429, 200_000_000L) == 0) {
        without.add(seed);
      }
    }
    // binomial: at 0.5 % per run, 200 runs hold 4 or more without a wave with probability 1.9 %;
    // at the seed's 11 %, 3 or fewer with probability below 1e-6
    assertThat(without).as("seeds whose default run has no 429 wave").hasSizeLessThan(4);
  }

  @Test
  void stormsAreShorterThanTheSeedsOnlyAtCompressedTiming() {
    ChaosConfig c = LoopbackRun.runConfig(Scenario.RATE_LIMIT_STORM, 0.4, 1);
    assertThat(c.rateLimitStormCalls()).isEqualTo(LoopbackRun.STORM_CALLS);
    assertThat(c.exch429WaveCalls()).isEqualTo(LoopbackRun.WAVE_CALLS);
    assertThat(SuiteConfig.forRun(Scenario.RATE_LIMIT_STORM, 0.4, 1).rateLimitStormCalls())
        .isEqualTo(ChaosConfig.DEFAULT_RATE_LIMIT_STORM_CALLS);
  }

  /**
   * CLOCK_SKEW drifts as {@code N sin(2 pi t / 60 s)} from each burst's start: in the seed's 30 s
   * bursts it reaches the seed's 80 ms; in a 3 s burst, at the seed's bound, only 24.7 ms, below
   * the example bot's 30 ms tolerance, so no bot had a reason to raise CLOCK_SKEW. At the loopback
   * default the skew reaches 80 ms by the end of each compressed burst.
   */
  @Test
  void theClockSkewReachesTheSeedsEightyMillisecondsInACompressedBurst() {
    double bound = LoopbackRun.defaultIntensity(Scenario.CLOCK_SKEW);
    ChaosConfig c = LoopbackRun.runConfig(Scenario.CLOCK_SKEW, bound, 1);
    long[] now = {0};
    ChaosInjector injector =
        ChaosInjector.builder().config(c.withEnabled(false)).nanoClock(() -> now[0]).build();
    injector.update(c);
    long max = 0;
    for (long t = 0; t < LoopbackRun.BURST_ON_SEC * 1_000_000_000L; t += 10_000_000L) {
      now[0] = t;
      max = Math.max(max, Math.abs(injector.clockSkewOffsetMs()));
    }
    assertThat(max).isBetween(78L, 80L);
    now[0] = LoopbackRun.BURST_ON_SEC * 1_000_000_000L + 1;
    assertThat(injector.clockSkewOffsetMs()).as("off between bursts").isZero();
  }

  /** The injections of {@code s} in one default run: calls every 125 ms in virtual time. */
  private static long injectionsInOneRun(ChaosConfig c, Scenario s) {
    return injectionsInOneRun(c, s, CALL_NANOS);
  }

  /** The injections of {@code s} in one default run: calls every {@code callNanos}. */
  private static long injectionsInOneRun(ChaosConfig c, Scenario s, long callNanos) {
    long[] now = {0};
    ChaosInjector injector =
        ChaosInjector.builder().config(c.withEnabled(false)).nanoClock(() -> now[0]).build();
    injector.update(c);
    long end = LoopbackRun.DURATION_SEC * 1_000_000_000L;
    for (long t = 0; t < end; t += callNanos) {
      now[0] = t;
      injector.httpFaultOrNull();
    }
    return injector.injections(s);
  }
}
