package io.mmbot.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mmbot.chaos.report.cli.MmChaos;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes as a run file, and any bytes as a report, give one of the documented outcomes and
 * nothing else: {@code mm-chaos report} exits 0, 1 or 2 and writes a report.md that {@code mm-chaos
 * findings} reads back as written; {@code mm-chaos findings --report} exits 0 or 2; the only
 * exceptions are {@link RunFileException} and {@link ReportFormatException}; no input takes longer
 * than the {@code @Timeout} (per input when fuzzing, per corpus entry in regression mode).
 *
 * <p>The first line of a run-file input (up to 80 characters) is the file's name, without {@code
 * .json}, so that names are fuzzed too; the rest is its content. Under plain {@code mvn test} this
 * replays the committed corpus in {@code
 * src/test/resources/io/mmbot/chaos/report/ReportFuzzTestInputs/} as a regression test. To fuzz
 * (coverage-guided; new findings are written to that directory):
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -pl chaos-report -am test \
 *     -Dtest='ReportFuzzTest#anyRunFileContentRendersAndReadsBack' \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration=5m \
 *     -Djunit.jupiter.execution.timeout.mode=disabled \
 *     '-Djazzer.instrumentation_includes=io.mmbot.chaos.**:com.fasterxml.jackson.**'
 * </pre>
 *
 * <p>One target per invocation; the others are {@code anyRunFileGivesAReportThatFindingsReadsBack}
 * (the command line on real files, slow) and {@code
 * anyReportTextGivesFindingsOrAReportFormatException} (the parser). The timeout mode property keeps
 * JUnit from applying the {@code @Timeout} to the whole fuzzing run; Jazzer applies it to each
 * input. The working corpus goes to {@code chaos-report/.cifuzz-corpus} (ignored by git).
 */
class ReportFuzzTest {

  private static final Path ROOT = root();

