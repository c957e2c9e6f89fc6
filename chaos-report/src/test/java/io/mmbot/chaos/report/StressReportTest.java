package io.mmbot.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mmbot.chaos.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stress runs: read, kept apart from the seed's scenarios, reported and analysed on their own. */
class StressReportTest {

  @TempDir Path dir;

  /** A run of stress scenario {@code name} driving exch_5xx, with the given seed and verdict. */
  private static String stressRun(String name, int seed, boolean passed, String checks) {
    return RunReaderTest.SEED_EXAMPLE
        .replace("\"net_loss\"", "\"exch_5xx\", \"stress\": \"" + name + "\", \"seed\": " + seed)
        .replace("\"pass\"", passed ? "\"pass\"" : "\"fail\"")
        .replace("}}", "}, \"failed_checks\": {" + checks + "}}");
  }

  private ReportModel model() throws Exception {
    return ReportModel.of(RunSet.load(dir));
  }

  @Test
  void theReaderTakesTheStressNameAndTheFailedChecks() throws Exception {
    Path f = dir.resolve("a.json");
    Files.writeString(
        f, stressRun("sustained_outage", 3, false, "\"recovery\": \"x\", \"retry_storms\": \"y\""));
    RunRecord r = RunReader.read(f);
    assertThat(r.scenario()).isEqualTo(Scenario.EXCH_5XX);
    assertThat(r.stress()).contains("sustained_outage");
    assertThat(r.isStress()).isTrue();
    assertThat(r.failedChecks()).containsExactly("recovery", "retry_storms");

    Files.writeString(f, RunReaderTest.SEED_EXAMPLE);
    assertThat(RunReader.read(f).stress()).isEmpty();
    assertThat(RunReader.read(f).failedChecks()).isEmpty();
  }

  @Test
  void theReaderRejectsAMalformedStressNameOrChecks() throws Exception {
    Path f = dir.resolve("a.json");
    Files.writeString(f, stressRun("Sustained Outage|x", 1, true, ""));
    assertThatThrownBy(() -> RunReader.read(f))
        .isInstanceOf(RunFileException.class)
        .hasMessageContaining("stress");
    Files.writeString(
        f, RunReaderTest.SEED_EXAMPLE.replace("}}", "}, \"failed_checks\": [\"recovery\"]}"));
    assertThatThrownBy(() -> RunReader.read(f))
        .isInstanceOf(RunFileException.class)
        .hasMessageContaining("failed_checks");
    Files.writeString(f, RunReaderTest.SEED_EXAMPLE.replace("}}", "}, \"stress\": 7}"));
    assertThatThrownBy(() -> RunReader.read(f))
        .isInstanceOf(RunFileException.class)
        .hasMessageContaining("stress");
  }

  @Test
  void stressRunsStayOutOfTheSeedScenariosAndAreSummarisedByName() throws Exception {
    Files.writeString(dir.resolve("exch_5xx-1.json"), RunReaderTest.SEED_EXAMPLE);
    Files.writeString(
        dir.resolve("sustained_outage-1.json"), stressRun("sustained_outage", 1, true, ""));
    Files.writeString(
        dir.resolve("sustained_outage-2.json"),
        stressRun("sustained_outage", 2, false, "\"recovery\": \"x\", \"retry_storms\": \"y\""));
    Files.writeString(
        dir.resolve("sustained_outage-3.json"),
        stressRun("sustained_outage", 3, false, "\"recovery\": \"x\""));
    Files.writeString(
        dir.resolve("orders_refused-1.json"), stressRun("orders_refused", 1, true, ""));

    ReportModel m = model();
    assertThat(m.scenarios()).hasSize(1);
    assertThat(m.scenarios().get(0).scenario()).isEqualTo(Scenario.NET_LOSS);
    assertThat(m.runCount()).isEqualTo(1);
    assertThat(m.withoutRuns()).contains(Scenario.EXCH_5XX);
    assertThat(m.duplicates()).as("stress runs of one seed are not duplicates").isEmpty();
    assertThat(m.stresses())
        .extracting(StressSummary::name)
        .containsExactly("orders_refused", "sustained_outage");
    StressSummary outage = m.stresses().get(1);
    assertThat(outage.scenario()).isEqualTo(Scenario.EXCH_5XX);
    assertThat(outage.passed()).isEqualTo(1);
    assertThat(outage.failed()).isEqualTo(2);
    assertThat(outage.failedChecks())
        .containsExactly(Map.entry("recovery", 2), Map.entry("retry_storms", 1));
    assertThat(m.accepted()).isFalse();

    String md = MarkdownReport.render(m);
    assertThat(MarkdownLint.problems(md)).isEmpty();
    int heading = md.indexOf("\n## Stress scenarios\n");
    assertThat(heading).isPositive();
    assertThat(md.substring(0, heading))
        .contains("1 run of 1 scenario: 1 passed, 0 failed")
        .contains("4 stress runs are reported apart, under Stress scenarios.")
        .contains("| net_loss | 1/0 |")
        .doesNotContain("| exch_5xx |")
        .doesNotContain("sustained_outage");
    assertThat(md.substring(heading))
        .contains("4 runs of 2 stress scenarios: 2 passed, 2 failed.")
        .contains("| orders_refused | exch_5xx | 1 | 1 | 0 | 100 % (20.7–100 %) | — | ✅ |")
        .contains(
            "| sustained_outage | exch_5xx | 3 | 1 | 2 | 33.3 % (6.1–79.2 %)"
                + " | recovery (2), retry_storms (1) | ⚠️ |");

    String html = HtmlReport.render(m);
    assertThat(html)
        .contains("<h2 class=\"section\">Stress scenarios</h2>")
        .contains("<td>sustained_outage</td><td>exch_5xx</td>")
        .contains("recovery (2), retry_storms (1)");

    ParsedReport parsed = ReportParser.parse("report.md", md);
    assertThat(parsed.scenarios()).hasSize(1);
    assertThat(parsed.stresses())
        .containsExactly(
            new StressOutcome("orders_refused", Scenario.EXCH_5XX, 1, 0, Map.of()),
            new StressOutcome(
                "sustained_outage",
                Scenario.EXCH_5XX,
                1,
                2,
                Map.of("recovery", 2, "retry_storms", 1)));
  }

