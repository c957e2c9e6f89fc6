package io.mmbot.chaos.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MmChaosTest {

  private static final Path SAMPLE_RUNS = Paths.get("src/test/resources/runs");
  private static final String PASSING_RUN =
      "{\"scenario\": \"net_loss\", \"intensity\": 0.3, \"duration_sec\": 120, \"result\":"
          + " \"pass\", \"metrics\": {\"p95_tick_ms\": 195.2, \"deadline_miss_pct\": 0.5,"
          + " \"recovery_ticks\": 2}}";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return MmChaos.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private Path runsDir(String... jsons) throws IOException {
    Path runs = Files.createDirectories(dir.resolve("runs"));
    for (int i = 0; i < jsons.length; i++) {
      Files.writeString(runs.resolve("run" + i + ".json"), jsons[i], StandardCharsets.UTF_8);
    }
    return runs;
  }

  @Test
  void reportExitsZeroWhenEveryRunPassedAndWritesBothFiles() throws Exception {
    Path runs = runsDir(PASSING_RUN, PASSING_RUN.replace("net_loss", "dns_flap"));
    Path md = dir.resolve("artifacts/chaos/report.md");
    Path html = dir.resolve("artifacts/chaos/report.html");

    int code =
        run(
            "report",
            "--runs",
            runs.toString(),
            "--output",
            md.toString(),
            "--html",
            html.toString());

    assertThat(code).as(err.toString()).isEqualTo(0);
    assertThat(Files.readString(md)).contains("| net_loss | 1/0 |").contains("| dns_flap | 1/0 |");
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
    assertThat(out.toString()).contains("2 runs, 0 failed, 0 unreadable");
  }

  @Test
  void reportExitsOneWhenARunFailed() throws Exception {
    Path md = dir.resolve("report.md");

    assertThat(run("report", "--runs", SAMPLE_RUNS.toString(), "--output", md.toString()))
        .isEqualTo(1);
    assertThat(Files.readString(md)).contains("| exch_429 | 2/1 |");
  }

  @Test
  void reportExitsOneWhenAPassedRunMissedACriterion() throws Exception {
    Path runs = runsDir(PASSING_RUN.replace("\"recovery_ticks\": 2", "\"recovery_ticks\": 5"));

    assertThat(run("report", "--runs", runs.toString(), "--output", dir.resolve("r.md").toString()))
        .isEqualTo(1);
  }

  @Test
  void reportListsAnUnreadableRunAndExitsTwo() throws Exception {
    Path runs = runsDir(PASSING_RUN, PASSING_RUN.replace("120", "-1"));
    Path md = dir.resolve("report.md");

    int code = run("report", "--runs", runs.toString(), "--output", md.toString());

    assertThat(code).isEqualTo(2);
    assertThat(Files.readString(md))
        .contains("- `run1.json` — `duration_sec`: -1 is out of range (0, ∞)");
    assertThat(err.toString()).contains("run1.json: duration_sec: -1 is out of range");
  }

  @Test
  void reportExitsTwoOnAMissingDirectoryAnEmptyOneAndAMissingOption() throws Exception {
    Path md = dir.resolve("report.md");
    assertThat(run("report", "--runs", dir.resolve("nope").toString(), "--output", md.toString()))
        .isEqualTo(2);
    assertThat(run("report", "--runs", runsDir().toString(), "--output", md.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no *.json run files");
    assertThat(run("report", "--output", md.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--runs=DIR'");
    assertThat(md).doesNotExist();
  }

  @Test
  void findingsReadTheGeneratedReportAndFailOnHighOnlyWhenAsked() throws Exception {
    Path md = dir.resolve("report.md");
    Path json = dir.resolve("findings.json");
    run("report", "--runs", SAMPLE_RUNS.toString(), "--output", md.toString());

    assertThat(run("findings", "--report", md.toString(), "--output", json.toString()))
        .isEqualTo(0);
    assertThat(Files.readString(json)).contains("\"total_findings\": 12");
    assertThat(
            run(
                "findings",
                "--report",
                md.toString(),
                "--output",
                json.toString(),
                "--fail-on",
                "high"))
        .isEqualTo(1);
    assertThat(out.toString()).contains("12 findings (3 high, 4 medium, 5 low)");
  }

  @Test
  void findingsFailOnLowCatchesEvenLowFindingsAndPassesACleanRun() throws Exception {
    Path runs = runsDir(PASSING_RUN);
    Path json = dir.resolve("findings.json");

    assertThat(
            run(
                "findings",
                "--runs",
                runs.toString(),
                "--output",
                json.toString(),
                "--fail-on",
                "low"))
        .isEqualTo(0);
    assertThat(Files.readString(json)).contains("\"total_findings\": 0");

    Files.writeString(
        runs.resolve("run0.json"),
        PASSING_RUN.replace("\"recovery_ticks\": 2", "\"recovery_ticks\": 3"));
    assertThat(
            run(
                "findings",
                "--runs",
                runs.toString(),
                "--output",
                json.toString(),
                "--fail-on",
                "high"))
        .isEqualTo(0);
    assertThat(
            run(
                "findings",
                "--runs",
                runs.toString(),
                "--output",
                json.toString(),
                "--fail-on",
                "low"))
        .isEqualTo(1);
  }

  @Test
  void findingsFromRunsEqualFindingsFromTheReport() throws Exception {
    Path md = dir.resolve("report.md");
    run("report", "--runs", SAMPLE_RUNS.toString(), "--output", md.toString());
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");

    run("findings", "--report", md.toString(), "--output", a.toString());
    run("findings", "--runs", SAMPLE_RUNS.toString(), "--output", b.toString());

    assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
  }

  @Test
  void findingsExitTwoOnBadInput() throws Exception {
    Path json = dir.resolve("findings.json");
    Path notes = Files.writeString(dir.resolve("notes.md"), "# Notes\n");

    assertThat(run("findings", "--report", notes.toString(), "--output", json.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("not a chaos report");
    assertThat(
            run(
                "findings",
                "--report",
                dir.resolve("none.md").toString(),
                "--output",
                json.toString()))
        .isEqualTo(2);
    assertThat(run("findings", "--output", json.toString())).isEqualTo(2);
    assertThat(
            run(
                "findings",
                "--report",
                notes.toString(),
                "--runs",
                dir.toString(),
                "--output",
                json.toString()))
        .isEqualTo(2);
    assertThat(
            run(
                "findings",
                "--runs",
                dir.toString(),
                "--output",
                json.toString(),
                "--fail-on",
                "urgent"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("'urgent' is not a severity");
    assertThat(json).doesNotExist();
  }

  @Test
  void findingsExitTwoWhenTheReportListsUnreadableRuns() throws Exception {
    Path runs = runsDir(PASSING_RUN, "{ not json");
    Path md = dir.resolve("report.md");
    Path json = dir.resolve("findings.json");
    run("report", "--runs", runs.toString(), "--output", md.toString());

    assertThat(run("findings", "--report", md.toString(), "--output", json.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("lists 1 unreadable run file");
    assertThat(json).exists();
  }

  @Test
  void helpExitsZeroAndListsCommandsAndExitCodes() {
    assertThat(run("--help")).isEqualTo(0);
    assertThat(out.toString())
        .contains("report")
        .contains("findings")
        .contains("Exit codes:")
        .contains("2   bad input");
    assertThat(run("report", "--help")).isEqualTo(0);
    assertThat(out.toString()).contains("--html=FILE");
  }

  @Test
  void noCommandOrAnUnknownOneExitsTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("reprot")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument");
  }
}
