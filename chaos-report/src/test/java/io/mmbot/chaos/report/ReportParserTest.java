package io.mmbot.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mmbot.chaos.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportParserTest {

  @TempDir Path dir;

  @Test
  void readsBackWhatTheGeneratorWrote() throws Exception {
    ReportModel model = ReportModel.of(RunSet.load(GoldenFilesTest.RUNS));

    ParsedReport parsed = ReportParser.parse("r.md", MarkdownReport.render(model));

    assertThat(parsed.unreadableRuns()).isZero();
    assertThat(parsed.scenarios()).hasSize(model.scenarios().size());
    for (int i = 0; i < model.scenarios().size(); i++) {
      ScenarioSummary want = model.scenarios().get(i);
      ScenarioOutcome got = parsed.scenarios().get(i);
      assertThat(got.scenario()).isEqualTo(want.scenario());
      assertThat(got.passed()).isEqualTo(want.passed());
      assertThat(got.failed()).isEqualTo(want.failed());
      assertThat(got.criteria()).hasSameSizeAs(want.criteria());
      for (int c = 0; c < want.criteria().size(); c++) {
        CriterionResult w = want.criteria().get(c);
        CriterionResult g = got.criteria().get(c);
        assertThat(g.criterion()).isEqualTo(w.criterion());
        assertThat(g.target()).isCloseTo(w.target(), within(0.005));
        assertThat(g.margin()).isCloseTo(w.margin(), within(0.005));
        assertThat(g.worstValue()).isCloseTo(w.worstValue(), within(0.005));
        assertThat(g.worstRun()).isEqualTo(w.worstRun());
        assertThat(g.runsMissing()).isEqualTo(w.runsMissing());
        assertThat(g.runsJudged()).isEqualTo(w.runsJudged());
      }
    }
  }

  @Test
  void countsTheUnreadableRunsTheReportLists() throws Exception {
    Files.writeString(dir.resolve("ok.json"), RunReaderTest.SEED_EXAMPLE);
    Files.writeString(dir.resolve("bad1.json"), "{");
    Files.writeString(dir.resolve("bad2.json"), RunReaderTest.SEED_EXAMPLE.replace("0.3", "NaN"));

    String md = MarkdownReport.render(ReportModel.of(RunSet.load(dir)));
    ParsedReport parsed = ReportParser.parse("r.md", md);

    assertThat(parsed.unreadableRuns()).isEqualTo(2);
    assertThat(parsed.scenarios())
        .extracting(ScenarioOutcome::scenario)
        .containsExactly(Scenario.NET_LOSS);
  }

  @Test
  void rejectsTextThatIsNotAReport() {
    assertThatThrownBy(() -> ReportParser.parse("notes.md", "# Shopping list\n\n- milk\n"))
        .isInstanceOf(ReportFormatException.class)
        .hasMessage("notes.md:1: not a chaos report: expected '# Chaos test report' first");
  }

  @Test
  void rejectsAMissingSection() {
    assertThatThrownBy(() -> ReportParser.parse("r.md", "# Chaos test report\n\nno tables\n"))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("section '## Summary' is missing");
  }

  @Test
  void rejectsABrokenSummaryRowNamingItsLine() throws Exception {
    String md = MarkdownReport.render(ReportModel.of(RunSet.load(GoldenFilesTest.RUNS)));
    String broken = md.replace("| net_loss | 3/0 |", "| net_loss | three |");
    int line = lineOf(broken, "| net_loss | three |");

    assertThatThrownBy(() -> ReportParser.parse("r.md", broken))
        .isInstanceOf(ReportFormatException.class)
        .hasMessage("r.md:" + line + ": expected runs as passed/failed, found 'three'");
  }

  @Test
  void rejectsAnUnknownScenarioAndAnUnknownCriterion() throws Exception {
    String md = MarkdownReport.render(ReportModel.of(RunSet.load(GoldenFilesTest.RUNS)));

    assertThatThrownBy(
            () -> ReportParser.parse("r.md", md.replace("| ws_lag | 1/0", "| ws_flap | 1/0")))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("unknown scenario key 'ws_flap'");
    assertThatThrownBy(() -> ReportParser.parse("r.md", md.replace("| p99 tick |", "| p98 tick |")))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("unknown criterion 'p98 tick'");
  }

  @Test
  void rejectsASummaryRowWithoutItsSection() throws Exception {
    String md = MarkdownReport.render(ReportModel.of(RunSet.load(GoldenFilesTest.RUNS)));
    String cut = md.substring(0, md.indexOf("### ws_lag"));

    assertThatThrownBy(() -> ReportParser.parse("r.md", cut))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("scenario ws_lag is in the summary but has no section");
  }

  private static int lineOf(String text, String needle) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError(needle);
  }

  @Test
  void refusesCountsTooLargeForAnIntegerNamingTheLine() throws Exception {
    String md =
        MarkdownReport.render(ReportModel.of(RunSet.load(GoldenFilesTest.RUNS)))
            .replace("| net_loss | 3/0 |", "| net_loss | 99999999999/0 |");

    assertThatThrownBy(() -> ReportParser.parse("r.md", md))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("r.md:")
        .hasMessageContaining("99999999999");
  }

  @Test
  void refusesANumberOutsideTheDoubleRange() throws Exception {
    String md =
        MarkdownReport.render(ReportModel.of(RunSet.load(GoldenFilesTest.RUNS)))
            .replaceFirst("\\| p95 tick \\| < [0-9.]+ ms", "| p95 tick | < 1e999 ms");

    assertThatThrownBy(() -> ReportParser.parse("r.md", md))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("1e999");
  }
}
