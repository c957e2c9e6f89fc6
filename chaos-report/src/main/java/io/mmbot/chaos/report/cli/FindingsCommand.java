package io.mmbot.chaos.report.cli;

import io.mmbot.chaos.report.AtomicFiles;
import io.mmbot.chaos.report.DuplicateRuns;
import io.mmbot.chaos.report.Finding;
import io.mmbot.chaos.report.FindingsAnalyzer;
import io.mmbot.chaos.report.FindingsJson;
import io.mmbot.chaos.report.MarkdownReport;
import io.mmbot.chaos.report.ParsedReport;
import io.mmbot.chaos.report.ReportFormatException;
import io.mmbot.chaos.report.ReportModel;
import io.mmbot.chaos.report.ReportParser;
import io.mmbot.chaos.report.RunSet;
import io.mmbot.chaos.report.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mm-chaos findings}: a report (or run files) to {@code findings.json}. */
@Command(
    name = "findings",
    mixinStandardHelpOptions = true,
    description = {
      "Analyses report.md (or the run files directly) and writes findings.json.",
      "Severity rules: docs/findings.md. Exits 1 with --fail-on when a finding is at or above"
          + " that severity, 2 on bad input or when the report lists unreadable runs. The report"
          + " must be a regular file (or a link to one) of at most 64 MiB of UTF-8."
    })
final class FindingsCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Source source;

  static final class Source {
    @Option(
        names = "--report",
        paramLabel = "FILE",
        description = "report.md written by 'mm-chaos report'.")
    Path report;

    @Option(
        names = "--runs",
        paramLabel = "DIR",
        description = "Directory of run files, analysed as their report would be.")
    Path runs;
  }

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE",
      description = "findings.json to write, e.g. artifacts/chaos/findings.json.")
  private Path output;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      converter = FailOnConverter.class,
      description =
          "Exit 1 when a finding has this severity or a higher one: high, medium, low"
              + " or none (default: none).")
  private Severity failOn;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ParsedReport report;
    try {
      report =
          source.report != null ? ReportParser.read(source.report) : fromRuns(source.runs, err);
    } catch (IOException e) {
      err.println("mm-chaos findings: cannot read input: " + e);
      return MmChaos.BAD_INPUT;
    } catch (ReportFormatException e) {
      err.println("mm-chaos findings: " + e.getMessage());
      return MmChaos.BAD_INPUT;
    }
    if (source.report != null && report.duplicateRuns() > 0) {
      err.println(
          "mm-chaos findings: warning: the report lists "
              + report.duplicateRuns()
              + " scenario and seed pair(s) recorded by more than one run file; each is counted");
    }
    List<Finding> findings = FindingsAnalyzer.analyze(report);
    try {
      AtomicFiles.write(output, FindingsJson.render(findings));
    } catch (IOException e) {
      err.println("mm-chaos findings: cannot write " + output + ": " + e);
      return MmChaos.BAD_INPUT;
    }
    out.println(
        "mm-chaos findings: "
            + findings.size()
            + " findings ("
            + count(findings, Severity.HIGH)
            + " high, "
            + count(findings, Severity.MEDIUM)
            + " medium, "
            + count(findings, Severity.LOW)
            + " low) -> "
            + output);
    if (report.unreadableRuns() > 0) {
      err.println(
          "mm-chaos findings: the report lists "
              + report.unreadableRuns()
              + " unreadable run file(s); fix them and report again");
      return MmChaos.BAD_INPUT;
    }
    if (failOn != null && findings.stream().anyMatch(f -> f.severity().compareTo(failOn) <= 0)) {
      return MmChaos.CRITERIA_FAILED;
    }
    return MmChaos.OK;
  }

  private static ParsedReport fromRuns(Path dir, PrintWriter err)
      throws IOException, ReportFormatException {
    RunSet set = RunSet.load(dir);
    if (set.runs().isEmpty() && set.unreadable().isEmpty()) {
      throw new IOException("no *.json run files in " + dir);
    }
    ReportModel model = ReportModel.of(set);
    for (DuplicateRuns d : model.duplicates()) {
      err.println("mm-chaos findings: warning: " + d.describe());
    }
    // The same path as a written report, so --runs and --report always agree.
    return ReportParser.parse(dir.toString(), MarkdownReport.render(model));
  }

  private static long count(List<Finding> findings, Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }

  /** Reads {@code high}, {@code medium}, {@code low}, or {@code none} (no threshold: null). */
  static final class FailOnConverter implements CommandLine.ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
      if (value.equals("none")) {
        return null;
      }
      try {
        return Severity.fromKey(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a severity; expected high, medium, low or none");
      }
    }
  }
}
