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
    int rank = (int) Math.ceil(q * n);
    return select(Arrays.copyOf(values, n), n, Math.max(0, Math.min(n - 1, rank - 1)));
  }

  /**
   * The value at index {@code k} of the first {@code n} values once sorted as {@link
   * Arrays#sort(double[])} sorts them (by {@link Double#compare}), without sorting them all:
   * quickselect with a three-way partition (runs of equal values cost nothing extra); reorders
   * {@code a}.
   */
  static double select(double[] a, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    while (hi - lo > 32) {
      double p = median(a[lo], a[(lo + hi) >>> 1], a[hi]);
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        int c = Double.compare(a[i], p);
        if (c < 0) {
          swap(a, lt++, i++);
        } else if (c > 0) {
          swap(a, i, gt--);
        } else {
          i++;
        }
      }
      if (k < lt) {
        hi = lt - 1;
      } else if (k > gt) {
        lo = gt + 1;
      } else {
        return a[k];
      }
    }
    Arrays.sort(a, lo, hi + 1);
    return a[k];
  }

  private static double median(double x, double y, double z) {
    if (Double.compare(x, y) > 0) {
      double t = x;
      x = y;
      y = t;
    }
    if (Double.compare(y, z) > 0) {
      y = z;
    }
    return Double.compare(x, y) > 0 ? x : y;
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
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
