package io.mmbot.chaos.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting shared by the writers and the parser: locale-free, at most two decimals. */
final class Fmt {

  private Fmt() {}

  /**
   * {@code 215.05}, {@code 210}, {@code 1.5}: rounded half-up to two decimals, no trailing zeros.
   */
  static String num(double v) {
    return decimals(v, 2);
  }

  /** Rounded half-up to {@code scale} decimals, without trailing zeros. */
  static String decimals(double v, int scale) {
    BigDecimal d = new BigDecimal(Double.toString(v)).setScale(scale, RoundingMode.HALF_UP);
    d = d.stripTrailingZeros();
    if (d.scale() < 0) {
      d = d.setScale(0);
    }
    String s = d.toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  /** A number with its criterion unit, for example {@code 3.2 %} or {@code 4 ticks}. */
  static String withUnit(double v, Criterion.Unit unit) {
    if (unit == Criterion.Unit.TICKS && v == 1) {
      return "1 tick";
    }
    return num(v) + unit.suffix();
  }

  /** A share in [0, 1] as a percentage with at most one decimal, for example {@code 66.7 %}. */
  static String pct(double share) {
    return decimals(share * 100, 1) + " %";
  }

  /** A pass rate with its interval: {@code 66.7 % (20.8–93.9 %)}. */
  static String passRate(int passed, int runs) {
    return pct((double) passed / runs) + " (" + interval(passed, runs) + ")";
  }

  /** The 95 % Wilson interval of a pass rate in percent: {@code 20.8–93.9 %}. */
  static String interval(int passed, int runs) {
    Wilson w = Wilson.of(passed, runs);
    return decimals(w.lower() * 100, 1) + "–" + decimals(w.upper() * 100, 1) + " %";
  }
}
