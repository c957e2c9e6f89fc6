package io.mmbot.chaos.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Renders {@code report.html}: one self-contained page (inline CSS and SVG, no network access, a
 * Content-Security-Policy that forbids any) with the pass-rate chart across scenarios, the summary
 * table, the unreadable runs and, per scenario, the timeline of its most telling run (a failed run
 * first, then the highest p95) next to its criteria. A few lines of inline script record script
 * errors and the number of charts laid out as attributes of the root element, for automated checks.
 * Stateless and safe for concurrent use.
 */
public final class HtmlReport {

  private HtmlReport() {}

  /** The page for {@code model}. */
  public static String render(ReportModel model) {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    b.append(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
            + " style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
    b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    b.append("<title>Chaos test report</title>\n<style>\n")
        .append(HtmlStyle.CSS)
        .append("</style>\n");
    b.append("<script>\n").append(HtmlStyle.PROBE).append("</script>\n</head>\n<body>\n");
    header(b, model);
    b.append("<section class=\"card\">\n<h2>Pass rate by scenario</h2>\n");
    b.append(
        "<p class=\"note\">Dot: share of runs passed. Bar: 95 % Wilson interval. Dashed line: ");
    b.append(NumberText.pct(FindingsAnalyzer.PASS_RATE_TARGET)).append(" target.</p>\n");
    PassRateChart.render(b, model);
    b.append("</section>\n");
    summary(b, model);
    unreadable(b, model);
    duplicates(b, model);
    b.append("<h2 class=\"section\">Scenarios</h2>\n<div class=\"grid\">\n");
    for (ScenarioSummary s : model.scenarios()) {
      scenario(b, s);
    }
    b.append("</div>\n");
    stresses(b, model.stresses());
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private static void header(StringBuilder b, ReportModel model) {
    int runs = model.runCount();
    int passed = model.passedCount();
    boolean ok = model.accepted() && model.unreadable().isEmpty();
    b.append("<header class=\"").append(ok ? "ok" : "warn").append("\">\n");
    b.append("<h1>Chaos test report</h1>\n<p class=\"lede\">");
    b.append(runs).append(runs == 1 ? " run" : " runs").append(" of ");
    b.append(model.scenarios().size()).append(" scenarios: ");
    b.append(passed).append(" passed, ").append(runs - passed).append(" failed");
    if (runs > 0) {
      b.append(" · overall pass rate ").append(Svg.esc(NumberText.passRate(passed, runs)));
    }
    if (!model.unreadable().isEmpty()) {
      b.append(" · <strong>").append(model.unreadable().size()).append(" unreadable</strong>");
    }
    if (!model.withoutRuns().isEmpty()) {
      b.append(" · ").append(model.withoutRuns().size()).append(" without runs");
    }
    int duplicates = model.duplicates().size();
    if (duplicates > 0) {
      b.append(" · ").append(duplicates).append(duplicates == 1 ? " duplicate" : " duplicates");
    }
    b.append("</p>\n</header>\n");
  }

  private static void summary(StringBuilder b, ReportModel model) {
    b.append("<section class=\"card\">\n<h2>Summary</h2>\n<table class=\"summary\">\n<thead><tr>");
    for (String h :
        new String[] {
          "Scenario",
          "Runs passed/failed",
          "p95 tick",
          "Deadline miss",
          "Recovery",
          "Pass rate (95 % Wilson)",
          "Status"
        }) {
      b.append("<th>").append(h).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (ScenarioSummary s : model.scenarios()) {
      b.append("<tr><td><a href=\"#s-")
          .append(s.scenario().key())
          .append("\">")
          .append(s.scenario().key())
          .append("</a></td><td>")
          .append(s.passed())
          .append('/')
          .append(s.failed())
          .append("</td>");
      for (Criterion c :
          new Criterion[] {Criterion.P95_TICK, Criterion.DEADLINE_MISS, Criterion.RECOVERY}) {
        Optional<CriterionResult> r = s.result(c);
        b.append("<td class=\"num")
            .append(r.isPresent() && r.get().runsMissing() > 0 ? " miss" : "")
            .append("\">")
            .append(r.map(x -> NumberText.withUnit(x.worstValue(), c.unit())).orElse("—"))
            .append("</td>");
      }
      b.append("<td class=\"num\">")
          .append(
              s.runs().size() > 1 ? Svg.esc(NumberText.passRate(s.passed(), s.runs().size())) : "—")
          .append("</td><td class=\"status ")
          .append(s.allPassed() ? "ok\">✓ passed" : "warn\">⚠ failed")
          .append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n");
    if (!model.withoutRuns().isEmpty()) {
      b.append("<p class=\"note\">Scenarios without runs: ");
      b.append(
          String.join(
              ", ", model.withoutRuns().stream().map(io.mmbot.chaos.Scenario::key).toList()));
      b.append(".</p>\n");
    }
    b.append("</section>\n");
  }

  private static void unreadable(StringBuilder b, ReportModel model) {
    if (model.unreadable().isEmpty()) {
      return;
    }
    b.append("<section class=\"card unreadable\">\n<h2>Unreadable runs</h2>\n<ul>\n");
    for (RunFileException e : model.unreadable()) {
      b.append("<li><code>")
          .append(text(String.valueOf(e.file().getFileName())))
          .append("</code> — <code>")
          .append(text(e.field()))
          .append("</code>: ")
          .append(text(e.problem()))
          .append("</li>\n");
    }
    b.append("</ul>\n</section>\n");
  }

  private static void duplicates(StringBuilder b, ReportModel model) {
    List<DuplicateRuns> duplicates = model.duplicates();
    if (duplicates.isEmpty()) {
      return;
    }
    b.append("<section class=\"card unreadable\">\n<h2>Duplicate runs</h2>\n");
    b.append("<p class=\"note\">Run files that record the same scenario and seed;")
        .append(" each file is counted.</p>\n<ul>\n");
    for (DuplicateRuns d : duplicates) {
      b.append("<li>").append(d.scenario().key()).append(" seed ").append(d.seed()).append(": ");
      for (int i = 0; i < d.runs().size(); i++) {
        b.append(i == 0 ? "<code>" : ", <code>")
            .append(text(String.valueOf(d.runs().get(i).source().getFileName())))
            .append("</code>");
      }
      b.append("</li>\n");
    }
    b.append("</ul>\n</section>\n");
  }

  /** The stress scenarios, when any ran, as in report.md: one row each. */
  private static void stresses(StringBuilder b, List<StressSummary> stresses) {
    if (stresses.isEmpty()) {
      return;
    }
    b.append("<h2 class=\"section\">Stress scenarios</h2>\n<section class=\"card\">\n");
    b.append("<p class=\"note\">Each drives one of the scenarios above far beyond the seed's")
        .append(" intensity and is judged by its own bounds; not part of the summary.</p>\n")
        .append("<table class=\"summary\">\n<thead><tr>");
    for (String h :
        new String[] {
          "Stress scenario",
          "Drives",
          "Runs",
          "Passed",
          "Failed",
          "Pass rate (95 % Wilson)",
          "Failed checks (runs)",
          "Status"
        }) {
      b.append("<th>").append(h).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (StressSummary s : stresses) {
      b.append("<tr><td>")
          .append(text(s.name()))
          .append("</td><td>")
          .append(s.scenario().key())
          .append("</td><td class=\"num\">")
          .append(s.runs().size())
          .append("</td><td class=\"num\">")
          .append(s.passed())
          .append("</td><td class=\"num")
          .append(s.failed() > 0 ? " miss" : "")
          .append("\">")
          .append(s.failed())
          .append("</td><td class=\"num\">")
          .append(Svg.esc(NumberText.passRate(s.passed(), s.runs().size())))
          .append("</td><td>")
          .append(text(MarkdownReport.checks(s)))
          .append("</td><td class=\"status ")
          .append(s.allPassed() ? "ok\">✓ passed" : "warn\">⚠ failed")
          .append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n</section>\n");
  }

  /** Text from a run file: control and invisible characters as escapes, then HTML-escaped. */
  private static String text(String raw) {
    return Svg.esc(MarkdownText.visible(raw));
  }

  private static void scenario(StringBuilder b, ScenarioSummary s) {
    String key = s.scenario().key();
    b.append("<article class=\"card scenario\" id=\"s-").append(key).append("\">\n");
    b.append("<h3>")
        .append(key)
        .append(" <span class=\"badge ")
        .append(s.allPassed() ? "ok\">✓ " : "warn\">⚠ ")
        .append(s.passed())
        .append('/')
        .append(s.runs().size())
        .append(" passed</span></h3>\n");
    Optional<RunRecord> shown = representative(s.runs());
    if (shown.isPresent()) {
      RunRecord r = shown.get();
      b.append("<p class=\"note\">")
          .append(Svg.esc(r.displayName()))
          .append(r.passed() ? " · passed" : " · failed")
          .append(" · p95 ")
          .append(NumberText.num(r.metrics().p95TickMs()))
          .append(
              " ms <span class=\"key burst-key\"></span> chaos burst"
                  + " <span class=\"key inj-key\"></span> injections"
                  + " <span class=\"key miss-key\"></span> deadline misses</p>\n");
      TimelineChart.render(b, r, r.timeline().orElseThrow());
    } else {
      b.append("<p class=\"note\">No run of this scenario recorded a timeline.</p>\n");
    }
    b.append(
        "<table class=\"criteria\">\n<thead><tr><th>Criterion</th><th>Target</th>"
            + "<th>Worst value</th><th>Worst run</th><th>Runs missing</th></tr></thead>\n<tbody>\n");
    for (CriterionResult r : s.criteria()) {
      Criterion c = r.criterion();
      b.append("<tr")
          .append(r.runsMissing() > 0 ? " class=\"miss\"" : "")
          .append("><td>")
          .append(c.label())
          .append("</td><td>")
          .append(Svg.esc(MarkdownReport.targetText(c, r.target())))
          .append("</td><td class=\"num\">")
          .append(NumberText.withUnit(r.worstValue(), c.unit()))
          .append("</td><td>")
          .append(Svg.esc(MarkdownText.plain(r.worstRun())))
          .append("</td><td class=\"num\">")
          .append(r.runsMissing())
          .append(" of ")
          .append(r.runsJudged())
          .append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n");
    List<String> failures = MarkdownReport.failures(s, RunRecord::displayName);
    if (!failures.isEmpty()) {
      b.append("<ul class=\"failures\">\n");
      for (String f : failures) {
        b.append("<li>").append(Svg.esc(f)).append("</li>\n");
      }
      b.append("</ul>\n");
    }
    b.append("</article>\n");
  }

  /** The run whose timeline is shown: a failed run before a passed one, then the highest p95. */
  static Optional<RunRecord> representative(List<RunRecord> runs) {
    return runs.stream()
        .filter(r -> r.timeline().isPresent())
        .max(
            Comparator.comparing((RunRecord r) -> !r.passed())
                .thenComparingDouble(r -> r.metrics().p95TickMs()));
  }
}
