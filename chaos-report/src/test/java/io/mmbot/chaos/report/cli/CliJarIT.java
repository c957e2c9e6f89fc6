package io.mmbot.chaos.report.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shaded {@code -cli.jar} with {@code java -jar}, as the documentation says to. */
class CliJarIT {

  @TempDir Path dir;

  private record Result(int exit, String out, String err) {}

  private Result javaJar(String... args) throws Exception {
    return javaJar(List.of(), args);
  }

  private Result javaJar(List<String> jvmOptions, String... args) throws Exception {
    Path jar = Paths.get(System.getProperty("cli.jar"));
    assertThat(jar).exists();
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        fail("java -jar did not finish within 60 s");
      }
    } finally {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theRunnableJarWritesTheReportsAndFindingsWithTheDocumentedExitCodes() throws Exception {
    Path md = dir.resolve("artifacts/chaos/report.md");
    Path html = dir.resolve("artifacts/chaos/report.html");
    Path json = dir.resolve("artifacts/chaos/findings.json");

    Result report =
        javaJar(
            "report",
            "--runs",
            "src/test/resources/runs",
            "--output",
            md.toString(),
            "--html",
            html.toString());
    Result findings =
        javaJar(
            "findings",
            "--report",
            md.toString(),
            "--output",
            json.toString(),
            "--fail-on",
            "high");

    assertThat(report.exit()).as(report.err()).isEqualTo(1);
    assertThat(Files.readString(md))
        .isEqualTo(Files.readString(Paths.get("src/test/resources/golden/report.md")));
    assertThat(Files.readString(html)).contains("<svg class=\"chart timeline\"");
    assertThat(findings.exit()).as(findings.err()).isEqualTo(1);
    assertThat(Files.readString(json))
        .isEqualTo(Files.readString(Paths.get("src/test/resources/golden/findings.json")));
  }

  @Test
  void theRunnableJarValidatesAConfigWithItsBundledYamlReader() throws Exception {
    Path good =
        Files.writeString(dir.resolve("good.yaml"), "chaos:\n  enabled: true\n  net_loss: 0.3\n");
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "chaos:\n  net_loss: 3\n");

    Result ok = javaJar("validate", good.toString());
    Result error = javaJar("validate", bad.toString());

    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("  net_loss: 0.3\n");
    assertThat(error.exit()).isEqualTo(2);
    assertThat(error.err()).contains("chaos.net_loss at 2:13");
  }

  @Test
  void theRunnableJarPrintsHelpAndVersionAndRejectsBadUsageWithTwo() throws Exception {
    Result help = javaJar("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Usage: mm-chaos").contains("findings");

    Result version = javaJar("--version");
    assertThat(version.out().trim()).startsWith("mm-chaos ").doesNotContain("development");

    Result bad = javaJar("report", "--runs");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("Missing required parameter");
  }

  @Test
  void aRunFileLinkedToDevZeroExitsTwoAtOnceNotOneAfterRunningOutOfMemory() throws Exception {
    Path runs = Files.createDirectories(dir.resolve("runs"));
    Files.createSymbolicLink(runs.resolve("zero.json"), Paths.get("/dev/zero"));

    Result report =
        javaJar(
            List.of("-Xmx64m"),
            "report",
            "--runs",
            runs.toString(),
            "--output",
            dir.resolve("report.md").toString());

    assertThat(report.exit()).as(report.err()).isEqualTo(2);
    assertThat(report.err()).contains("zero.json: (file): is not a regular file (a device)");
  }

  @Test
  void anInternalFailureExitsTwoNeverOne() throws Exception {
    // A valid run file just under the size limit, read by a JVM far too small to hold its tree:
    // the OutOfMemoryError is an internal failure, exit 2 (1 means "criteria failed").
    Path runs = Files.createDirectories(dir.resolve("runs"));
    StringBuilder json =
        new StringBuilder(8_300_000)
            .append("{\"scenario\": \"net_loss\", \"intensity\": 0.3, \"duration_sec\": 1,")
            .append(" \"result\": \"pass\", \"metrics\": {\"p95_tick_ms\": 1,")
            .append(" \"deadline_miss_pct\": 0, \"recovery_ticks\": 0},")
            .append(" \"timeline\": {\"window_sec\": 1, \"windows\": [");
    for (int i = 0; json.length() < 8_000_000; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"start_sec\":")
          .append(i)
          .append(",\"p95_tick_ms\":1,\"deadline_misses\":0,\"burst\":false,\"injections\":0}");
    }
    json.append("]}}");
    Files.writeString(runs.resolve("huge.json"), json);

    Result report =
        javaJar(
            List.of("-Xmx16m"),
            "report",
            "--runs",
            runs.toString(),
            "--output",
            dir.resolve("report.md").toString());

    assertThat(report.exit()).as(report.err()).isEqualTo(2);
    assertThat(report.err()).contains("mm-chaos: internal error: java.lang.OutOfMemoryError");
  }
}
