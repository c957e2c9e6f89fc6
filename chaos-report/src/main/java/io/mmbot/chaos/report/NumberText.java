package io.mmbot.chaos.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number formatting shared by the writers and the parser: locale-free, at most two decimals, and
 * four significant digits in scientific notation ({@code 1.798e308}, {@code 4.9e-324}) for numbers
 * too large or too small to be read in plain digits. Defined for every double: never throws.
 */
final class NumberText {

  /** From this magnitude on, numbers are written in scientific notation. */
  static final double PLAIN_LIMIT = 1e15;

  private NumberText() {}

  /**
   * {@code 215.05}, {@code 210}, {@code 1.5}: rounded half-up to two decimals, no trailing zeros; a
   * non-zero magnitude below 0.005 or from {@value #PLAIN_LIMIT} on in scientific notation.
   */
  static String num(double v) {
    double a = Math.abs(v);
    if (a != 0 && a < 0.005) {
      return scientific(v);
    }
    return decimals(v, 2);
  }

  /**
   * Rounded half-up to {@code scale} decimals, without trailing zeros; from {@value #PLAIN_LIMIT}
   * on in scientific notation.
   */
  static String decimals(double v, int scale) {
    if (!Double.isFinite(v)) {
      return nonFinite(v);
    }
    if (Math.abs(v) >= PLAIN_LIMIT) {
      return scientific(v);
    }
    BigDecimal d = new BigDecimal(Double.toString(v)).setScale(scale, RoundingMode.HALF_UP);
    d = d.stripTrailingZeros();
    if (d.scale() < 0) {
      d = d.setScale(0);
    }
    String s = d.toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  /**
   * Four significant digits in scientific notation, {@code 1.798e308}, {@code -2.5e15}, {@code
   * 4.9e-324}; rounded towards zero where rounding half-up would leave the double range, so the
   * text always reads back as a finite number.
   */
  static String scientific(double v) {
    if (!Double.isFinite(v)) {
      return nonFinite(v);
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(v));
    BigDecimal d = exact.round(new MathContext(4, RoundingMode.HALF_UP));
    if (Double.isInfinite(d.doubleValue())) {
      d = exact.round(new MathContext(4, RoundingMode.DOWN));
    }
    d = d.stripTrailingZeros();
    int exponent = d.precision() - d.scale() - 1;
    return d.movePointLeft(exponent).toPlainString() + "e" + exponent;
  }

  private static String nonFinite(double v) {
    return Double.isNaN(v) ? "NaN" : v > 0 ? "∞" : "-∞";
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
