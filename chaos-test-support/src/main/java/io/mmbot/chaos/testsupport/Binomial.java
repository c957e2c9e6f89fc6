package io.mmbot.chaos.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Explicit bounds for binomial counts: {@code n * p ± SIGMAS * sqrt(n * p * (1 - p))}, widened to
 * whole counts (floor of the lower, ceiling of the upper bound).
 *
 * <p>Why 4.5 standard deviations: a count outside the bounds by chance has odds of about 7 in a
 * million per assertion (normal approximation), so even after a change of the random streams every
 * statistical assertion of the build together (a few dozen) stays below one false failure in a
 * thousand reseedings; with their fixed seeds the tests are deterministic anyway. Six standard
 * deviations would make the small samples of the adapter tests (40 or 200 calls) accept almost
 * anything: at n = 40 and p = 0.5 they would allow 1 to 39, where 4.5 allows 5 to 35.
 */
public final class Binomial {
  /** The half-width of every bound, in standard deviations of the count. */
  public static final double SIGMAS = 4.5;

  private Binomial() {}

  /** The smallest count accepted for {@code n} trials at probability {@code p}. */
  public static long lower(long n, double p) {
    return (long) Math.floor(n * p - slack(n, p));
  }

  /** The largest count accepted for {@code n} trials at probability {@code p}. */
  public static long upper(long n, double p) {
    return (long) Math.ceil(n * p + slack(n, p));
  }

  /** {@link #SIGMAS} standard deviations of a count of {@code n} trials at {@code p}. */
  public static double slack(long n, double p) {
    return SIGMAS * Math.sqrt(n * p * (1 - p));
  }

  /** Asserts that {@code hits} out of {@code n} trials lies within the bounds for {@code p}. */
  public static void assertWithinBounds(String what, long hits, long n, double p) {
    long lo = lower(n, p);
    long hi = upper(n, p);
    assertThat(hits)
        .as("%s: %d hits in %d trials, expected %d..%d (p=%s)", what, hits, n, lo, hi, p)
        .isBetween(lo, hi);
  }
}
