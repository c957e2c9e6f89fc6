package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;

/** Explicit binomial bounds for statistical assertions. */
final class Binomial {
  /** Six standard deviations: a false failure has odds of about one in five hundred million. */
  static final double SIGMAS = 6.0;

  private Binomial() {}

  /** Asserts that {@code hits} out of {@code n} trials is within 6 sigma of {@code n * p}. */
  static void assertWithinBounds(String what, long hits, long n, double p) {
    double mean = n * p;
    double sd = Math.sqrt(n * p * (1 - p));
    double slack = SIGMAS * sd + 1; // +1 for the discreteness of the count
    assertThat((double) hits)
        .as("%s: %d hits in %d trials, expected %.1f ± %.1f (p=%s)", what, hits, n, mean, slack, p)
        .isBetween(mean - slack, mean + slack);
  }
}
