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

  /** A coordinate with at most one decimal. */
  static String c(double v) {
    return Fmt.decimals(v, 1);
  }

  /**
   * A value axis with four equal "nice" steps that holds {@code lo} and {@code hi} with some room
   * around them: {@code {min, max}}.
   */
  static double[] axis(double lo, double hi) {
    double pad = Math.max((hi - lo) * 0.1, Math.max(1, hi * 0.01));
    double step = niceMax((hi - lo + 2 * pad) / 4);
    while (true) {
      double min = Math.max(0, Math.floor((lo - pad) / step) * step);
      if (min + 4 * step >= hi + pad / 2) {
        return new double[] {min, min + 4 * step};
      }
      step = niceMax(step * 1.01);
    }
  }

  /** "Nice" axis maximum: 1, 2, 2.5 or 5 times a power of ten, at least {@code v}. */
  static double niceMax(double v) {
    if (v <= 0) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
