package io.mmbot.chaos.report;

/**
 * The Wilson score interval for a binomial proportion: a pass rate of {@code k} passes in {@code n}
 * runs, with a 95 % confidence level. Unlike the normal approximation it stays inside [0, 1] and is
 * meaningful for small {@code n} and for rates of 0 or 1.
 *
 * @param lower lower bound, in [0, 1]
 * @param upper upper bound, in [0, 1]
 */
public record Wilson(double lower, double upper) {

  /** The two-sided 95 % normal quantile. */
  static final double Z95 = 1.959963984540054;

  /**
   * The 95 % interval for {@code passes} of {@code runs}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= passes <= runs} and {@code runs > 0}
   */
  public static Wilson of(long passes, long runs) {
    if (runs <= 0 || passes < 0 || passes > runs) {
      throw new IllegalArgumentException(
          "need 0 <= passes <= runs and runs > 0, got " + passes + " of " + runs);
    }
    double n = runs;
    double p = passes / n;
    double z2 = Z95 * Z95;
    double denom = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denom;
    double half = Z95 / denom * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    // At 0 or 1 the interval touches the bound exactly; say so rather than 0.9999999999999999.
    double lower = passes == 0 ? 0 : Math.max(0, centre - half);
    double upper = passes == runs ? 1 : Math.min(1, centre + half);
    return new Wilson(lower, upper);
  }
}
