package io.mmbot.chaos.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line under input that is not what it seems: devices, FIFOs and directories where a
 * run file or a report should be, oversized files, duplicate runs. Every case ends at once with
 * exit 2 (or, for duplicates, a warning), never with a hang, an {@code OutOfMemoryError} or exit 1.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileInputCliTest {

  private static final String PASSING_RUN =
      "{\"scenario\": \"net_loss\", \"seed\": 1, \"intensity\": 0.3, \"duration_sec\": 120,"
          + " \"result\": \"pass\", \"metrics\": {\"p95_tick_ms\": 195.2, \"deadline_miss_pct\":"
          + " 0.5, \"recovery_ticks\": 2}}";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return MmChaos.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private static Path mkfifo(Path path) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return path;
  }

  private Path runs() throws IOException {
    Path runs = Files.createDirectories(dir.resolve("runs"));
    Files.writeString(runs.resolve("good.json"), PASSING_RUN);
    return runs;
  }

  private String report(Path runs) throws IOException {
    Path md = dir.resolve("report.md");
    int code = run("report", "--runs", runs.toString(), "--output", md.toString());
    assertThat(code).as(err.toString()).isEqualTo(2);
    return Files.readString(md, StandardCharsets.UTF_8);
  }

  @Test
  void aRunFileLinkedToDevZeroIsListedAsUnreadableAndExitsTwo() throws Exception {
    Path runs = runs();
    Files.createSymbolicLink(runs.resolve("zero.json"), Paths.get("/dev/zero"));

    String md = report(runs);

    assertThat(md).contains("- `zero.json` — `(file)`: is not a regular file (a device)");
    assertThat(err.toString()).contains("zero.json: (file): is not a regular file (a device)");
  }

  @Test
  void aRunFileThatIsAFifoIsListedAsUnreadableAndExitsTwo() throws Exception {
    Path runs = runs();
    mkfifo(runs.resolve("pipe.json"));

    assertThat(report(runs)).contains("- `pipe.json` — `(file)`: is not a regular file (a FIFO)");
  }

  @Test
  void aDirectoryNamedLikeARunFileIsListedAsUnreadableAndExitsTwo() throws Exception {
    Path runs = runs();
    Files.createDirectory(runs.resolve("old.json"));

    assertThat(report(runs))
        .contains("- `old.json` — `(file)`: is not a regular file (a directory)");
  }

  @Test
  void duplicateScenarioAndSeedRunsAreCountedButWarnedAbout() throws Exception {
    Path runs = runs();
    Files.writeString(runs.resolve("good-again.json"), PASSING_RUN);
    Files.writeString(
        runs.resolve("other.json"), PASSING_RUN.replace("\"seed\": 1", "\"seed\": 2"));
    Path md = dir.resolve("report.md");

    int code = run("report", "--runs", runs.toString(), "--output", md.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString())
        .contains(
            "mm-chaos report: warning: net_loss seed 1 is recorded by 2 run files"
                + " (good-again.json, good.json); each is counted");
    assertThat(Files.readString(md))
        .contains("| net_loss | 3/0 |")
        .contains(
            "## Duplicate runs\n\n"
                + "- net_loss seed 1: 2 run files (`good-again.json`, `good.json`), each counted\n");
  }

  @Test
  void findingsFromRunsWarnsAboutDuplicatesToo() throws Exception {
    Path runs = runs();
    Files.writeString(runs.resolve("good-again.json"), PASSING_RUN);

    int code = run("findings", "--runs", runs.toString(), "--output", dir.resolve("f.json") + "");

    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).contains("warning: net_loss seed 1 is recorded by 2 run files");
  }

  private void findingsRefuse(Path report, String problem) {
    Path json = dir.resolve("findings.json");
    int code = run("findings", "--report", report.toString(), "--output", json.toString());

    assertThat(code).as(err.toString()).isEqualTo(2);
    assertThat(err.toString()).contains("mm-chaos findings: " + report + ": " + problem);
    assertThat(json).doesNotExist();
  }

  @Test
  void findingsRefusesAReportLinkedToDevZero() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("report.md"), Paths.get("/dev/zero"));

    findingsRefuse(link, "is not a regular file (a device)");
  }

  @Test
  void findingsRefusesAReportThatIsAFifo() throws Exception {
    findingsRefuse(mkfifo(dir.resolve("report.md")), "is not a regular file (a FIFO)");
  }

  @Test
  void findingsRefusesAReportThatIsADirectory() throws Exception {
    findingsRefuse(
        Files.createDirectory(dir.resolve("report.md")), "is not a regular file (a directory)");
  }

  @Test
  void findingsRefusesAnOversizedReportFromItsSize() throws Exception {
    Path big = dir.resolve("report.md");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(64L * 1024 * 1024 + 1);
    }

    findingsRefuse(big, "has 67108865 bytes, more than the 67108864 allowed");
  }

  @Test
  void findingsRefusesAReportThatIsNotUtf8() throws Exception {
    Path latin1 =
        Files.write(
            dir.resolve("report.md"), "# Chaos test report\n\u00e9\n".getBytes("ISO-8859-1"));

    findingsRefuse(latin1, "is not UTF-8 text (byte 21)");
  }

  @Test
  void findingsReadsAReportThroughASymlink() throws Exception {
    Path md = dir.resolve("report.md");
    assertThat(run("report", "--runs", runs().toString(), "--output", md.toString())).isZero();
    Path link = Files.createSymbolicLink(dir.resolve("latest.md"), md);

    assertThat(run("findings", "--report", link.toString(), "--output", dir.resolve("f.json") + ""))
        .as(err.toString())
        .isZero();
  }
}
