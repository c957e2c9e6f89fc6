package io.mmbot.chaos.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.MismatchType;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.fixtures.SeedConfig;
import io.mmbot.chaos.metrics.LocalPrometheus.Sample;
import io.mmbot.chaos.testsupport.ExternalProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real Prometheus servers scrape a loopback endpoint serving the metrics of an injector under
 * chaos: one with native histograms enabled (it scrapes protobuf), one without (it scrapes text).
 * The seed's queries are evaluated through the HTTP API of each.
 */
class PrometheusEndToEndTest {

  static final String INJECTIONS = "sum(rate(mm_chaos_injections_total[5m])) by (scenario)";
  static final String RECONNECTS = "sum(rate(mm_reconnect_attempts_total[5m])) by (kind)";
  static final String PARTIAL_FAIL = "avg_over_time(mm_partial_fail_rate[10m])";
  static final String WS_GAP_NATIVE = "histogram_quantile(0.95, mm_ws_gap_ms)";
  static final String WS_GAP_CLASSIC =
      "histogram_quantile(0.95, sum by (le) (rate(mm_ws_gap_ms_bucket[5m])))";
  static final String DISCREPANCIES = "sum(rate(mm_reconcile_discrepancies_total[5m])) by (type)";

  /** The shipped rules, evaluated by both servers. */
  private static final Path RULES =
      Path.of(System.getProperty("basedir", "."))
          .toAbsolutePath()
          .resolve("../docs/prometheus/mm-chaos-rules.yml")
          .normalize();

  static final String TICK_P95 = "instance:mm_tick_total_ms:p95_5m";
  static final String MISS_RATIO = "instance:mm_tick_deadline_miss:ratio_rate5m";
  static final String RECORDED_INJECTIONS = "scenario:mm_chaos_injections:rate5m";
  static final String RECORDED_WS_GAP_NATIVE = "mm_ws_gap_ms:p95_native";
  static final String RECORDED_WS_GAP_CLASSIC = "mm_ws_gap_ms:p95_5m";
  static final String DEADLINE_ALERT =
      "ALERTS{alertname=\"MmChaosRollbackDeadlineMiss\",chaos_rollback=\"true\","
          + "reason=\"DEADLINE_MISS\"}";
  static final String PARTIAL_FAIL_ALERT = "ALERTS{alertname=\"MmChaosRollbackPartialFail\"}";

  private static final Duration STARTUP = Duration.ofSeconds(20);
  private static final Duration ANSWERS = Duration.ofSeconds(40);

  private static final Set<String> SCENARIO_KEYS =
      Arrays.stream(Scenario.values()).map(Scenario::key).collect(Collectors.toSet());
  private static final Set<String> TYPES =
      Set.of("missing", "ghost", "stale_status", "qty_diff", "other");

  @Test
  @Timeout(90)
  void seedQueriesAnswerOnRealPrometheusWithAndWithoutNativeHistograms(@TempDir Path dir)
      throws Exception {
    Path binary = ExternalProgram.prometheus();
    ChaosInjector injector =
        ChaosInjector.create(
            // The seed's intensities, with disconnects and mismatches frequent enough to be seen
            // in a short run.
            SeedConfig.intensities(ChaosConfig.builder().enabled(true).dryRun(false))
                .wsDisconnect(60)
                .reconcileMismatch(0.5)
                .burstOffSec(0)
                .seed(42L)
                .build());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Map<String, List<Sample>> nativeAnswers;
    Map<String, List<Sample>> classicAnswers;
    MetricsEndpoint endpoint;
    try (ChaosMetrics metrics = ChaosMetrics.bind(injector, registry);
        MetricsEndpoint e = new MetricsEndpoint(registry);
        Stopper bot = new Stopper(new SimulatedBot(injector, metrics, 20, 3_000));
        LocalPrometheus withNative =
            LocalPrometheus.start(binary, dir.resolve("native"), e.target(), RULES, true, STARTUP);
        LocalPrometheus classic =
            LocalPrometheus.start(
                binary, dir.resolve("classic"), e.target(), RULES, false, STARTUP)) {
      endpoint = e;
      long deadline = System.nanoTime() + ANSWERS.toNanos();
      do {
        Thread.sleep(1_000);
        nativeAnswers = answers(withNative);
        classicAnswers = answers(classic);
      } while (!(complete(nativeAnswers, WS_GAP_NATIVE) && complete(classicAnswers, WS_GAP_CLASSIC))
          && System.nanoTime() - deadline < 0);
      bot.stop();
      write(dir, nativeAnswers, classicAnswers);
      assertSeedAnswers(nativeAnswers, WS_GAP_NATIVE, withNative.logTail());
      assertSeedAnswers(classicAnswers, WS_GAP_CLASSIC, classic.logTail());
      // Without native histograms there is nothing for the bare form to read.
      assertThat(classicAnswers.get(WS_GAP_NATIVE)).isEmpty();
      assertShippedRules(nativeAnswers, RECORDED_WS_GAP_NATIVE);
      assertShippedRules(classicAnswers, RECORDED_WS_GAP_CLASSIC);
    }
    assertThat(endpoint.servedContentTypes)
        .anySatisfy(t -> assertThat(t).contains("application/vnd.google.protobuf"))
        .anySatisfy(t -> assertThat(t).startsWith("application/openmetrics-text"));
  }

