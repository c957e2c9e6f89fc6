package io.mmbot.chaos.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What {@link ChaosMetrics#exportToPrometheus()} and a Prometheus registry see. */
class PrometheusExportTest {

  private static final List<String> FAMILIES =
      List.of(
          "mm_chaos_injections_total",
          "mm_reconnect_attempts_total",
          "mm_partial_fail_rate",
          "mm_ws_gap_ms",
          "mm_reconcile_discrepancies_total",
          "mm_tick_total_ms",
          "mm_tick_deadline_miss_total",
          "mm_chaos_enabled",
          "mm_chaos_burst_active",
          "mm_chaos_rollbacks_total");

  private static ChaosInjector injector() {
    return ChaosInjector.create(
        ChaosConfig.builder().enabled(true).dryRun(false).netLoss(1).burstOffSec(0).build());
  }

  private static Set<String> helpFamilies(String text) {
    return Arrays.stream(text.split("\n"))
        .filter(l -> l.startsWith("# HELP "))
        .map(l -> l.split(" ")[2])
        .collect(Collectors.toSet());
  }

  @Test
  void exportsEveryContractNameWithHelpTextInTextFormat004() {
    try (ChaosMetrics metrics = ChaosMetrics.bind(injector())) {
      metrics.injector().shouldInjectNetLoss();
      metrics.recordChaosInjection("net_loss");
      metrics.recordWsGapMs(42);
      metrics.recordTick(190, false);

      String text = metrics.exportToPrometheus();

      assertThat(helpFamilies(text)).containsAll(FAMILIES);
      assertThat(text)
          .contains("mm_chaos_injections_total{dry_run=\"false\",scenario=\"net_loss\"} 2.0")
          .contains("mm_chaos_injections_total{dry_run=\"true\",scenario=\"ws_lag\"} 0.0")
          .contains("mm_reconnect_attempts_total{kind=\"ws\"} 0.0")
          .contains("mm_reconcile_discrepancies_total{type=\"stale_status\"} 0.0")
          .contains("mm_chaos_rollbacks_total{reason=\"P95_TICK\"} 0.0")
          .contains("mm_ws_gap_ms_bucket{le=\"60000.0\"} 1")
          .contains("mm_ws_gap_ms_count 1")
          .contains("mm_tick_total_ms_bucket{le=\"+Inf\"} 1")
          .contains("mm_tick_deadline_miss_total 0.0")
          .contains("mm_chaos_enabled 1.0")
          .contains("mm_chaos_burst_active 1.0")
          .contains("mm_partial_fail_rate 0.0")
          // 0.0.4, not OpenMetrics
          .doesNotContain("# EOF")
          .doesNotContain("# UNIT");
    }
  }

  @Test
  void wsGapIsANativeAndClassicHistogramOnAPrometheusRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (ChaosMetrics metrics = ChaosMetrics.bind(injector(), registry)) {
      for (int i = 1; i <= 100; i++) {
        metrics.recordWsGapMs(i);
      }

      MetricSnapshot snapshot =
          registry.getPrometheusRegistry().scrape().stream()
              .filter(s -> s.getMetadata().getPrometheusName().equals("mm_ws_gap_ms"))
              .findFirst()
              .orElseThrow();

      assertThat(snapshot).isInstanceOf(HistogramSnapshot.class);
      var point = ((HistogramSnapshot) snapshot).getDataPoints().get(0);
      assertThat(point.hasNativeHistogramData()).isTrue();
      assertThat(point.hasClassicHistogramData()).isTrue();
      assertThat(point.getCount()).isEqualTo(100);
      assertThat(point.getClassicBuckets().size()).isEqualTo(WsGapHistogram.BOUNDS_MS.length + 1);
    }
  }

  @Test
  void closeAlsoUnregistersTheNativeHistogram() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ChaosMetrics metrics = ChaosMetrics.bind(injector(), registry);
    metrics.close();

    String text = registry.scrape();
    for (String family : FAMILIES) {
      assertThat(text).doesNotContain(family);
    }
    // A fresh binding on the same registry works again (no duplicate registration left over).
    try (ChaosMetrics again = ChaosMetrics.bind(injector(), registry)) {
      assertThat(helpFamilies(again.exportToPrometheus())).containsAll(FAMILIES);
    }
  }

  @Test
  void exportsThroughAPrometheusRegistryInsideAComposite() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    CompositeMeterRegistry composite = new CompositeMeterRegistry();
    composite.add(prometheus);
    try (ChaosMetrics metrics = ChaosMetrics.bind(injector(), composite)) {
      metrics.recordWsGapMs(5);
      metrics.recordReconnectAttempt("rest");

      String text = metrics.exportToPrometheus();

      assertThat(helpFamilies(text)).containsAll(FAMILIES);
      assertThat(text)
          .contains("mm_reconnect_attempts_total{kind=\"rest\"} 1.0")
          .contains("mm_ws_gap_ms_count 1");
    }
    // Closing removes the meters from the composite's members as well.
    assertThat(helpFamilies(prometheus.scrape())).doesNotContainAnyElementsOf(FAMILIES);
  }
}
