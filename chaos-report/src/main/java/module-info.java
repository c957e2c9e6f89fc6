/**
 * mm-chaos reports: strict reading of run records, report.md, report.html, findings.json, and the
 * {@code mm-chaos} command line (package {@code io.mmbot.chaos.report.cli}, not exported), whose
 * {@code validate} command checks a {@code config.yaml} through chaos-config.
 *
 * <p>{@code AtomicFiles}, {@code Wilson}, {@code Timeline}, {@code DuplicateRuns}, {@code
 * ReportParser}, {@code ParsedReport} and {@code RunSet} are exported API, not CLI helpers: they
 * appear in the signatures of other public types ({@code RunRecord.timeline()}, {@code
 * ScenarioSummary.passRate()}, {@code ReportModel.duplicates()}, {@code
 * FindingsAnalyzer.analyze(ParsedReport)}, {@code ReportModel.of(RunSet)}), and a suite that writes
 * its own artifacts (the example bot's) loads runs, parses report.md and writes files through them.
 */
module io.mmbot.chaos.report {
  requires transitive io.mmbot.chaos.core;
  requires io.mmbot.chaos.config;
  requires com.fasterxml.jackson.databind;
  requires info.picocli;

  exports io.mmbot.chaos.report;

  // picocli reads the command classes' annotated fields reflectively
  opens io.mmbot.chaos.report.cli to
      info.picocli;
}