  /** Stops the bot when the answers are in (so the assertions read a still picture) or on exit. */
  private static final class Stopper implements AutoCloseable {
    private final SimulatedBot bot;

    Stopper(SimulatedBot bot) {
      this.bot = bot;
    }

    void stop() {
      bot.close();
    }

    @Override
    public void close() {
      bot.close();
    }
  }

  private static Map<String, List<Sample>> answers(LocalPrometheus prometheus) throws Exception {
    Map<String, List<Sample>> a = new LinkedHashMap<>();
    for (String q :
        List.of(
            INJECTIONS,
            RECONNECTS,
            PARTIAL_FAIL,
            WS_GAP_NATIVE,
            WS_GAP_CLASSIC,
            DISCREPANCIES,
            RECORDED_INJECTIONS,
            RECORDED_WS_GAP_NATIVE,
            RECORDED_WS_GAP_CLASSIC,
            TICK_P95,
            MISS_RATIO,
            DEADLINE_ALERT,
            PARTIAL_FAIL_ALERT)) {
      a.put(q, prometheus.query(q));
    }
    return a;
  }

  private static boolean complete(Map<String, List<Sample>> a, String wsGapForm) {
    String recordedGap =
        wsGapForm.equals(WS_GAP_NATIVE) ? RECORDED_WS_GAP_NATIVE : RECORDED_WS_GAP_CLASSIC;
    return a.get(RECORDED_INJECTIONS).size() == SCENARIO_KEYS.size()
        && a.get(recordedGap).size() == 1
        && a.get(TICK_P95).size() == 1
        && a.get(MISS_RATIO).size() == 1
        && a.get(DEADLINE_ALERT).size() == 1
        && labelValues(a.get(INJECTIONS), "scenario").equals(SCENARIO_KEYS)
        && positive(a.get(INJECTIONS), "scenario", "net_loss")
        && positive(a.get(RECONNECTS), "kind", "rest")
        && positive(a.get(RECONNECTS), "kind", "ws")
        && a.get(PARTIAL_FAIL).size() == 1
        && a.get(wsGapForm).size() == 1
        && Double.isFinite(a.get(wsGapForm).get(0).value())
        && labelValues(a.get(DISCREPANCIES), "type").equals(TYPES)
        && Arrays.stream(MismatchType.values())
            .allMatch(t -> positive(a.get(DISCREPANCIES), "type", t.key()));
  }