  @Test
  void aFailingStressScenarioIsAFindingNamingItAfterTheSeedFindings() throws Exception {
    Files.writeString(
        dir.resolve("a.json"),
        RunReaderTest.SEED_EXAMPLE.replace("\"pass\"", "\"fail\"").replace("185.2", "230.1"));
    List<Finding> seedOnly =
        FindingsAnalyzer.analyze(ReportParser.parse("r", MarkdownReport.render(model())));
    Files.writeString(
        dir.resolve("b.json"), stressRun("ws_storm", 1, false, "\"reconnect\": \"x\""));
    Files.writeString(dir.resolve("c.json"), stressRun("ws_flap", 1, true, ""));

    List<Finding> all =
        FindingsAnalyzer.analyze(ReportParser.parse("r", MarkdownReport.render(model())));
    assertThat(all.subList(0, seedOnly.size())).isEqualTo(seedOnly);
    assertThat(all).hasSize(seedOnly.size() + 1);
    Finding f = all.get(all.size() - 1);
    assertThat(f.issueId()).isEqualTo("CHAOS-" + all.size());
    assertThat(f.stress()).contains("ws_storm");
    assertThat(f.scenario()).isEqualTo(Scenario.EXCH_5XX);
    assertThat(f.severity()).isEqualTo(Severity.HIGH);
    assertThat(f.description())
        .startsWith("Stress scenario ws_storm (exch_5xx): 1 of 1 runs failed")
        .endsWith("failed checks: reconnect (1 run)");

    JsonNode json = JsonMapper.builder().build().readTree(FindingsJson.render(all));
    JsonNode last = json.get("findings").get(all.size() - 1);
    assertThat(last.get("stress").asText()).isEqualTo("ws_storm");
    assertThat(last.get("scenario").asText()).isEqualTo("exch_5xx");
    assertThat(json.get("findings").get(0).has("stress")).isFalse();
  }

  @Test
  void aReportWithoutStressRunsHasNoStressSection() throws Exception {
    Files.writeString(dir.resolve("a.json"), RunReaderTest.SEED_EXAMPLE);
    String md = MarkdownReport.render(model());
    assertThat(md).doesNotContain("Stress").doesNotContain("stress");
    assertThat(HtmlReport.render(model())).doesNotContain("Stress");
    assertThat(ReportParser.parse("r", md).stresses()).isEmpty();
  }

  @Test
  void aMalformedStressRowIsAFormatError() throws Exception {
    Files.writeString(dir.resolve("b.json"), stressRun("ws_storm", 1, false, ""));
    String md = MarkdownReport.render(model());
    assertThatThrownBy(() -> ReportParser.parse("r", md.replace("| 1 | 0 | 1 |", "| 1 | 0 |")))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("stress row");
    assertThatThrownBy(() -> ReportParser.parse("r", md.replace("| 1 | 0 | 1 |", "| 2 | 0 | 1 |")))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("do not make");
  }
}
