package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An invocation's artifacts are replaced as a set: a failure while writing leaves the previous set
 * whole and names its cause; a reader never finds new runs beside old reports.
 */
class RunArtifactsTest {

  @TempDir Path tmp;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SuiteMain.run(
        args,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static Suite.Outcome outcome(long seed) {
    Suite.Options o =
        new Suite.Options(
            List.of(Scenario.EXCH_5XX), List.of(seed), null, null, "resilient", "sim", 1);
    return Suite.run(o, line -> {});
  }

  /** Every regular file under {@code dir} (hidden work directories excluded) with its content. */
  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String rel = dir.relativize(p).toString();
        if (Files.isRegularFile(p) && !rel.startsWith(RunArtifacts.WORK_PREFIX)) {
          m.put(rel, Files.readString(p));
        }
      }
    }
    return m;
  }

  private static List<String> hidden(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(RunArtifacts.WORK_PREFIX))
          .toList();
    }
  }

  @Test
  void aFailureMidwayLeavesThePreviousSetWholeAndNamesItsCause() throws Exception {
    Path dir = tmp.resolve("chaos");
    RunArtifacts.write(dir, outcome(1), true, false);
    Map<String, String> before = snapshot(dir);
    assertThat(before).containsKeys("runs/exch_5xx-1.json", "report.md", "findings.json");

    AtomicInteger written = new AtomicInteger();
    RunArtifacts.RecordWriter diskFullAtTheSecond =
        (d, r) -> {
          if (written.incrementAndGet() == 2) {
            throw new IOException("No space left on device");
          }
          RunRecords.write(d, r, false);
        };
    assertThatThrownBy(() -> RunArtifacts.write(dir, outcome(2), true, diskFullAtTheSecond))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("No space left on device")
        .hasMessageContaining("previous artifacts are as they were");
    assertThat(written).hasValue(2);
    assertThat(snapshot(dir)).isEqualTo(before);
    assertThat(hidden(dir)).isEmpty();
  }

  @Test
  void aSecondInvocationWithSomethingInTheWayNeverMixesNewRunsWithOldReports() throws Exception {
    Path dir = tmp.resolve("chaos");
    assertThat(run("--scenario", "exch_5xx", "--seed", "1", "--out", dir.toString())).isZero();
    Map<String, String> before = snapshot(dir);
    // A directory (not empty) where the next invocation's baseline record would go.
    Files.createDirectories(dir.resolve("baseline").resolve("baseline-2.json").resolve("x"));

    int code = run("--scenario", "exch_5xx", "--seed", "2", "--out", dir.toString());

    Map<String, String> after = snapshot(dir);
    boolean runsReplaced = after.containsKey("runs/exch_5xx-2.json");
    if (runsReplaced) {
      assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(after).doesNotContainKey("runs/exch_5xx-1.json").containsKey("report.md");
      assertThat(after.get("report.md")).isNotEqualTo(before.get("report.md"));
      assertThat(after.get("findings.json")).isNotNull();
    } else {
      assertThat(after).isEqualTo(before);
    }
    assertThat(hidden(dir)).isEmpty();
  }

  @Test
  void aFileSystemFailureIsDescribedBeyondItsPath() {
    assertThat(RunArtifacts.describe(new AccessDeniedException("/x/baseline")))
        .isEqualTo("/x/baseline: access denied");
    assertThat(RunArtifacts.describe(new DirectoryNotEmptyException("/x/runs/a.json")))
        .isEqualTo("/x/runs/a.json: directory not empty");
    assertThat(RunArtifacts.describe(new IOException("No space left on device")))
        .isEqualTo("No space left on device");
  }

  @Test
  void aRunWithoutReportsRemovesTheReportsOfThePreviousOne() throws Exception {
    Path dir = tmp.resolve("chaos");
    assertThat(run("--scenario", "exch_5xx", "--seed", "1", "--out", dir.toString())).isZero();
    assertThat(run("--scenario", "exch_5xx", "--seed", "2", "--out", dir.toString(), "--no-report"))
        .isZero();
    assertThat(snapshot(dir).keySet())
        .containsExactlyInAnyOrder("runs/exch_5xx-2.json", "baseline/baseline-2.json");
  }
}
