package io.mmbot.chaos.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.fixtures.SeedConfig;
import io.mmbot.chaos.time.VirtualTime;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Several HTTP scenarios on at once: each one's observed share of requests is its configured
 * intensity (when they sum to at most 1), and the injector counts exactly the faults planned.
 *
 * <p>Bounds: mean ± 4.5 standard deviations. NET_LOSS, EXCH_5XX and LAT_SPIKE are independent per
 * request (binomial). EXCH_429 waves and RATE_LIMIT_STORM storms are runs of L calls, so their
 * calls are counted in runs: the binomial standard deviation is taken over n / L runs and scaled by
 * L.
 */
class CombinedIntensityTest {

  private static final int N = 100_000;

  private final VirtualTime clock = new VirtualTime();

  private static final class Shares {
    final Map<Scenario, Long> planned = new EnumMap<>(Scenario.class);
    long delayed;
    ChaosInjector injector;

    long of(Scenario s) {
      return planned.getOrDefault(s, 0L);
    }
  }

  /** Plans N requests from a caller that waits every Retry-After it is given. */
  private Shares plan(ChaosConfig config) {
    ChaosInjector injector = ChaosInjector.builder().config(config).nanoClock(clock).build();
    RequestFaults faults = RequestFaults.builder(injector).nanoClock(clock).build();
    Shares shares = new Shares();
    shares.injector = injector;
    for (int i = 0; i < N; i++) {
      FaultPlan plan = faults.next();
      if (plan == null) {
        continue;
      }
      if (plan.delayMs() > 0) {
        shares.delayed++;
      }
      if (plan.scenario() != null) {
        shares.planned.merge(plan.scenario(), 1L, Long::sum);
      }
      clock.advance(Duration.ofSeconds(plan.retryAfterSeconds()));
    }
    return shares;
  }

  private static ChaosConfig.Builder live() {
    return ChaosConfig.builder().enabled(true).dryRun(false).burstOffSec(0).seed(20260601L);
  }

  private static void assertShare(long count, double p, int runLength, String what) {
    double sd = Math.sqrt((double) N / runLength * p * (1 - p)) * runLength;
    assertThat((double) count)
        .as("%s: %d of %d requests, expected share %.3f", what, count, N, p)
        .isBetween(N * p - 4.5 * sd, N * p + 4.5 * sd);
  }

  @Test
  void phaseThreeSharesMatchTheirIntensities() {
    ChaosConfig phase3 =
        live().netLoss(0.3).exch429(0.2).latSpikeMs(200).wsDisconnect(0.05).build();
    Shares s = plan(phase3);
    assertShare(s.of(Scenario.NET_LOSS), 0.3, 1, "net_loss");
    assertShare(s.of(Scenario.EXCH_429), 0.2, phase3.exch429WaveCalls(), "exch_429");
    assertShare(s.delayed, ChaosConfig.DEFAULT_LAT_SPIKE_PROBABILITY, 1, "lat_spike");
    assertCountsEqualThePlans(s);
  }

  @Test
  void theSeedsFullConfigurationSharesMatchTheirIntensities() {
    ChaosConfig seed = SeedConfig.intensities(live()).build();
    Shares s = plan(seed);
    assertShare(s.of(Scenario.NET_LOSS), 0.3, 1, "net_loss");
    assertShare(s.of(Scenario.EXCH_5XX), 0.1, 1, "exch_5xx");
    assertShare(s.of(Scenario.EXCH_429), 0.2, seed.exch429WaveCalls(), "exch_429");
    assertShare(s.of(Scenario.RATE_LIMIT_STORM), 0.4, seed.rateLimitStormCalls(), "storm");
    assertShare(s.delayed, ChaosConfig.DEFAULT_LAT_SPIKE_PROBABILITY, 1, "lat_spike");
    assertCountsEqualThePlans(s);
  }

  @Test
  void intensitiesSummingPastOneAreServedInPrecedenceOrderUpToOne() {
    // net_loss 0.7 is served in full; exch_429 gets the 0.3 left; exch_5xx nothing.
    Shares s = plan(live().netLoss(0.7).exch429(0.5).exch5xx(0.2).build());
    assertShare(s.of(Scenario.NET_LOSS), 0.7, 1, "net_loss");
    assertShare(s.of(Scenario.EXCH_429), 0.3, 5, "exch_429");
    assertThat(s.of(Scenario.EXCH_5XX)).isZero();
    assertThat(s.of(Scenario.NET_LOSS) + s.of(Scenario.EXCH_429)).isEqualTo(N);
    assertCountsEqualThePlans(s);
  }

  @Test
  void wavesAndStormsKeepTheirRunStructureWhenCombined() {
    ChaosConfig c = live().netLoss(0.2).exch429(0.2).rateLimitStorm(0.3).build();
    ChaosInjector injector = ChaosInjector.builder().config(c).nanoClock(clock).build();
    RequestFaults faults = RequestFaults.builder(injector).nanoClock(clock).build();
    Scenario runOf = null;
    int run = 0;
    for (int i = 0; i < 20_000; i++) {
      FaultPlan plan = faults.next();
      Scenario s = plan == null ? null : plan.scenario();
      if (s != runOf || run == lengthOf(c, s)) {
        if (runOf == Scenario.EXCH_429 || runOf == Scenario.RATE_LIMIT_STORM) {
          assertThat(run).as("a %s run", runOf).isEqualTo(lengthOf(c, runOf));
        }
        runOf = s;
        run = 0;
      }
      run++;
      if (plan != null) {
        clock.advance(Duration.ofSeconds(plan.retryAfterSeconds()));
      }
    }
  }

  @Test
  void dryRunCountsTheSameSharesAsWouldBeInjectionsAndPlansNothing() {
    ChaosConfig c = live().dryRun(true).netLoss(0.3).exch429(0.2).exch5xx(0.1).build();
    Shares s = plan(c);
    assertThat(s.planned).isEmpty();
    assertShare(s.injector.wouldBeInjections(Scenario.NET_LOSS), 0.3, 1, "net_loss (dry run)");
    assertShare(s.injector.wouldBeInjections(Scenario.EXCH_5XX), 0.1, 1, "exch_5xx (dry run)");
    assertShare(s.injector.wouldBeInjections(Scenario.EXCH_429), 0.2, 5, "exch_429 (dry run)");
    for (Scenario x : Scenario.values()) {
      assertThat(s.injector.injections(x)).isZero();
    }
  }

  private static int lengthOf(ChaosConfig c, Scenario s) {
    if (s == Scenario.EXCH_429) {
      return c.exch429WaveCalls();
    }
    return s == Scenario.RATE_LIMIT_STORM ? c.rateLimitStormCalls() : Integer.MAX_VALUE;
  }

  private static void assertCountsEqualThePlans(Shares s) {
    for (Scenario x :
        new Scenario[] {
          Scenario.NET_LOSS, Scenario.EXCH_429, Scenario.EXCH_5XX, Scenario.RATE_LIMIT_STORM
        }) {
      assertThat(s.injector.injections(x)).as("injections of %s", x).isEqualTo(s.of(x));
    }
    assertThat(s.injector.injections(Scenario.LAT_SPIKE)).isEqualTo(s.delayed);
  }
}
