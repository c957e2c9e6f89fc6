package io.mmbot.chaos.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link ChaosMeterBinder} as a Micrometer binder: common tags and its life cycle. */
class ChaosMeterBinderTest {

  private static final Set<String> NAMES =
      Set.of(
          "mm.chaos.injections",
          "mm.reconnect.attempts",
          "mm.partial.fail.rate",
          "mm.ws.gap",
          "mm.reconcile.discrepancies",
          "mm.tick.total",
          "mm.tick.deadline.miss",
          "mm.chaos.enabled",
          "mm.chaos.burst.active",
          "mm.chaos.rollbacks");

  private final MockClock clock = new MockClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

  private ChaosInjector injector() {
    return ChaosInjector.builder()
        .config(
            ChaosConfig.builder()
                .enabled(true)
                .dryRun(false)
                .burstOffSec(0)
                .netLoss(1.0)
                .seed(7L)
                .build())
        .nanoClock(clock::monotonicTime)
        .build();
  }

  private static Set<String> names(List<Meter> meters) {
    return meters.stream()
        .filter(m -> m.getId().syntheticAssociation() == null)
        .map(m -> m.getId().getName())
        .collect(Collectors.toSet());
  }

  @Test
  void commonTagsAppearOnEveryMeterIncludingAReasonFirstSeenLater() {
    ChaosInjector injector = injector();
    try (ChaosMeterBinder binder =
        new ChaosMeterBinder(injector, Tags.of("bot", "mm-1", "venue", "binance"))) {
      binder.bindTo(registry);
      injector.disable("SOMETHING_NEW");

      assertThat(names(registry.getMeters())).isEqualTo(NAMES);
      assertThat(registry.find("mm.chaos.rollbacks").tag("reason", "SOMETHING_NEW").counter())
          .isNotNull();
      assertThat(registry.getMeters())
          .allSatisfy(
              m ->
                  assertThat(m.getId().getTags())
                      .as(m.getId().toString())
                      .contains(Tag.of("bot", "mm-1"), Tag.of("venue", "binance")));
    }
  }

  @Test
  void commonTagsReachEveryPrometheusSampleIncludingTheNativeHistogram() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (ChaosMeterBinder binder = new ChaosMeterBinder(injector(), Tags.of("bot.name", "mm-1"))) {
      binder.bindTo(prometheus);
      binder.meters().wsGap.record(12);

      List<String> samples =
          Arrays.stream(prometheus.scrape().split("\n"))
              .filter(l -> l.startsWith("mm_"))
              .collect(Collectors.toList());

      assertThat(samples).anyMatch(l -> l.startsWith("mm_ws_gap_ms_bucket{"));
      assertThat(samples).anyMatch(l -> l.startsWith("mm_chaos_injections_total{"));
      // The registry's naming convention turns the key into a label name, as for its own meters.
      assertThat(samples).allSatisfy(l -> assertThat(l).contains("bot_name=\"mm-1\""));
      MetricSnapshot wsGap =
          prometheus.getPrometheusRegistry().scrape().stream()
              .filter(s -> s.getMetadata().getPrometheusName().equals("mm_ws_gap_ms"))
              .findFirst()
              .orElseThrow();
      var point = ((HistogramSnapshot) wsGap).getDataPoints().get(0);
      assertThat(point.hasNativeHistogramData()).isTrue();
      assertThat(point.getLabels().get("bot_name")).isEqualTo("mm-1");
    }
  }

  @Test
  void theOneArgumentConstructorBindsWithoutCommonTags() {
    ChaosInjector injector = injector();
    MeterBinder binder = new ChaosMeterBinder(injector);
    binder.bindTo(registry);

    injector.shouldInjectNetLoss();

    assertThat(((ChaosMeterBinder) binder).tags()).isEmpty();
    assertThat(registry.get("mm.chaos.enabled").gauge().getId().getTags()).isEmpty();
    assertThat(
            registry
                .get("mm.chaos.injections")
                .tags("scenario", Scenario.NET_LOSS.key(), "dry_run", "false")
                .functionCounter()
                .count())
        .isEqualTo(1);
    ((ChaosMeterBinder) binder).close();
  }

  @Test
  void closeRemovesTheRollbackListenerAndEveryMeter() {
    ChaosInjector injector = injector();
    ChaosMeterBinder binder = new ChaosMeterBinder(injector, Tags.of("bot", "mm-1"));
    binder.bindTo(registry);
    RollbackCounters rollbacks = binder.meters().rollbacks;

    binder.close();
    injector.disable("MANUAL");

    assertThat(registry.getMeters()).isEmpty();
    // A listener left on the injector would have counted this rollback.
    assertThat(rollbacks.counter("MANUAL").count()).isZero();
    assertThat(injector.enabled()).isFalse();
  }

  @Test
  void aBinderBindsOnceAndCloseIsIdempotent() {
    ChaosMeterBinder binder = new ChaosMeterBinder(injector());
    binder.bindTo(registry);
    int meters = registry.getMeters().size();

    assertThatThrownBy(() -> binder.bindTo(new SimpleMeterRegistry()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bound already");
    assertThat(registry.getMeters()).hasSize(meters);

    binder.close();
    binder.close();
    assertThatThrownBy(() -> binder.bindTo(registry))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(registry.getMeters()).isEmpty();
  }

  @Test
  void closingABinderThatWasNeverBoundOnlyStopsItFromBinding() {
    ChaosMeterBinder binder = new ChaosMeterBinder(injector());
    binder.close();

    assertThatThrownBy(() -> binder.bindTo(registry))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(registry.getMeters()).isEmpty();
  }

  @Test
  void aSecondBinderOnTheSameRegistryIsRefusedUntilTheFirstIsClosed() {
    ChaosMeterBinder first = new ChaosMeterBinder(injector(), Tags.of("bot", "a"));
    first.bindTo(registry);
    ChaosMeterBinder second = new ChaosMeterBinder(injector(), Tags.of("bot", "b"));

    assertThatThrownBy(() -> second.bindTo(registry))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already holds mm-chaos meters");
    assertThat(registry.getMeters())
        .allSatisfy(m -> assertThat(m.getId().getTag("bot")).isEqualTo("a"));

    first.close();
    second.bindTo(registry);
    assertThat(names(registry.getMeters())).isEqualTo(NAMES);
    second.close();
  }

  @Test
  void aBindingThatFailsPartWayLeavesNothingBehind() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Registered after the injection counters and the native ws-gap histogram.
    prometheus
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public Meter.Id map(Meter.Id id) {
                if (id.getName().equals("mm.tick.deadline.miss")) {
                  throw new IllegalStateException("refused by a filter");
                }
                return id;
              }
            });
    ChaosMeterBinder binder = new ChaosMeterBinder(injector());

    assertThatThrownBy(() -> binder.bindTo(prometheus))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("refused by a filter");

    assertThat(prometheus.getMeters()).isEmpty();
    assertThat(prometheus.scrape()).doesNotContain("mm_");
  }

  @Test
  void rejectsTagKeysTheMetersUseThemselvesAndNullArguments() {
    ChaosInjector injector = injector();
    for (String key : new String[] {"scenario", "dry_run", "dry.run", "kind", "type", "reason"}) {
      assertThatThrownBy(() -> new ChaosMeterBinder(injector, Tags.of(key, "x")))
          .as(key)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + key + "'");
    }
    assertThatThrownBy(() -> new ChaosMeterBinder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("injector");
    assertThatThrownBy(() -> new ChaosMeterBinder(injector, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("tags");
    assertThatThrownBy(() -> new ChaosMeterBinder(injector).bindTo(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("registry");
  }
}
