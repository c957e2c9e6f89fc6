package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.fixtures.SeedConfig;
import io.mmbot.chaos.time.VirtualTime;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChaosConfigTest {

  @Test
  void defaultsAreSafe() {
    ChaosConfig c = ChaosConfig.defaults();
    assertThat(c.enabled()).isFalse();
    assertThat(c.dryRun()).isTrue();
    for (Scenario s : Scenario.values()) {
      assertThat(c.intensity(s)).as(s.key()).isZero();
    }
    assertThat(c.burstOnSec()).isEqualTo(30);
    assertThat(c.burstOffSec()).isEqualTo(90);
    assertThat(c.maxDurationSec()).isZero();
    assertThat(c.trafficPct()).isEqualTo(100.0);
    assertThat(c.instancePct()).isEqualTo(100.0);
    assertThat(c.hasSeed()).isFalse();
    assertThat(c.rollback()).isEqualTo(RollbackConfig.defaults());
    assertThat(ChaosConfig.builder().build()).isEqualTo(c);
  }

  @Test
  void builderTakesTheSeedValuesAndGettersReturnThem() {
    ChaosConfig c = SeedConfig.builder().dryRun(false).seed(42L).build();
    assertThat(c.enabled()).isTrue();
    assertThat(c.dryRun()).isFalse();
    assertThat(c.netLoss()).isEqualTo(0.3);
    assertThat(c.exch429()).isEqualTo(0.2);
    assertThat(c.exch5xx()).isEqualTo(0.1);
    assertThat(c.latSpikeMs()).isEqualTo(200);
    assertThat(c.wsLagMs()).isEqualTo(150);
    assertThat(c.wsDisconnect()).isEqualTo(0.05);
    assertThat(c.dnsFlap()).isEqualTo(0.05);
    assertThat(c.clockSkewMs()).isEqualTo(80);
    assertThat(c.rateLimitStorm()).isEqualTo(0.4);
    assertThat(c.reconcileMismatch()).isEqualTo(0.1);
    assertThat(c.burstOnSec()).isEqualTo(30);
    assertThat(c.burstOffSec()).isEqualTo(90);
    assertThat(c.hasSeed()).isTrue();
    assertThat(c.seed()).isEqualTo(42L);
  }

  @Test
  void magnitudeScenariosGetTheDocumentedDefaultProbabilities() {
    ChaosConfig c = ChaosConfig.builder().latSpikeMs(200).wsLagMs(150).clockSkewMs(80).build();
    assertThat(c.probability(Scenario.LAT_SPIKE)).isEqualTo(0.1);
    assertThat(c.probability(Scenario.WS_LAG)).isEqualTo(0.1);
    assertThat(c.probability(Scenario.CLOCK_SKEW)).isEqualTo(1.0);
    ChaosConfig zero = ChaosConfig.builder().latSpikeProbability(0.9).build();
    assertThat(zero.probability(Scenario.LAT_SPIKE))
        .as("no magnitude, no injection whatever the probability")
        .isZero();
    assertThat(c.probability(Scenario.WS_DISCONNECT)).isNaN();
  }

  @Test
  void toBuilderRoundTripsAndChangesOnlyWhatIsSet() {
    ChaosConfig a = ChaosConfig.builder().enabled(true).netLoss(0.3).seed(7).trafficPct(10).build();
    assertThat(a.toBuilder().build()).isEqualTo(a).hasSameHashCodeAs(a);
    ChaosConfig b = a.toBuilder().netLoss(0.2).build();
    assertThat(b.netLoss()).isEqualTo(0.2);
    assertThat(b.trafficPct()).isEqualTo(10.0);
    assertThat(b).isNotEqualTo(a);
    assertThat(a.withEnabled(true)).isSameAs(a);
    assertThat(a.withEnabled(false).enabled()).isFalse();
    assertThat(a.toBuilder().noSeed().build().hasSeed()).isFalse();
  }

  @Test
  void toStringNamesTheConfigKeys() {
    String s = ChaosConfig.builder().netLoss(0.3).seed(42).build().toString();
    assertThat(s).contains("net_loss=0.3").contains("seed=42").contains("burst_on_sec=30");
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        bad("netLoss", "chaos.net_loss", "1.5", "[0, 1]", b -> b.netLoss(1.5)),
        bad("netLoss", "chaos.net_loss", "-0.1", "[0, 1]", b -> b.netLoss(-0.1)),
        bad("netLoss", "chaos.net_loss", "NaN", "[0, 1]", b -> b.netLoss(Double.NaN)),
        bad("netLoss", "chaos.net_loss", "-0.0", "[0, 1]", b -> b.netLoss(-0.0)),
        bad("wsDisconnect", "chaos.ws_disconnect", "-0.0", "[0, 60]", b -> b.wsDisconnect(-0.0)),
        bad("trafficPct", "chaos.traffic_pct", "-0.0", "[0, 100]", b -> b.trafficPct(-0.0)),
        bad("exch429", "chaos.exch_429", "Infinity", "[0, 1]", b -> b.exch429(1 / 0.0)),
        bad("exch5xx", "chaos.exch_5xx", "2.0", "[0, 1]", b -> b.exch5xx(2)),
        bad("latSpikeMs", "chaos.lat_spike_ms", "-1", "[0, 60000]", b -> b.latSpikeMs(-1)),
        bad("latSpikeMs", "chaos.lat_spike_ms", "60001", "[0, 60000]", b -> b.latSpikeMs(60_001)),
        bad("wsLagMs", "chaos.ws_lag_ms", "-5", "[0, 60000]", b -> b.wsLagMs(-5)),
        bad("wsDisconnect", "chaos.ws_disconnect", "61.0", "[0, 60]", b -> b.wsDisconnect(61)),
        bad("dnsFlap", "chaos.dns_flap", "-1.0", "[0, 1]", b -> b.dnsFlap(-1)),
        bad("clockSkewMs", "chaos.clock_skew_ms", "-80", "[0, 3600000]", b -> b.clockSkewMs(-80)),
        bad(
            "rateLimitStorm",
            "chaos.rate_limit_storm",
            "1.01",
            "[0, 1]",
            b -> b.rateLimitStorm(1.01)),
        bad(
            "reconcileMismatch",
            "chaos.reconcile_mismatch",
            "-0.5",
            "[0, 1]",
            b -> b.reconcileMismatch(-0.5)),
        bad("burstOnSec", "chaos.burst_on_sec", "-1", "[0, 86400]", b -> b.burstOnSec(-1)),
        bad(
            "burstOffSec",
            "chaos.burst_off_sec",
            "86401",
            "[0, 86400]",
            b -> b.burstOffSec(86_401)),
        bad("burstOnSec", "chaos.burst_on_sec", "0", "[1, 86400]", b -> b.burstOnSec(0)),
        bad(
            "maxDurationSec",
            "chaos.max_duration_sec",
            "-3",
            "[0, 604800]",
            b -> b.maxDurationSec(-3)),
        bad("trafficPct", "chaos.traffic_pct", "100.5", "[0, 100]", b -> b.trafficPct(100.5)),
        bad("instancePct", "chaos.instance_pct", "-2.0", "[0, 100]", b -> b.instancePct(-2)),
        bad(
            "latSpikeProbability",
            "chaos.lat_spike.probability",
            "1.2",
            "[0, 1]",
            b -> b.latSpikeProbability(1.2)),
        bad(
            "exch429WaveCalls",
            "chaos.exch_429.wave_calls",
            "0",
            "[1, 100000]",
            b -> b.exch429WaveCalls(0)),
        bad(
            "unknownOutcomeShare",
            "chaos.unknown_outcome_share",
            "1.5",
            "[0, 1]",
            b -> b.unknownOutcomeShare(1.5)));
  }

  private static Arguments bad(
      String field, String key, String value, String range, Consumer<ChaosConfig.Builder> set) {
    return Arguments.of(field, key, value, range, set);
  }

  @ParameterizedTest(name = "{0} = {2}")
  @MethodSource("badValues")
  void rejectsBadValuesNamingFieldKeyValueAndRange(
      String field, String key, String value, String range, Consumer<ChaosConfig.Builder> set) {
    ChaosConfig.Builder b = ChaosConfig.builder();
    set.accept(b);
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + " (" + key + ") = " + value)
        .hasMessageContaining(range);
  }

  @Test
  void continuousChaosIsAllowedWithBothBurstPhasesAtZero() {
    ChaosConfig c =
        ChaosConfig.builder()
            .enabled(true)
            .dryRun(false)
            .netLoss(1.0)
            .burstOnSec(0)
            .burstOffSec(0)
            .build();
    VirtualTime clock = new VirtualTime();
    ChaosInjector injector = ChaosInjector.builder().config(c).nanoClock(clock).build();

    // No off phase: the burst is active at every moment of two virtual days, so the gate fires.
    for (int i = 0; i < 24_000; i++) {
      assertThat(injector.burstActive()).as("after %d s", i * 7).isTrue();
      assertThat(injector.shouldInjectNetLoss()).as("after %d s", i * 7).isTrue();
      clock.advance(Duration.ofSeconds(7));
    }
  }

  @Test
  void rollbackConfigHasTheContractDefaultsAndValidates() {
    RollbackConfig r = RollbackConfig.defaults();
    assertThat(r.enabled()).isTrue();
    assertThat(r.p95TickIncreasePct()).isEqualTo(15.0);
    assertThat(r.p95TickWindowSec()).isEqualTo(600);
    assertThat(r.deadlineMissPct()).isEqualTo(2.0);
    assertThat(r.deadlineMissWindowSec()).isEqualTo(300);
    assertThat(r.partialFailPct()).isEqualTo(5.0);
    assertThat(r.partialFailWindowSec()).isEqualTo(600);
    assertThat(r.baselineP95Ms()).isZero();
    assertThat(r.toBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
    assertThatThrownBy(() -> RollbackConfig.builder().deadlineMissPct(101).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chaos.rollback.deadline_miss_pct")
        .hasMessageContaining("101.0")
        .hasMessageContaining("[0, 100]");
    assertThatThrownBy(() -> RollbackConfig.builder().partialFailWindowSec(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chaos.rollback.partial_fail_window_sec")
        .hasMessageContaining("[1, 86400]");
  }
}
