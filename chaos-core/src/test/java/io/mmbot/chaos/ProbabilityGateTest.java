package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.testsupport.Binomial;
import io.mmbot.chaos.time.VirtualTime;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Independent per-call gates fire at exactly their probability, and never when they must not. */
class ProbabilityGateTest {

  private static final int DRAWS = 200_000;

  static Stream<Arguments> gates() {
    return Stream.of(
        gate(Scenario.NET_LOSS, b -> b.netLoss(0.3), ChaosInjector::shouldInjectNetLoss, 0.3),
        gate(Scenario.EXCH_5XX, b -> b.exch5xx(0.1), ChaosInjector::shouldInjectExch5xx, 0.1),
        gate(Scenario.DNS_FLAP, b -> b.dnsFlap(0.05), ChaosInjector::shouldInjectDnsFlap, 0.05),
        gate(
            Scenario.RECONCILE_MISMATCH,
            b -> b.reconcileMismatch(0.1),
            ChaosInjector::shouldInjectReconcileMismatch,
            0.1),
        gate(
            Scenario.LAT_SPIKE,
            b -> b.latSpikeMs(200),
            ChaosInjector::shouldInjectLatSpike,
            ChaosConfig.DEFAULT_LAT_SPIKE_PROBABILITY),
        gate(
            Scenario.LAT_SPIKE,
            b -> b.latSpikeMs(200).latSpikeProbability(0.25),
            ChaosInjector::shouldInjectLatSpike,
            0.25),
        gate(
            Scenario.WS_LAG,
            b -> b.wsLagMs(150).wsLagProbability(0.4),
            ChaosInjector::shouldInjectWsLag,
            0.4),
        gate(
            Scenario.CLOCK_SKEW,
            b -> b.clockSkewMs(80).clockSkewProbability(0.6),
            ChaosInjector::shouldInjectClockSkew,
            0.6),
        gate(Scenario.NET_LOSS, b -> b.netLoss(1.0), ChaosInjector::shouldInjectNetLoss, 1.0));
  }

  private static Arguments gate(
      Scenario s,
      java.util.function.UnaryOperator<ChaosConfig.Builder> cfg,
      Predicate<ChaosInjector> hook,
      double p) {
    return Arguments.of(s, cfg, hook, p);
  }

  private static ChaosConfig.Builder continuous() {
    return ChaosConfig.builder().enabled(true).dryRun(false).burstOffSec(0).seed(20261126L);
  }

  @ParameterizedTest(name = "{0} at p={3}")
  @MethodSource("gates")
  void firesAtItsProbabilityWithinBinomialBounds(
      Scenario s,
      java.util.function.UnaryOperator<ChaosConfig.Builder> cfg,
      Predicate<ChaosInjector> hook,
      double p) {
    VirtualTime clock = new VirtualTime();
    ChaosInjector injector =
        ChaosInjector.builder().config(cfg.apply(continuous()).build()).nanoClock(clock).build();
    long hits = 0;
    for (int i = 0; i < DRAWS; i++) {
      if (hook.test(injector)) {
        hits++;
      }
      clock.advanceMillis(1);
    }
    Binomial.assertWithinBounds(s.key(), hits, DRAWS, p);
    assertThat(injector.injections(s)).as("counter is exact").isEqualTo(hits);
  }

  @ParameterizedTest(name = "{0} via shouldInject(Scenario)")
  @MethodSource("gates")
  void genericHookMatchesTheNamedHook(
      Scenario s,
      java.util.function.UnaryOperator<ChaosConfig.Builder> cfg,
      Predicate<ChaosInjector> hook,
      double p) {
    ChaosConfig config = cfg.apply(continuous()).build();
    VirtualTime clock = new VirtualTime();
    ChaosInjector named = ChaosInjector.builder().config(config).nanoClock(clock).build();
    ChaosInjector generic = ChaosInjector.builder().config(config).nanoClock(clock).build();
    for (int i = 0; i < 2_000; i++) {
      assertThat(generic.shouldInject(s)).as("call %d", i).isEqualTo(hook.test(named));
    }
  }

