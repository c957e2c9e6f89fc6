package io.mmbot.chaos.report;

import java.util.List;

/**
 * The timeline of one run: tick p95 per window as a line against its target, deadline misses per
 * window as bars underneath, chaos bursts shaded across both panels and windows with injections
 * marked along the top.
 */
final class TimelineChart {

  private static final int WIDTH = 560;
  private static final int HEIGHT = 280;
  private static final int LEFT = 52;
  private static final int RIGHT = 14;
  private static final int TOP = 22;
  private static final int P95_H = 140;
  private static final int GAP = 24;
  private static final int MISS_H = 50;
  private static final int MISS_TOP = TOP + P95_H + GAP;

  private TimelineChart() {}

  static void render(StringBuilder b, RunRecord run, Timeline t) {
    List<Timeline.Window> ws = t.windows();
    double plotW = WIDTH - LEFT - RIGHT;
    double start = ws.get(0).startSec();
    double span = Math.max(t.endSec() - start, t.windowSec());
    double target = Criterion.P95_TICK.target(run);
    double baseline = run.metrics().effectiveBaselineP95Ms();
    double lo = baseline;
    double hi = target;
    long maxMiss = 1;
    for (Timeline.Window w : ws) {
      lo = Math.min(lo, w.p95TickMs());
      hi = Math.max(hi, w.p95TickMs());
      maxMiss = Math.max(maxMiss, w.deadlineMisses());
    }
    double[] axis = Svg.axis(lo, hi);
    double yMin = axis[0];
    double yMax = axis[1];
    double missMax = Svg.niceMax(maxMiss);
    b.append("<svg class=\"chart timeline\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"")
        .append(Svg.esc(run.scenario().key() + " timeline, " + run.displayName()))
        .append("\">\n");
    // chaos bursts: consecutive burst windows merged into one shaded band over both panels
    for (int i = 0; i < ws.size(); i++) {
      if (!ws.get(i).burst()) {
        continue;
      }
      int j = i;
      while (j + 1 < ws.size() && ws.get(j + 1).burst()) {
        j++;
      }
      double x0 = x(ws.get(i).startSec(), start, span, plotW);
      double x1 = x(ws.get(j).startSec() + t.windowSec(), start, span, plotW);
      b.append("<rect class=\"burst\" x=\"")
          .append(Svg.c(x0))
          .append("\" y=\"")
          .append(TOP)
          .append("\" width=\"")
          .append(Svg.c(x1 - x0))
          .append("\" height=\"")
          .append(MISS_TOP + MISS_H - TOP)
          .append("\"><title>chaos burst ")
          .append(Fmt.num(ws.get(i).startSec()))
          .append("–")
          .append(Fmt.num(ws.get(j).startSec() + t.windowSec()))
          .append(" s</title></rect>\n");
      i = j;
    }
    // p95 panel: grid, axis labels, target and baseline
    for (int k = 0; k <= 4; k++) {
      double v = yMin + (yMax - yMin) * k / 4;
      double y = y(v, yMin, yMax);
      b.append("<line class=\"grid\" x1=\"")
          .append(LEFT)
          .append("\" y1=\"")
          .append(Svg.c(y))
          .append("\" x2=\"")
          .append(WIDTH - RIGHT)
          .append("\" y2=\"")
          .append(Svg.c(y))
          .append("\"/><text class=\"axis\" x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(Svg.c(y + 4))
          .append("\" text-anchor=\"end\">")
          .append(Fmt.num(v))
          .append("</text>\n");
    }
    hline(b, "baseline", y(baseline, yMin, yMax), "baseline " + Fmt.num(baseline) + " ms");
    hline(b, "target", y(target, yMin, yMax), "target < " + Fmt.num(target) + " ms");
    b.append("<text class=\"axis\" x=\"")
        .append(LEFT)
        .append("\" y=\"")
        .append(TOP - 8)
        .append("\">p95 tick, ms</text>\n");
    // the p95 line, one point per window centre
    b.append("<polyline class=\"p95\" points=\"");
    for (int i = 0; i < ws.size(); i++) {
      Timeline.Window w = ws.get(i);
      if (i > 0) {
        b.append(' ');
      }
      b.append(Svg.c(x(w.startSec() + t.windowSec() / 2, start, span, plotW)))
          .append(',')
          .append(Svg.c(y(w.p95TickMs(), yMin, yMax)));
    }
    b.append("\"/>\n");
    // injections: a marker at the top of every window that had any
    for (Timeline.Window w : ws) {
      if (w.injections() == 0) {
        continue;
      }
      double cx = x(w.startSec() + t.windowSec() / 2, start, span, plotW);
      b.append("<path class=\"injection\" d=\"M")
          .append(Svg.c(cx - 4))
          .append(' ')
          .append(TOP + 1)
          .append(" L")
          .append(Svg.c(cx + 4))
          .append(' ')
          .append(TOP + 1)
          .append(" L")
          .append(Svg.c(cx))
          .append(' ')
          .append(TOP + 8)
          .append(" Z\"><title>")
          .append(w.injections())
          .append(w.injections() == 1 ? " injection at " : " injections at ")
          .append(Fmt.num(w.startSec()))
          .append(" s</title></path>\n");
    }
    // deadline-miss panel
    b.append("<text class=\"axis\" x=\"")
        .append(LEFT)
        .append("\" y=\"")
        .append(MISS_TOP - 3)
        .append("\">deadline misses</text>\n");
    b.append("<text class=\"axis\" x=\"")
        .append(LEFT - 6)
        .append("\" y=\"")
        .append(MISS_TOP + 8)
        .append("\" text-anchor=\"end\">")
        .append(Fmt.num(missMax))
        .append("</text>\n");
    double barW = Math.max(1, plotW * (t.windowSec() / span) - 2);
    for (Timeline.Window w : ws) {
      if (w.deadlineMisses() == 0) {
        continue;
      }
      double h = MISS_H * w.deadlineMisses() / missMax;
      b.append("<rect class=\"miss\" x=\"")
          .append(Svg.c(x(w.startSec(), start, span, plotW) + 1))
          .append("\" y=\"")
          .append(Svg.c(MISS_TOP + MISS_H - h))
          .append("\" width=\"")
          .append(Svg.c(barW))
          .append("\" height=\"")
          .append(Svg.c(h))
          .append("\"><title>")
          .append(w.deadlineMisses())
          .append(" deadline misses at ")
          .append(Fmt.num(w.startSec()))
          .append(" s</title></rect>\n");
    }
    double axisY = MISS_TOP + MISS_H;
    b.append("<line class=\"axisline\" x1=\"")
        .append(LEFT)
        .append("\" y1=\"")
        .append(Svg.c(axisY))
        .append("\" x2=\"")
        .append(WIDTH - RIGHT)
        .append("\" y2=\"")
        .append(Svg.c(axisY))
        .append("\"/>\n");
    for (int k = 0; k <= 4; k++) {
      double sec = start + span * (k / 4.0);
      b.append("<text class=\"axis\" x=\"")
          .append(Svg.c(x(sec, start, span, plotW)))
          .append("\" y=\"")
          .append(Svg.c(axisY + 15))
          .append(k == 4 ? "\" text-anchor=\"end\">" : "\" text-anchor=\"middle\">")
          .append(Fmt.decimals(sec, 0))
          .append(k == 4 ? " s" : "")
          .append("</text>\n");
    }
    b.append("</svg>\n");
  }

  private static void hline(StringBuilder b, String cls, double y, String label) {
    b.append("<line class=\"")
        .append(cls)
        .append("\" x1=\"")
        .append(LEFT)
        .append("\" y1=\"")
        .append(Svg.c(y))
        .append("\" x2=\"")
        .append(WIDTH - RIGHT)
        .append("\" y2=\"")
        .append(Svg.c(y))
        .append("\"/><text class=\"")
        .append(cls)
        .append("-label\" x=\"")
        .append(WIDTH - RIGHT - 4)
        .append("\" y=\"")
        .append(Svg.c(y - 4))
        .append("\" text-anchor=\"end\">")
        .append(Svg.esc(label))
        .append("</text>\n");
  }

  /** The height of {@code v}; a value beyond the axis (over {@link Svg#AXIS_LIMIT}) at its top. */
  private static double y(double v, double yMin, double yMax) {
    double share = (Math.min(v, yMax) - yMin) / (yMax - yMin);
    return TOP + P95_H - P95_H * Math.max(0, Math.min(1, share));
  }

  /** Divides before multiplying, so that times near {@link Double#MAX_VALUE} cannot overflow. */
  private static double x(double sec, double start, double span, double plotW) {
    return LEFT + plotW * ((sec - start) / span);
  }
}
