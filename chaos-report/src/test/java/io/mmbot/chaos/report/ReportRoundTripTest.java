package io.mmbot.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mmbot.chaos.report.cli.MmChaos;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: for any run directory, however hostile its file names and values, {@code mm-chaos
 * findings} reads the report that {@code mm-chaos report} writes, and reads it back as written.
 * Each case is one seed of {@link HostileRuns}; a failure names its seed, which replays it.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReportRoundTripTest {

  @TempDir Path dir;

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  private record Run(int exit, String out, String err) {}

  private static Run mmChaos(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = MmChaos.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void findingsReadsEveryReportThatReportWrites(long seed) throws Exception {
    Path runs = Files.createDirectories(dir.resolve("runs"));
    new HostileRuns(seed).fill(runs);
    Path md = dir.resolve("report.md");
    Path html = dir.resolve("report.html");
    Path json = dir.resolve("findings.json");

    Run report =
        mmChaos(
            "report", "--runs", runs.toString(), "--output", md.toString(), "--html", "" + html);
    RunSet set = RunSet.load(runs);
    ReportModel model = ReportModel.of(set);
    boolean unreadable = !set.unreadable().isEmpty();

    assertThat(report.exit()).as(report.err()).isEqualTo(unreadable ? 2 : model.accepted() ? 0 : 1);
    String text = Files.readString(md, StandardCharsets.UTF_8);
    assertThat(MarkdownLint.problems(text)).as(text).isEmpty();

    Run findings = mmChaos("findings", "--report", md.toString(), "--output", json.toString());
    assertThat(findings.exit()).as(findings.err()).isEqualTo(unreadable ? 2 : 0);
    if (unreadable) {
      assertThat(findings.err())
          .contains("the report lists " + set.unreadable().size() + " unreadable run file");
    }
    assertThat(JsonMapper.builder().build().readTree(json.toFile()).get("total_findings"))
        .isNotNull();

    ParsedReport parsed = ReportParser.parse(md.toString(), text);
    assertThat(parsed.unreadableRuns()).isEqualTo(set.unreadable().size());
    assertThat(parsed.scenarios()).hasSameSizeAs(model.scenarios());
    for (int i = 0; i < model.scenarios().size(); i++) {
      ScenarioSummary want = model.scenarios().get(i);
      ScenarioOutcome got = parsed.scenarios().get(i);
      assertThat(got.scenario()).isEqualTo(want.scenario());
      assertThat(got.passed()).isEqualTo(want.passed());
      assertThat(got.failed()).isEqualTo(want.failed());
      List<CriterionResult> wc = want.criteria();
      assertThat(got.criteria()).hasSameSizeAs(wc);
      for (int c = 0; c < wc.size(); c++) {
        assertThat(got.criteria().get(c).criterion()).isEqualTo(wc.get(c).criterion());
        assertThat(got.criteria().get(c).worstRun()).isEqualTo(wc.get(c).worstRun());
        assertThat(got.criteria().get(c).runsMissing()).isEqualTo(wc.get(c).runsMissing());
        assertThat(got.criteria().get(c).runsJudged()).isEqualTo(wc.get(c).runsJudged());
      }
    }

    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertThat(page)
        .doesNotContain("<script>alert")
        .doesNotContain("<img")
        .doesNotContain("</td></tr></td>")
        .doesNotContain("<!--");
    assertThat(report.err() + findings.err()).doesNotContain("\u001b").doesNotContain("\r");
  }
}
