package io.mmbot.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {

  @TempDir Path dir;

  private String report() throws Exception {
    return MarkdownReport.render(ReportModel.of(RunSet.load(dir)));
  }

  @Test
  void listsEveryUnreadableRunWithItsFieldAndNeverDropsIt() throws Exception {
    Files.writeString(dir.resolve("good.json"), RunReaderTest.SEED_EXAMPLE);
    Files.writeString(dir.resolve("nan.json"), RunReaderTest.SEED_EXAMPLE.replace("185.2", "NaN"));
    Files.writeString(
        dir.resolve("odd.json"), RunReaderTest.SEED_EXAMPLE.replace("net_loss", "meteor_strike"));

    String md = report();

    assertThat(md).contains("2 run files could not be read (see below).");
    assertThat(md)
        .contains(
            "## Unreadable runs\n\n"
                + "- `nan.json` — `metrics.p95_tick_ms`: NaN is not a finite number\n"
                + "- `odd.json` — `scenario`: unknown scenario key 'meteor_strike'");
    assertThat(md).contains("| net_loss | 1/0 |");
  }

  @Test
  void marksAScenarioWithAFailedRunAndSaysWhatFailedByHowMuch() throws Exception {
    Files.writeString(dir.resolve("a.json"), RunReaderTest.SEED_EXAMPLE);
    Files.writeString(
        dir.resolve("b.json"),
        RunReaderTest.SEED_EXAMPLE
            .replace("\"pass\"", "\"fail\"")
            .replace("185.2", "230.1")
            .replace("{\"scenario\"", "{\"seed\": 7, \"scenario\""));

    String md = report();

    assertThat(md)
        .contains("| net_loss | 1/1 | 230.1 ms | 0.5 % | 2 ticks | 50 % (9.5–90.5 %) | ⚠️ |");
    assertThat(md)
        .contains(
            "- seed 7 (judged fail): p95 tick 230.1 ms exceeds target 215.05 ms by 15.05 ms"
                + " (+7 %).");
    assertThat(md).contains("Scenarios without runs: exch_429, exch_5xx,");
  }

  @Test
  void showsAPassedScenarioWithASingleRunWithoutAnInterval() throws Exception {
    Files.writeString(dir.resolve("a.json"), RunReaderTest.SEED_EXAMPLE);

    assertThat(report()).contains("| net_loss | 1/0 | 185.2 ms | 0.5 % | 2 ticks | — | ✅ |");
  }

  @Test
  void namesAFailedRunWhoseCriteriaWereAllMet() throws Exception {
    Files.writeString(
        dir.resolve("a.json"), RunReaderTest.SEED_EXAMPLE.replace("\"pass\"", "\"fail\""));

    assertThat(report())
        .contains(
            "- `a.json` (judged fail): every recorded criterion was met; see the suite's log for"
                + " the reason.");
  }

  @Test
  void aRunNamedWithPipesNewlinesBackticksAndMarkupKeepsTheTablesIntact() throws Exception {
    String name = "a|b`c\n<b>x.json";
    Files.writeString(
        dir.resolve(name), RunReaderTest.SEED_EXAMPLE.replace("\"pass\"", "\"fail\""));

    String md = report();

    assertThat(MarkdownLint.problems(md)).as(md).isEmpty();
    // one code span, the pipe escaped for the table, the newline shown as \n
    assertThat(md)
        .contains("| p95 tick | < 215.05 ms | 28.05 ms | 185.2 ms | ``a\\|b`c\\n<b>x.json`` |");
    assertThat(md).contains("- ``a|b`c\\n<b>x.json`` (judged fail): every recorded criterion");
    ParsedReport parsed = ReportParser.parse("r.md", md);
    assertThat(parsed.scenarios().get(0).criteria().get(0).worstRun())
        .isEqualTo("``a|b`c\\n<b>x.json``");
  }

  @Test
  void rawHtmlFromARunFileIsEscapedOutsideCodeSpans() throws Exception {
    Files.writeString(
        dir.resolve("x.json"),
        RunReaderTest.SEED_EXAMPLE.replace("\"pass\"", "\"<img src=x onerror=alert(1)>|&amp;\""));

    String md = report();

    assertThat(MarkdownLint.problems(md)).as(md).isEmpty();
    assertThat(md)
        .contains(
            "- `x.json` — `result`: expected \"pass\" or \"fail\", found"
                + " \"\\<img src=x onerror=alert(1)\\>\\|\\&amp;\"\n");
  }

  @Test
  void aBacktickRunInANameGetsALongerFenceAndPadding() throws Exception {
    Files.writeString(dir.resolve("``tick``.json"), RunReaderTest.SEED_EXAMPLE);

    String md = report();

    assertThat(MarkdownLint.problems(md)).as(md).isEmpty();
    assertThat(md).contains("| ``` ``tick``.json ``` |");
  }

  @Test
  void controlAndBidiCharactersInANameAreShownAsEscapes() throws Exception {
    Files.writeString(dir.resolve("a\u202eb\u001b[31m\\c.json"), RunReaderTest.SEED_EXAMPLE);

    String md = report();

    assertThat(MarkdownLint.problems(md)).as(md).isEmpty();
    assertThat(md).contains("`a\\u202eb\\u001b[31m\\\\c.json`");
  }
}
