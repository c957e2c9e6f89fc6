/**
 * mm-chaos reports: strict reading of run records, report.md, report.html, findings.json, and the
 * {@code mm-chaos} command line (package {@code io.mmbot.chaos.report.cli}, not exported), whose
 * {@code validate} command checks a {@code config.yaml} through chaos-config.
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
