package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.testsupport.Binomial;
import io.mmbot.chaos.time.VirtualTime;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ChaosInjector#httpFaultOrNull()}: one draw among the HTTP faults of a request. */
class HttpFaultChoiceTest {

  private static final int N = 200_000;
  private final VirtualTime clock = new VirtualTime();

  private ChaosInjector injector(ChaosConfig.Builder b) {
    return ChaosInjector.builder()
        .config(b.enabled(true).burstOffSec(0).seed(99L).build())
        .nanoClock(clock)
        .build();
  }

  private static Map<Scenario, Long> draw(ChaosInjector injector, int n) {
    Map<Scenario, Long> out = new EnumMap<>(Scenario.class);
    for (int i = 0; i < n; i++) {
      Scenario s = injector.httpFaultOrNull();
      if (s != null) {
        out.merge(s, 1L, Long::sum);
      }
    }
    return out;
  }

  @Test
  void independentFaultsTogetherEachKeepTheirIntensityAndAreCountedOnce() {
    ChaosInjector injector =
        injector(ChaosConfig.builder().dryRun(false).netLoss(0.3).exch5xx(0.1));
    Map<Scenario, Long> seen = draw(injector, N);
    Binomial.assertWithinBounds("net_loss", seen.get(Scenario.NET_LOSS), N, 0.3);
    Binomial.assertWithinBounds("exch_5xx", seen.get(Scenario.EXCH_5XX), N, 0.1);
    assertThat(seen).containsOnlyKeys(Scenario.NET_LOSS, Scenario.EXCH_5XX);
    assertThat(injector.injections(Scenario.NET_LOSS)).isEqualTo(seen.get(Scenario.NET_LOSS));
    assertThat(injector.injections(Scenario.EXCH_5XX)).isEqualTo(seen.get(Scenario.EXCH_5XX));
  }

  @Test
  void aWaveStartedByTheChoiceLastsItsConfiguredCalls() {
    ChaosInjector injector =
        injector(ChaosConfig.builder().dryRun(false).exch429(0.2).exch429WaveCalls(7));
    int run = 0;
    long runs = 0;
    for (int i = 0; i < 50_000; i++) {
      if (injector.httpFaultOrNull() == Scenario.EXCH_429) {
        run++;
      } else {
        assertThat(run % 7).isZero();
        runs += run / 7;
        run = 0;
      }
    }
    assertThat(runs).isPositive();
    assertThat(injector.injections(Scenario.EXCH_429)).isEqualTo(runs * 7 + run);
  }

  @Test
  void beyondOneTheScenariosAreServedInPrecedenceOrder() {
    ChaosInjector injector =
        injector(ChaosConfig.builder().dryRun(false).netLoss(0.6).exch5xx(0.9));
    Map<Scenario, Long> seen = draw(injector, N);
    Binomial.assertWithinBounds("net_loss", seen.get(Scenario.NET_LOSS), N, 0.6);
    assertThat(seen.get(Scenario.NET_LOSS) + seen.get(Scenario.EXCH_5XX)).isEqualTo(N);
    assertThat(
            HttpFaultChoice.servedShares(ChaosConfig.builder().netLoss(0.6).exch5xx(0.9).build()))
        .containsExactly(
            new double[] {0.6, 0.0, 0.0, 0.4}, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void dryRunCountsWouldBeInjectionsAndReturnsNull() {
    ChaosInjector injector = injector(ChaosConfig.builder().dryRun(true).netLoss(0.5));
    assertThat(draw(injector, 10_000)).isEmpty();
    Binomial.assertWithinBounds(
        "would-be net_loss", injector.wouldBeInjections(Scenario.NET_LOSS), 10_000, 0.5);
    assertThat(injector.injections(Scenario.NET_LOSS)).isZero();
  }

  @Test
  void offOrOutsideTheTrafficShareItDrawsNothing() {
    ChaosInjector off = ChaosInjector.builder().nanoClock(clock).build();
    assertThat(draw(off, 1000)).isEmpty();
    ChaosInjector half = injector(ChaosConfig.builder().dryRun(false).netLoss(1.0).trafficPct(50));
    Binomial.assertWithinBounds(
        "net_loss at traffic 50%", draw(half, N).get(Scenario.NET_LOSS), N, 0.5);
    ChaosInjector killed = injector(ChaosConfig.builder().dryRun(false).netLoss(1.0));
    killed.disable("MANUAL");
    assertThat(draw(killed, 1000)).isEmpty();
    assertThat(killed.injections(Scenario.NET_LOSS)).isZero();
  }
}
