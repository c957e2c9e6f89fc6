package io.mmbot.chaos.report.cli;

import io.mmbot.chaos.report.AtomicFiles;
import io.mmbot.chaos.report.DuplicateRuns;
import io.mmbot.chaos.report.HtmlReport;
import io.mmbot.chaos.report.MarkdownReport;
import io.mmbot.chaos.report.ReportModel;
import io.mmbot.chaos.report.RunFileException;
import io.mmbot.chaos.report.RunSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mm-chaos report}: run files to {@code report.md} and optionally {@code report.html}. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Reads every *.json run file of a directory and writes report.md (and report.html).",
      "Files are written atomically. Unreadable run files are listed in the report and make the"
          + " command exit 2; failed runs or criteria exit 1. Run files that share a scenario and"
          + " seed are each counted, with a warning."
    })
final class ReportCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--runs",
      required = true,
      paramLabel = "DIR",
      description = "Directory of run files, e.g. artifacts/chaos/runs.")
  private Path runs;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE",
      description = "Markdown report to write, e.g. artifacts/chaos/report.md.")
  private Path output;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Also write a self-contained HTML report with charts.")
  private Path html;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RunSet set;
    try {
      set = RunSet.load(runs);
    } catch (IOException e) {
      err.println("mm-chaos report: cannot read run directory " + runs + ": " + e.getMessage());
      return MmChaos.BAD_INPUT;
    }
    if (set.runs().isEmpty() && set.unreadable().isEmpty()) {
      err.println("mm-chaos report: no *.json run files in " + runs);
      return MmChaos.BAD_INPUT;
    }
    ReportModel model = ReportModel.of(set);
    try {
      AtomicFiles.write(output, MarkdownReport.render(model));
      if (html != null) {
        AtomicFiles.write(html, HtmlReport.render(model));
      }
    } catch (IOException e) {
      err.println("mm-chaos report: cannot write the report: " + e);
      return MmChaos.BAD_INPUT;
    }
    int runCount = model.runCount();
    out.println(
        "mm-chaos report: "
            + runCount
            + (runCount == 1 ? " run, " : " runs, ")
            + (runCount - model.passedCount())
            + " failed, "
            + set.unreadable().size()
            + " unreadable -> "
            + output
            + (html != null ? " and " + html : ""));
    for (RunFileException e : set.unreadable()) {
      err.println("unreadable run: " + e.getMessage());
    }
    for (DuplicateRuns d : model.duplicates()) {
      err.println("mm-chaos report: warning: " + d.describe());
    }
    if (!set.unreadable().isEmpty()) {
      return MmChaos.BAD_INPUT;
    }
    return model.accepted() ? MmChaos.OK : MmChaos.CRITERIA_FAILED;
  }
}
