package io.mmbot.chaos.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.MismatchType;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.testsupport.ExternalProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real promtool on the exported metrics and on the shipped rules. */
class PromtoolTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /**
   * The one complaint promtool always makes about the contract's {@code _ms} names; exit code 3
   * means "lint problems found".
   */
  private static final Pattern MS_UNIT_COMPLAINT =
      Pattern.compile("mm_[a-z_]+_ms(_max)? metric names should not contain abbreviated units");

  private static Path rules() {
    return Path.of(System.getProperty("basedir", "."))
        .toAbsolutePath()
        .resolve("../docs/prometheus")
        .normalize();
  }

  @Test
  void checkMetricsReportsNothingButTheAbbreviatedUnitOfMsNames(@TempDir Path dir)
      throws Exception {
    Path promtool = ExternalProgram.promtool();
    ChaosInjector injector =
        ChaosInjector.create(
            ChaosConfig.builder().enabled(true).dryRun(false).netLoss(1).burstOffSec(0).build());
    try (ChaosMetrics metrics =
        ChaosMetrics.bind(injector, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
      injector.shouldInject(Scenario.NET_LOSS);
      metrics.recordChaosInjection("exch_429");
      metrics.recordReconnectAttempt("ws");
      metrics.recordWsGapMs(120);
      metrics.recordReconcileDiscrepancy(MismatchType.QTY_DIFF);
      metrics.recordTick(190, true);
      metrics.recordOperation(true);
      injector.disable("P95_TICK");
      Path exported = dir.resolve("metrics.txt");
      Files.writeString(exported, metrics.exportToPrometheus());

      ExternalProgram.Result r =
          ExternalProgram.run(dir, exported, TIMEOUT, promtool.toString(), "check", "metrics");

      assertThat(r.exitCode()).as(r.output()).isIn(0, 3);
      assertThat(r.lines())
          .as("promtool check metrics output")
          .allSatisfy(line -> assertThat(line).matches(MS_UNIT_COMPLAINT))
          .contains(
              "mm_tick_total_ms metric names should not contain abbreviated units",
              "mm_ws_gap_ms metric names should not contain abbreviated units");
    }
  }

  @Test
  void checkMetricsWouldReportAMissingHelpText(@TempDir Path dir) throws Exception {
    // Proves the filter above is not a blanket pass: a meter without description is reported.
    Path promtool = ExternalProgram.promtool();
    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, "# TYPE mm_demo_total counter\nmm_demo_total 1\n");

    ExternalProgram.Result r =
        ExternalProgram.run(dir, bad, TIMEOUT, promtool.toString(), "check", "metrics");

    assertThat(r.lines()).anySatisfy(line -> assertThat(line).doesNotMatch(MS_UNIT_COMPLAINT));
    assertThat(r.output()).contains("no help text");
  }

  @Test
  void shippedRulesPassPromtoolCheck() throws Exception {
    Path promtool = ExternalProgram.promtool();
    Path dir = rules();

    ExternalProgram.Result r =
        ExternalProgram.run(
            dir, null, TIMEOUT, promtool.toString(), "check", "rules", "mm-chaos-rules.yml");

    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCESS: 13 rules found");
  }

  @Test
  void rollbackAlertsFireAfterExactlyTheirForDurationInPromtoolUnitTests() throws Exception {
    Path promtool = ExternalProgram.promtool();
    Path dir = rules();

    ExternalProgram.Result r =
        ExternalProgram.run(
            dir, null, TIMEOUT, promtool.toString(), "test", "rules", "mm-chaos-rules.test.yml");

    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCESS");
  }
}
