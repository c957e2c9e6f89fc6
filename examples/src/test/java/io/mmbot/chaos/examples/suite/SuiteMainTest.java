package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.report.RunReader;
import io.mmbot.chaos.report.RunRecord;
import io.mmbot.chaos.report.RunSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The runner's command line: outputs, exit codes, and bad input that writes nothing. */
class SuiteMainTest {

  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SuiteMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aPassingRunWritesRunRecordsAndTheReportsAndExitsZero() throws Exception {
    Path dir = tmp.resolve("chaos");
    int code = run("--scenario", "net_loss,exch_5xx", "--seeds", "1..2", "--out", dir.toString());
    assertThat(code).as(stderr()).isEqualTo(SuiteMain.OK);
    RunSet set = RunSet.load(dir.resolve("runs"));
    assertThat(set.unreadable()).isEmpty();
    assertThat(set.runs()).hasSize(4).allMatch(RunRecord::passed);
    RunRecord r = RunReader.read(dir.resolve("runs").resolve("net_loss-1.json"));
    assertThat(r.scenario()).isEqualTo(Scenario.NET_LOSS);
    assertThat(r.metrics().baselineP95TickMs()).isPresent();
    assertThat(r.timeline()).isPresent();
    assertThat(dir.resolve("report.md")).content().contains("net_loss").contains("exch_5xx");
    assertThat(dir.resolve("report.html")).exists();
    assertThat(dir.resolve("findings.json")).content().contains("\"total_findings\"");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("every criterion held");
    assertThat(stderr()).contains("net_loss").contains("2/2");
  }

  @Test
  void aFailingRunExitsOneAndPrintsTheReplayCommand() {
    Path dir = tmp.resolve("naive");
    int code =
        run("--scenario", "exch_5xx", "--seed", "3", "--bot", "naive", "--out", dir.toString());
    assertThat(code).isEqualTo(SuiteMain.FAILED);
    assertThat(stderr())
        .contains(
            "replay: java -jar examples/target/mm-chaos-suite.jar --scenario exch_5xx --seed 3"
                + " --intensity 0.1 --bot naive");
    assertThat(dir.resolve("runs").resolve("exch_5xx-3.json")).content().contains("\"fail\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--scenario meteor",
        "--scenario net_loss --intensity 1.5",
        "--scenario lat_spike --intensity -3",
        "--intensity 0.2",
        "--seeds 5..1",
        "--seeds x..3",
        "--duration-sec 0",
        "--bot clever",
        "--exchange moon",
        "--threads 0",
        "--frobnicate",
        "--seed 1 --seeds 1..2",
        "--serve-metrics nonsense"
      })
  void badInputIsOneLineExitTwoAndWritesNothing(String args) throws IOException {
    Path dir = tmp.resolve("out");
    String[] argv = (args + " --out " + dir).split(" ");
    assertThat(run(argv)).isEqualTo(SuiteMain.BAD_INPUT);
    assertThat(stderr().strip()).startsWith("mm-chaos-suite: ").doesNotContain("\n");
    assertThat(dir).doesNotExist();
  }

  @Test
  void anUnwritableOutputDirectoryIsBadInput() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    assertThat(run("--scenario", "net_loss", "--out", file.toString()))
        .isEqualTo(SuiteMain.BAD_INPUT);
    assertThat(stderr()).contains("not a directory");
    assertThat(file).content().isEqualTo("x");
  }

  @Test
  void aSecondRunReplacesTheRunFilesOfTheFirst() throws IOException {
    Path dir = tmp.resolve("chaos");
    run("--scenario", "exch_5xx", "--seeds", "1..2", "--out", dir.toString(), "--no-report");
    run("--scenario", "exch_5xx", "--seed", "5", "--out", dir.toString(), "--no-report");
    try (Stream<Path> files = Files.list(dir.resolve("runs"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("exch_5xx-5.json");
    }
  }
}
