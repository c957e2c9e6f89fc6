package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.report.AtomicFiles;
import io.mmbot.chaos.report.Finding;
import io.mmbot.chaos.report.FindingsAnalyzer;
import io.mmbot.chaos.report.FindingsJson;
import io.mmbot.chaos.report.HtmlReport;
import io.mmbot.chaos.report.MarkdownReport;
import io.mmbot.chaos.report.ReportFormatException;
import io.mmbot.chaos.report.ReportModel;
import io.mmbot.chaos.report.ReportParser;
import io.mmbot.chaos.report.RunSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns the written run records into {@code report.md}, {@code report.html} and {@code
 * findings.json} through chaos-report's own API: the runs are read back from disk with its strict
 * reader, so the report shows exactly what the files say.
 */
public final class SuiteReport {

  /** What was written. */
  public record Written(ReportModel model, List<Finding> findings, int unreadable) {}

  private SuiteReport() {}

  /** Reads {@code out/runs} and writes the three reports into {@code out}. */
  public static Written write(Path out) throws IOException {
    RunSet set = RunSet.load(out.resolve("runs"));
    ReportModel model = ReportModel.of(set);
    String md = MarkdownReport.render(model);
    Path report = out.resolve("report.md");
    AtomicFiles.write(report, md);
    AtomicFiles.write(out.resolve("report.html"), HtmlReport.render(model));
    List<Finding> findings;
    try {
      findings = FindingsAnalyzer.analyze(ReportParser.parse(report.toString(), md));
    } catch (ReportFormatException e) {
      throw new IOException("the report written cannot be read back: " + e.getMessage(), e);
    }
    AtomicFiles.write(out.resolve("findings.json"), FindingsJson.render(findings));
    return new Written(model, findings, set.unreadable().size());
  }
}
