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

  /**
   * Where things go in one chart: the windows, the time span on the x axis and the p95 axis's
   * range.
   */
  private record Frame(
      List<Timeline.Window> ws,
      double windowSec,
      double start,
      double span,
      double plotW,
      double yMin,
      double yMax) {

    /** The x of second {@code sec}; divides before multiplying, so huge times cannot overflow. */
    double x(double sec) {
      return LEFT + plotW * ((sec - start) / span);
    }

    /**
     * The height of {@code v}; a value beyond the axis (over {@link Svg#AXIS_LIMIT}) at its top.
     */
    double y(double v) {
      double share = (Math.min(v, yMax) - yMin) / (yMax - yMin);
      return TOP + P95_H - P95_H * Math.max(0, Math.min(1, share));
    }

    /** The x of the centre of window {@code w}. */
    double centre(Timeline.Window w) {
      return x(w.startSec() + windowSec / 2);
    }
  }

  static void render(StringBuilder b, RunRecord run, Timeline t) {
    List<Timeline.Window> ws = t.windows();
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
    Frame f = new Frame(ws, t.windowSec(), start, span, WIDTH - LEFT - RIGHT, axis[0], axis[1]);
    b.append("<svg class=\"chart timeline\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"")
        .append(Svg.esc(run.scenario().key() + " timeline, " + run.displayName()))
        .append("\">\n");
    bursts(b, f);
    p95Axis(b, f, baseline, target);
    p95Line(b, f);
    injections(b, f);
    misses(b, f, Svg.niceMax(maxMiss));
    timeAxis(b, f);
    b.append("</svg>\n");
  }

  /** Chaos bursts: consecutive burst windows merged into one shaded band over both panels. */
  private static void bursts(StringBuilder b, Frame f) {
    List<Timeline.Window> ws = f.ws();
    for (int i = 0; i < ws.size(); i++) {
      if (!ws.get(i).burst()) {
        continue;
      }
      int j = i;
      while (j + 1 < ws.size() && ws.get(j + 1).burst()) {
        j++;
      }
      double x0 = f.x(ws.get(i).startSec());
      double x1 = f.x(ws.get(j).startSec() + f.windowSec());
      b.append("<rect class=\"burst\" x=\"")
          .append(Svg.c(x0))
          .append("\" y=\"")
          .append(TOP)
          .append("\" width=\"")
          .append(Svg.c(x1 - x0))
          .append("\" height=\"")
          .append(MISS_TOP + MISS_H - TOP)
          .append("\"><title>chaos burst ")
          .append(NumberText.num(ws.get(i).startSec()))
          .append("–")
          .append(NumberText.num(ws.get(j).startSec() + f.windowSec()))
          .append(" s</title></rect>\n");
      i = j;
    }
  }

  /** The p95 panel's grid, axis labels, target and baseline. */
  private static void p95Axis(StringBuilder b, Frame f, double baseline, double target) {
    for (int k = 0; k <= 4; k++) {
      double v = f.yMin() + (f.yMax() - f.yMin()) * k / 4;
      double y = f.y(v);
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
          .append(NumberText.num(v))
          .append("</text>\n");
    }
    hline(b, "baseline", f.y(baseline), "baseline " + NumberText.num(baseline) + " ms");
    hline(b, "target", f.y(target), "target < " + NumberText.num(target) + " ms");
    b.append("<text class=\"axis\" x=\"")
        .append(LEFT)
        .append("\" y=\"")
        .append(TOP - 8)
        .append("\">p95 tick, ms</text>\n");
  }

  /** The p95 line, one point per window centre. */
  private static void p95Line(StringBuilder b, Frame f) {
    b.append("<polyline class=\"p95\" points=\"");
    for (int i = 0; i < f.ws().size(); i++) {
      Timeline.Window w = f.ws().get(i);
      if (i > 0) {
        b.append(' ');
      }
      b.append(Svg.c(f.centre(w))).append(',').append(Svg.c(f.y(w.p95TickMs())));
    }
    b.append("\"/>\n");
  }

  /** A marker at the top of every window that had injections. */
  private static void injections(StringBuilder b, Frame f) {
    for (Timeline.Window w : f.ws()) {
      if (w.injections() == 0) {
        continue;
      }
      double cx = f.centre(w);
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
          .append(NumberText.num(w.startSec()))
          .append(" s</title></path>\n");
    }
  }

  /** The deadline-miss panel: its labels and one bar per window with misses. */
  private static void misses(StringBuilder b, Frame f, double missMax) {
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
        .append(NumberText.num(missMax))
        .append("</text>\n");
    double barW = Math.max(1, f.plotW() * (f.windowSec() / f.span()) - 2);
    for (Timeline.Window w : f.ws()) {
      if (w.deadlineMisses() == 0) {
        continue;
      }
      double h = MISS_H * w.deadlineMisses() / missMax;
      b.append("<rect class=\"miss\" x=\"")
          .append(Svg.c(f.x(w.startSec()) + 1))
          .append("\" y=\"")
          .append(Svg.c(MISS_TOP + MISS_H - h))
          .append("\" width=\"")
          .append(Svg.c(barW))
          .append("\" height=\"")
          .append(Svg.c(h))
          .append("\"><title>")
          .append(w.deadlineMisses())
          .append(" deadline misses at ")
          .append(NumberText.num(w.startSec()))
          .append(" s</title></rect>\n");
    }
  }

  /** The time axis under both panels, in seconds. */
  private static void timeAxis(StringBuilder b, Frame f) {
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
      double sec = f.start() + f.span() * (k / 4.0);
      b.append("<text class=\"axis\" x=\"")
          .append(Svg.c(f.x(sec)))
          .append("\" y=\"")
          .append(Svg.c(axisY + 15))
          .append(k == 4 ? "\" text-anchor=\"end\">" : "\" text-anchor=\"middle\">")
          .append(NumberText.decimals(sec, 0))
          .append(k == 4 ? " s" : "")
          .append("</text>\n");
    }
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
}
