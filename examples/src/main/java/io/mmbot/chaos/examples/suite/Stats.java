package io.mmbot.chaos.examples.suite;

import java.util.Arrays;

/** Percentiles by the nearest-rank method, on a copy of the values. */
final class Stats {
  private Stats() {}

  /** The {@code q}-quantile (0 &lt; q ≤ 1) of the first {@code n} values; 0 when n is 0. */
  static double percentile(double[] values, int n, double q) {
    if (n == 0) {
      return 0;
    }
    double[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * n);
    return sorted[Math.max(0, Math.min(n - 1, rank - 1))];
  }

  /** A sorted copy of the first {@code n} values. */
  static double[] sorted(double[] values, int n) {
    double[] s = Arrays.copyOf(values, n);
    Arrays.sort(s);
    return s;
  }

  /** The {@code q}-quantile (nearest rank) of already sorted values; 0 when empty. */
  static double quantile(double[] sorted, double q) {
    int n = sorted.length;
    if (n == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(q * n);
    return sorted[Math.max(0, Math.min(n - 1, rank - 1))];
  }

  /** Rounds to two decimals (as run records carry them). */
  static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