  @Test
  void neverFiresWhenDisabled() {
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(allAtOne().enabled(false).build())
            .nanoClock(new VirtualTime())
            .build();
    assertNoScenarioFires(injector, "disabled");
  }

  @Test
  void aDisabledInjectorNeverReadsItsClock() {
    java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(allAtOne().enabled(false).build())
            .nanoClock(reads::incrementAndGet)
            .build();
    assertNoScenarioFires(injector, "disabled");
    injector.burstActive();
    injector.config();
    injector.update(allAtOne().enabled(false).netLoss(0.5).build());
    assertThat(reads.get()).as("clock reads").isZero();
    injector.update(allAtOne().build());
    assertThat(reads.get()).as("enabling reads the clock").isPositive();
  }

  @Test
  void neverFiresAtIntensityZero() {
    ChaosInjector injector =
        ChaosInjector.builder().config(continuous().build()).nanoClock(new VirtualTime()).build();
    assertNoScenarioFires(injector, "all intensities 0");
  }

  @Test
  void aSingleIntensityAtZeroIsAPointRollback() {
    VirtualTime clock = new VirtualTime();
    ChaosInjector injector =
        ChaosInjector.builder().config(allAtOne().build()).nanoClock(clock).build();
    assertThat(injector.shouldInjectDnsFlap()).isTrue();
    injector.update(injector.config().toBuilder().dnsFlap(0).build());
    for (int i = 0; i < 10_000; i++) {
      assertThat(injector.shouldInjectDnsFlap()).isFalse();
    }
    assertThat(injector.shouldInjectNetLoss()).as("other scenarios unaffected").isTrue();
  }

  @Test
  void neverFiresWhileTheBurstIsOff() {
    VirtualTime clock = new VirtualTime();
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(allAtOne().burstOnSec(30).burstOffSec(90).build())
            .nanoClock(clock)
            .build();
    assertThat(injector.shouldInjectNetLoss()).as("burst on at start").isTrue();
    clock.advance(Duration.ofSeconds(30));
    for (int ms = 0; ms < 90_000; ms += 7) {
      assertNoScenarioFires(injector, "burst off at +" + (30_000 + ms) + " ms");
      clock.advanceMillis(7);
    }
  }

  @Test
  void magnitudeScenariosNeverFireWithoutAMagnitude() {
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(
                continuous()
                    .latSpikeProbability(1)
                    .wsLagProbability(1)
                    .clockSkewProbability(1)
                    .build())
            .nanoClock(new VirtualTime())
            .build();
    for (int i = 0; i < 10_000; i++) {
      assertThat(injector.shouldInjectLatSpike()).isFalse();
      assertThat(injector.shouldInjectWsLag()).isFalse();
      assertThat(injector.shouldInjectClockSkew()).isFalse();
    }
  }

  static ChaosConfig.Builder allAtOne() {
    return ChaosConfig.builder()
        .enabled(true)
        .dryRun(false)
        .seed(1)
        .netLoss(1)
        .exch429(1)
        .exch5xx(1)
        .latSpikeMs(200)
        .latSpikeProbability(1)
        .wsLagMs(150)
        .wsLagProbability(1)
        .wsDisconnect(60)
        .dnsFlap(1)
        .clockSkewMs(80)
        .rateLimitStorm(1)
        .reconcileMismatch(1);
  }

  static void assertNoScenarioFires(ChaosInjector injector, String when) {
    for (Scenario s : Scenario.values()) {
      assertThat(injector.shouldInject(s)).as("%s must not fire when %s", s, when).isFalse();
    }
    assertThat(injector.latencyToAddMs()).isZero();
    assertThat(injector.wsLagToAddMs()).isZero();
    assertThat(injector.clockSkewOffsetMs()).isZero();
    assertThat(injector.reconcileMismatchOrNull()).isNull();
  }
}