  private static void assertSeedAnswers(
      Map<String, List<Sample>> a, String wsGapForm, String prometheusLog) {
    String context = a + "\nprometheus log:\n" + prometheusLog;
    assertThat(a.get(INJECTIONS)).as(context).allSatisfy(s -> labelKeys(s, "scenario"));
    assertThat(labelValues(a.get(INJECTIONS), "scenario")).as(context).isEqualTo(SCENARIO_KEYS);
    assertThat(positive(a.get(INJECTIONS), "scenario", "net_loss")).as(context).isTrue();

    assertThat(a.get(RECONNECTS)).as(context).allSatisfy(s -> labelKeys(s, "kind"));
    assertThat(labelValues(a.get(RECONNECTS), "kind"))
        .containsExactlyInAnyOrder("ws", "rest", "other");
    assertThat(positive(a.get(RECONNECTS), "kind", "rest")).as(context).isTrue();
    assertThat(positive(a.get(RECONNECTS), "kind", "ws")).as(context).isTrue();

    assertThat(a.get(PARTIAL_FAIL)).as(context).hasSize(1);
    Sample pf = a.get(PARTIAL_FAIL).get(0);
    assertThat(pf.labels()).containsOnlyKeys("instance", "job");
    assertThat(pf.value()).isBetween(0.0, 0.011);

    assertThat(a.get(wsGapForm)).as(context).hasSize(1);
    // Gaps are 20-100 ms, plus 150 ms on the 10% of messages that WS_LAG delays.
    assertThat(a.get(wsGapForm).get(0).value()).as(context).isBetween(60.0, 300.0);

    assertThat(a.get(DISCREPANCIES)).as(context).allSatisfy(s -> labelKeys(s, "type"));
    assertThat(labelValues(a.get(DISCREPANCIES), "type")).isEqualTo(TYPES);
    for (MismatchType t : MismatchType.values()) {
      assertThat(positive(a.get(DISCREPANCIES), "type", t.key())).as(context + t).isTrue();
    }
  }

  /** The shipped rules, evaluated by a real Prometheus over what the bot exported. */
  private static void assertShippedRules(Map<String, List<Sample>> a, String recordedGap) {
    String context = a.toString();
    assertThat(labelValues(a.get(RECORDED_INJECTIONS), "scenario"))
        .as(context)
        .isEqualTo(SCENARIO_KEYS);
    assertThat(a.get(recordedGap)).as(context).hasSize(1);
    assertThat(a.get(recordedGap).get(0).value()).as(context).isBetween(60.0, 300.0);
    // Ticks take 150-210 ms (plus 20 ms on LAT_SPIKE ticks).
    assertThat(a.get(TICK_P95)).as(context).hasSize(1);
    assertThat(a.get(TICK_P95).get(0).labels()).containsOnlyKeys("__name__", "instance", "job");
    assertThat(a.get(TICK_P95).get(0).value()).as(context).isBetween(150.0, 260.0);
    // Ticks over 200 ms miss their deadline: far more than 2 %, so the alert is pending (its 5m
    // "for" cannot have passed yet) and carries the rollback labels.
    assertThat(a.get(MISS_RATIO).get(0).value()).as(context).isGreaterThan(0.02);
    assertThat(a.get(DEADLINE_ALERT)).as(context).hasSize(1);
    assertThat(a.get(DEADLINE_ALERT).get(0).labels())
        .containsEntry("alertstate", "pending")
        .containsEntry("severity", "critical");
    // 1 % partial failures stay under the 5 % trigger.
    assertThat(a.get(PARTIAL_FAIL_ALERT)).as(context).isEmpty();
  }

  private static void labelKeys(Sample s, String key) {
    assertThat(s.labels()).containsOnlyKeys(key);
  }

  private static Set<String> labelValues(List<Sample> samples, String key) {
    return samples.stream().map(s -> s.labels().get(key)).collect(Collectors.toSet());
  }

  private static boolean positive(List<Sample> samples, String key, String value) {
    return samples.stream().anyMatch(s -> value.equals(s.labels().get(key)) && s.value() > 0);
  }

  /** Leaves the answers next to the build output, for the documentation. */
  private static void write(
      Path dir, Map<String, List<Sample>> nativeAnswers, Map<String, List<Sample>> classicAnswers)
      throws Exception {
    StringBuilder b = new StringBuilder();
    Map<String, Map<String, List<Sample>>> both = new LinkedHashMap<>();
    both.put("with --enable-feature=native-histograms", nativeAnswers);
    both.put("without native histograms", classicAnswers);
    for (var entry : both.entrySet()) {
      b.append("## prometheus ").append(entry.getKey()).append('\n');
      entry.getValue().forEach((q, s) -> b.append(q).append("\n  ").append(s).append('\n'));
    }
    Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("prometheus-e2e-answers.txt"), b.toString());
  }
}
