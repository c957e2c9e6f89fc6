package io.mmbot.chaos.report;

import io.mmbot.chaos.Scenario;
import java.util.List;

/**
 * The pass-rate chart across scenarios: one row per scenario with the pass rate as a dot and its 95
 * % Wilson interval as a bar, a dashed line at the {@value FindingsAnalyzer#PASS_RATE_TARGET}
 * pass-rate target, and the scenarios without runs greyed out.
 */
final class PassRateChart {

  private static final int WIDTH = 1120;
  private static final int LEFT = 170;
  private static final int RIGHT = 110;
  private static final int TOP = 34;
  private static final int ROW = 26;

  private PassRateChart() {}

  static void render(StringBuilder b, ReportModel model) {
    int rows = Scenario.values().length;
    int height = TOP + rows * ROW + 16;
    double plot = WIDTH - LEFT - RIGHT;
    b.append("<svg class=\"chart pass-rate\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append(
            "\" role=\"img\" aria-label=\"Pass rate by scenario with 95 % Wilson intervals\">\n");
    bands(b, rows);
    grid(b, rows, plot);
    target(b, rows, plot);
    scenarioRows(b, model, plot);
    b.append("</svg>\n");
  }

  /** The shaded band behind every other row. */
  private static void bands(StringBuilder b, int rows) {
    for (int row = 0; row < rows; row += 2) {
      b.append("<rect class=\"band\" x=\"0\" y=\"")
          .append(TOP + row * ROW)
          .append("\" width=\"")
          .append(WIDTH)
          .append("\" height=\"")
          .append(ROW)
          .append("\"/>\n");
    }
  }

  /** The vertical grid lines at 0, 25, 50, 75 and 100 % with their labels. */
  private static void grid(StringBuilder b, int rows, double plot) {
    for (int pct = 0; pct <= 100; pct += 25) {
      double x = LEFT + plot * pct / 100.0;
      b.append("<line class=\"grid\" x1=\"")
          .append(Svg.c(x))
          .append("\" y1=\"")
          .append(TOP - 6)
          .append("\" x2=\"")
          .append(Svg.c(x))
          .append("\" y2=\"")
          .append(TOP + rows * ROW)
          .append("\"/>\n<text class=\"axis\" x=\"")
          .append(Svg.c(x))
          .append("\" y=\"")
          .append(TOP - 12)
          .append("\" text-anchor=\"middle\">")
          .append(pct)
          .append(" %</text>\n");
    }
  }

  /** The dashed line at the pass-rate target. */
  private static void target(StringBuilder b, int rows, double plot) {
    double tx = LEFT + plot * FindingsAnalyzer.PASS_RATE_TARGET;
    b.append("<line class=\"target\" x1=\"")
        .append(Svg.c(tx))
        .append("\" y1=\"")
        .append(TOP - 6)
        .append("\" x2=\"")
        .append(Svg.c(tx))
        .append("\" y2=\"")
        .append(TOP + rows * ROW)
        .append("\"><title>pass-rate target ")
        .append(NumberText.pct(FindingsAnalyzer.PASS_RATE_TARGET))
        .append("</title></line>\n");
  }

  /** One row per scenario: its label, then its rate and interval or "no runs". */
  private static void scenarioRows(StringBuilder b, ReportModel model, double plot) {
    List<ScenarioSummary> summaries = model.scenarios();
    int row = 0;
    for (Scenario s : Scenario.values()) {
      double y = TOP + row * ROW + ROW / 2.0;
      ScenarioSummary sum =
          summaries.stream().filter(x -> x.scenario() == s).findFirst().orElse(null);
      b.append("<text class=\"label")
          .append(sum == null ? " muted" : "")
          .append("\" x=\"")
          .append(LEFT - 14)
          .append("\" y=\"")
          .append(Svg.c(y + 4))
          .append("\" text-anchor=\"end\">")
          .append(s.key())
          .append("</text>\n");
      if (sum == null) {
        b.append("<text class=\"muted\" x=\"")
            .append(LEFT + 6)
            .append("\" y=\"")
            .append(Svg.c(y + 4))
            .append("\">no runs</text>\n");
      } else {
        row(b, sum, y, plot);
      }
      row++;
    }
  }

  private static void row(StringBuilder b, ScenarioSummary sum, double y, double plot) {
    int n = sum.runs().size();
    double rate = (double) sum.passed() / n;
    Wilson w = sum.passRate();
    double x0 = LEFT + plot * w.lower();
    double x1 = LEFT + plot * w.upper();
    double xr = LEFT + plot * rate;
    String cls = sum.allPassed() ? "ok" : "warn";
    b.append("<g class=\"rate ")
        .append(cls)
        .append("\"><title>")
        .append(sum.scenario().key())
        .append(": ")
        .append(sum.passed())
        .append(" of ")
        .append(n)
        .append(" runs passed, ")
        .append(NumberText.passRate(sum.passed(), n))
        .append("</title>\n");
    b.append("<line class=\"interval\" x1=\"")
        .append(Svg.c(x0))
        .append("\" y1=\"")
        .append(Svg.c(y))
        .append("\" x2=\"")
        .append(Svg.c(x1))
        .append("\" y2=\"")
        .append(Svg.c(y))
        .append("\"/>\n");
    for (double x : new double[] {x0, x1}) {
      b.append("<line class=\"cap\" x1=\"")
          .append(Svg.c(x))
          .append("\" y1=\"")
          .append(Svg.c(y - 6))
          .append("\" x2=\"")
          .append(Svg.c(x))
          .append("\" y2=\"")
          .append(Svg.c(y + 6))
          .append("\"/>\n");
    }
    b.append("<circle class=\"point\" cx=\"")
        .append(Svg.c(xr))
        .append("\" cy=\"")
        .append(Svg.c(y))
        .append("\" r=\"6\"/>\n");
    // anchored at its end, so the widest label ("20/20 passed") stays inside the chart
    b.append("<text class=\"value\" x=\"")
        .append(WIDTH - 8)
        .append("\" y=\"")
        .append(Svg.c(y + 4))
        .append("\" text-anchor=\"end\">")
        .append(sum.passed())
        .append('/')
        .append(n)
        .append(" passed</text>\n</g>\n");
  }
}
