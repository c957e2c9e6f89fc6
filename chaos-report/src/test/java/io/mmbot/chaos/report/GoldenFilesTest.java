package io.mmbot.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * report.md and findings.json of the committed sample runs ({@code src/test/resources/runs}: all
 * ten scenarios, passes and failures, several seeds) must equal the committed golden files. After a
 * deliberate format change, regenerate them with {@code mvn -pl chaos-report test
 * -Dtest=GoldenFilesTest -Dgolden.update=true} and review the diff.
 */
class GoldenFilesTest {

  static final Path RUNS = Paths.get("src/test/resources/runs");
  private static final Path GOLDEN = Paths.get("src/test/resources/golden");

  @Test
  void reportMarkdownMatchesTheGoldenFile() throws Exception {
    String report = MarkdownReport.render(ReportModel.of(RunSet.load(RUNS)));

    assertThat(report).isEqualTo(golden("report.md", report));
  }

  @Test
  void findingsJsonMatchesTheGoldenFileWhenReadFromTheGoldenReport() throws Exception {
    // the committed report.md (rewritten first when regenerating), not a fresh rendering
    String report = golden("report.md", MarkdownReport.render(ReportModel.of(RunSet.load(RUNS))));
    String findings =
        FindingsJson.render(FindingsAnalyzer.analyze(ReportParser.parse("report.md", report)));

    assertThat(findings).isEqualTo(golden("findings.json", findings));
  }

  @Test
  void theSampleRunsCoverAllTenScenariosPassesFailuresAndSeveralSeeds() throws Exception {
    RunSet set = RunSet.load(RUNS);
    ReportModel model = ReportModel.of(set);

    assertThat(set.unreadable()).isEmpty();
    assertThat(model.withoutRuns()).isEmpty();
    assertThat(model.scenarios()).hasSize(10);
    assertThat(model.passedCount()).isBetween(1, model.runCount() - 1);
    assertThat(set.runs().stream().filter(r -> r.seed().isPresent()).map(r -> r.seed().getAsLong()))
        .contains(1L, 2L, 3L);
  }

  private static String golden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
