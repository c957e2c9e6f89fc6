package io.mmbot.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every number the run-file schema accepts renders: in report.md (which findings reads back),
 * report.html and findings.json, in bounded time. The values are the extremes of each field's
 * range: the smallest and largest doubles, zero, negative zero, the largest long.
 */
class ExtremeNumbersTest {

  private static final String MAX = Double.toString(Double.MAX_VALUE);
  private static final String MIN = Double.toString(Double.MIN_VALUE);
  private static final String LONG_MAX = Long.toString(Long.MAX_VALUE);
  private static final String LONG_MIN = Long.toString(Long.MIN_VALUE);

  @TempDir Path dir;

  /** A run with a timeline; each placeholder is replaced by the case's value or a normal one. */
  static String run(
      String scenario,
      String seed,
      String intensity,
      String duration,
      String p95,
      String baseline,
      String recovery,
      String windowSec,
      String start0,
      String start1,
      String windowP95,
      String misses,
      String injections) {
    return "{\"scenario\": \""
        + scenario
        + "\", \"seed\": "
        + seed
        + ", \"intensity\": "
        + intensity
        + ", \"duration_sec\": "
        + duration
        + ", \"result\": \"fail\", \"metrics\": {\"p95_tick_ms\": "
        + p95
        + ", \"deadline_miss_pct\": 100, \"recovery_ticks\": "
        + recovery
        + ", \"baseline_p95_tick_ms\": "
        + baseline
        + ", \"p99_tick_ms\": "
        + p95
        + ", \"reconnect_ticks\": "
        + recovery
        + ", \"cancel_storms\": "
        + recovery
        + "}, \"timeline\": {\"window_sec\": "
        + windowSec
        + ", \"windows\": [{\"start_sec\": "
        + start0
        + ", \"p95_tick_ms\": "
        + windowP95
        + ", \"deadline_misses\": "
        + misses
        + ", \"burst\": true, \"injections\": "
        + injections
        + "}, {\"start_sec\": "
        + start1
        + ", \"p95_tick_ms\": 190, \"deadline_misses\": 0, \"burst\": false,"
        + " \"injections\": 0}]}}";
  }

  /** A normal run with {@code slotsAndValues} (slot index, value, ...) replaced. */
  private static Arguments normal(String name, Object... slotsAndValues) {
    String[] v = {
      "lat_spike", "1", "200", "120", "205", "187", "2", "10", "0", "10", "200", "1", "3"
    };
    for (int i = 0; i < slotsAndValues.length; i += 2) {
      v[(Integer) slotsAndValues[i]] = (String) slotsAndValues[i + 1];
    }
    return Arguments.of(
        name, run(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]));
  }

  static Stream<Arguments> extremes() {
    return Stream.of(
        normal("baseline 4.9e-324", 5, "4.9e-324"),
        normal("baseline Double.MIN_VALUE", 5, MIN),
        normal("baseline Double.MAX_VALUE", 5, MAX),
        normal("baseline 1e308", 5, "1e308"),
        normal("timeline p95 1e308", 10, "1e308"),
        normal("timeline p95 Double.MAX_VALUE", 10, MAX),
        normal("timeline p95 4.9e-324", 10, "4.9e-324"),
        normal("timeline p95 0", 10, "0"),
        normal("timeline p95 -0.0", 10, "-0.0"),
        normal("p95 Double.MAX_VALUE", 4, MAX),
        normal("p95 4.9e-324", 4, "4.9e-324"),
        normal("p95 0", 4, "0"),
        normal("p95 -0.0", 4, "-0.0"),
        normal("intensity Double.MAX_VALUE", 2, MAX),
        normal("intensity 4.9e-324", 2, "4.9e-324"),
        normal("duration Double.MIN_VALUE", 3, MIN),
        normal("duration Double.MAX_VALUE", 3, MAX),
        normal("recovery Long.MAX_VALUE", 6, LONG_MAX),
        normal("seed Long.MIN_VALUE", 1, LONG_MIN),
        normal("window_sec Double.MIN_VALUE", 7, MIN),
        normal("window_sec 86400", 7, "86400", 9, "86400"),
        normal("first start Double.MAX_VALUE / 2", 8, "8.98846567431158e307", 9, MAX),
        normal("second start Double.MAX_VALUE", 9, MAX),
        normal("deadline misses Long.MAX_VALUE", 11, LONG_MAX),
        normal("injections Long.MAX_VALUE", 12, LONG_MAX),
        Arguments.of(
            "everything at its largest",
            run(
                "ws_disconnect",
                LONG_MAX,
                MAX,
                MAX,
                MAX,
                MAX,
                LONG_MAX,
                "86400",
                "0",
                MAX,
                MAX,
                LONG_MAX,
                LONG_MAX)),
        Arguments.of(
            "everything at its smallest",
            run("net_loss", LONG_MIN, "0", MIN, "0", MIN, "0", MIN, "0", "1", "0", "0", "0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("extremes")
  void everyAcceptedNumberRendersInEveryOutputAndReadsBack(String name, String json)
      throws Exception {
    Files.writeString(dir.resolve("run.json"), json);
    RunSet set = RunSet.load(dir);
    assertThat(set.unreadable()).as("%s is accepted by the schema", name).isEmpty();
    ReportModel model = ReportModel.of(set);

    String md =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> MarkdownReport.render(model));
    String html = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> HtmlReport.render(model));
    ParsedReport parsed = ReportParser.parse("report.md", md);
    String findings = FindingsJson.render(FindingsAnalyzer.analyze(parsed));

    assertThat(parsed.scenarios()).hasSize(1);
    List<CriterionResult> want = model.scenarios().get(0).criteria();
    List<CriterionResult> got = parsed.scenarios().get(0).criteria();
    assertThat(got).hasSameSizeAs(want);
    for (int i = 0; i < want.size(); i++) {
      assertClose(got.get(i).worstValue(), want.get(i).worstValue(), name);
      assertClose(got.get(i).target(), want.get(i).target(), name);
      assertThat(got.get(i).runsMissing()).isEqualTo(want.get(i).runsMissing());
    }
    assertThat(md + html + findings)
        .doesNotContain("NaN")
        .doesNotContain("Infinity")
        .doesNotContain("∞");
    // coordinates stay within a sane band around the 560 x 280 chart
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(" (?:x|y|x1|x2|y1|y2|width|height)=\"(-?[0-9.]+)\"")
            .matcher(html);
    while (m.find()) {
      assertThat(Double.parseDouble(m.group(1))).as(m.group()).isBetween(-1e4, 1e4);
    }
    // no number in the report is longer than a readable figure
    assertThat(md.split("\\s+")).allSatisfy(word -> assertThat(word.length()).isLessThan(40));
  }

  /** Equal to the precision the report writes: two decimals, or four significant digits. */
  private static void assertClose(double got, double want, String name) {
    double tolerance = Math.max(0.005, Math.abs(want) * 1e-3);
    assertThat(Math.abs(got - want)).as("%s: %s vs %s", name, got, want).isLessThan(tolerance);
  }
}