  private static Path root() {
    try {
      Path root = Files.createTempDirectory("mm-chaos-fuzz");
      root.toFile().deleteOnExit();
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Cli(int exit, String err) {}

  private static Cli mmChaos(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = MmChaos.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Cli(exit, err.toString());
  }

  /**
   * The same checks in memory, without files or the command line: the fast target for long fuzzing
   * runs (the one below runs the command line on real files for each input, at a few executions per
   * second).
   */
  @FuzzTest
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void anyRunFileContentRendersAndReadsBack(byte[] input) throws Exception {
    int newline = indexOf(input, (byte) '\n', 320);
    Path file;
    try {
      file = Path.of((newline < 0 ? "run" : name(input, newline)) + ".json");
    } catch (InvalidPathException e) {
      file = Path.of("run.json");
    }
    byte[] content =
        newline < 0 ? input : java.util.Arrays.copyOfRange(input, newline + 1, input.length);
    RunSet set;
    try {
      set = new RunSet(List.of(RunReader.read(file, content)), List.of());
    } catch (RunFileException e) {
      set = new RunSet(List.of(), List.of(e));
    }
    checkLibrary(set);
  }

  @FuzzTest
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void anyRunFileGivesAReportThatFindingsReadsBack(byte[] input) throws Exception {
    Path runs = emptyDir(ROOT.resolve("runs"));
    int newline = indexOf(input, (byte) '\n', 320);
    String name = newline < 0 ? "run" : name(input, newline);
    byte[] content =
        newline < 0 ? input : java.util.Arrays.copyOfRange(input, newline + 1, input.length);
    try {
      Files.write(runs.resolve(name + ".json"), content);
    } catch (InvalidPathException | IOException e) {
      emptyDir(runs);
      Files.write(runs.resolve("run.json"), content);
    }

    RunSet set = RunSet.load(runs);
    ReportModel model = checkLibrary(set);

    Path report = ROOT.resolve("report.md");
    Cli written =
        mmChaos(
            "report",
            "--runs",
            runs.toString(),
            "--output",
            report.toString(),
            "--html",
            ROOT.resolve("report.html").toString());
    boolean unreadable = !set.unreadable().isEmpty();
    assertThat(written.exit())
        .as(written.err())
        .isEqualTo(unreadable ? MmChaos.BAD_INPUT : model.accepted() ? 0 : 1);
    Cli findings =
        mmChaos("findings", "--report", report.toString(), "--output", json().toString());
    assertThat(findings.exit()).as(findings.err()).isEqualTo(unreadable ? MmChaos.BAD_INPUT : 0);
    assertThat(written.err() + findings.err()).doesNotContain("internal error");
  }

  @FuzzTest
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void anyReportTextGivesFindingsOrAReportFormatException(byte[] input) throws Exception {
    try {
      ParsedReport parsed =
          ReportParser.parse("fuzz.md", new String(input, StandardCharsets.UTF_8));
      FindingsJson.render(FindingsAnalyzer.analyze(parsed));
    } catch (ReportFormatException e) {
      assertThat(e.getMessage()).startsWith("fuzz.md");
      assertThat(e.line()).isNotNegative();
    }

    Path report = ROOT.resolve("fuzz.md");
    Files.write(report, input);
    Cli findings =
        mmChaos("findings", "--report", report.toString(), "--output", json().toString());
    assertThat(findings.exit()).as(findings.err()).isIn(0, MmChaos.BAD_INPUT);
    assertThat(findings.err()).doesNotContain("internal error");
  }

  /** The library's checks on one run file's outcome; the model for the command line's checks. */
  private static ReportModel checkLibrary(RunSet set) throws Exception {
    assertThat(set.runs().size() + set.unreadable().size()).isEqualTo(1);
    for (RunFileException e : set.unreadable()) {
      assertThat(e.field()).isNotBlank().hasSizeLessThanOrEqualTo(RunFileException.MAX_FIELD);
      assertThat(e.problem()).isNotBlank().hasSizeLessThanOrEqualTo(RunFileException.MAX_PROBLEM);
      assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u001b");
    }
    ReportModel model = ReportModel.of(set);
    String md = MarkdownReport.render(model);
    assertThat(MarkdownLint.problems(md)).isEmpty();
    String html = HtmlReport.render(model);
    assertThat(html.split("<script", -1)).hasSize(2); // the probe script only
    assertThat(html).doesNotContain("<img").doesNotContain("<iframe").doesNotContain("\"NaN\"");
    ParsedReport parsed = ReportParser.parse("report.md", md);
    assertThat(parsed.unreadableRuns()).isEqualTo(set.unreadable().size());
    assertThat(parsed.scenarios()).hasSameSizeAs(model.scenarios());
    for (int i = 0; i < parsed.scenarios().size(); i++) {
      List<CriterionResult> want = model.scenarios().get(i).criteria();
      List<CriterionResult> got = parsed.scenarios().get(i).criteria();
      assertThat(got).hasSameSizeAs(want);
      for (int c = 0; c < want.size(); c++) {
        assertThat(got.get(c).worstRun()).isEqualTo(want.get(c).worstRun());
        assertThat(Double.isFinite(got.get(c).worstValue())).isTrue();
      }
    }
    FindingsJson.render(FindingsAnalyzer.analyze(parsed));
    return model;
  }

  private static Path json() {
    return ROOT.resolve("findings.json");
  }

  /** The name line, decoded leniently, at most 80 characters, without '/' or NUL. */
  private static String name(byte[] input, int end) {
    String s = new String(input, 0, end, StandardCharsets.UTF_8).replace('/', '_');
    s = s.replace('\0', '_');
    return s.length() > 80 ? s.substring(0, 80) : s;
  }

  private static int indexOf(byte[] input, byte b, int limit) {
    for (int i = 0; i < Math.min(input.length, limit); i++) {
      if (input[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static Path emptyDir(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          try (DirectoryStream<Path> inner = Files.newDirectoryStream(p)) {
            for (Path q : inner) {
              Files.delete(q);
            }
          }
        }
        Files.delete(p);
      }
    }
    return dir;
  }
}
