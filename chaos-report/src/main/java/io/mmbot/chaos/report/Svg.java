package io.mmbot.chaos.report;

/** Small helpers for writing HTML and SVG text: escaping and locale-free coordinates. */
final class Svg {

  private Svg() {}

  /** Escapes text for an HTML or SVG text node or a double-quoted attribute. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          b.append("&amp;");
          break;
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '"':
          b.append("&quot;");
          break;
        case '\'':
          b.append("&#39;");
          break;
        default:
          b.append(c);
      }
    }
    return b.toString();
  }

  /** Coordinates are kept within this distance of the origin, far outside any chart. */
  static final double COORDINATE_LIMIT = 1e5;

  /**
   * Where a value axis stops growing: larger values are drawn at the top of an axis that ends here.
   * Far below {@link Double#MAX_VALUE}, so that the axis arithmetic cannot overflow.
   */
  static final double AXIS_LIMIT = 1e300;

  /** A coordinate with at most one decimal, clamped to ±{@value #COORDINATE_LIMIT} (NaN: 0). */
  static String c(double v) {
    if (Double.isNaN(v)) {
      return "0";
    }
    return NumberText.decimals(Math.max(-COORDINATE_LIMIT, Math.min(COORDINATE_LIMIT, v)), 1);
  }

  /**
   * A value axis with four equal "nice" steps that holds {@code lo} and {@code hi} with some room
   * around them: {@code {min, max}}, with {@code 0 <= min < max}, both finite. Values are taken in
   * [0, {@value #AXIS_LIMIT}]; the search for a step ends after a bounded number of tries.
   */
  static double[] axis(double lo, double hi) {
    double l = clamp(lo);
    double h = Math.max(l, clamp(hi));
    double pad = Math.max((h - l) * 0.1, Math.max(1, h * 0.01));
    double step = niceMax((h - l + 2 * pad) / 4);
    for (int i = 0; i < 200; i++) {
      double min = Math.max(0, Math.floor((l - pad) / step) * step);
      if (min + 4 * step >= h + pad / 2) {
        return new double[] {min, min + 4 * step};
      }
      step = niceMax(step * 1.01);
    }
    // not reached: each try at least doubles the step; an axis from 0 always holds the range
    return new double[] {0, 4 * niceMax((h + pad) / 4)};
  }

  private static double clamp(double v) {
    return Double.isNaN(v) ? 0 : Math.max(0, Math.min(AXIS_LIMIT, v));
  }

  /**
   * "Nice" axis maximum: 1, 2, 2.5 or 5 times a power of ten, at least {@code v} (1 for {@code v <=
   * 0}, {@link Double#MAX_VALUE} when no such double exists).
   */
  static double niceMax(double v) {
    if (!(v > 0)) {
      return 1;
    }
    if (v > Double.MAX_VALUE / 10) {
      return Double.MAX_VALUE;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    if (p == 0) {
      return v;
    }
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
