package io.mmbot.chaos.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The statistics of the agent's overhead figure: the median of paired ratios (agent round over the
 * adjacent round without the agent) with a distribution-free confidence interval from order
 * statistics: for n ratios, the interval runs from the k-th smallest to the k-th largest, k the
 * largest count with P(Binomial(n, 1/2) &lt; k) at most (1 - level) / 2, so that it holds the true
 * median of the ratio with at least that probability whatever its distribution.
 */
final class OverheadStats {

  final double median;
  final double low;
  final double high;
  final int n;

  private OverheadStats(double median, double low, double high, int n) {
    this.median = median;
    this.low = low;
    this.high = high;
    this.n = n;
  }

  /** The median of {@code ratios} and its interval at {@code level} (as 0.95). */
  static OverheadStats of(List<Double> ratios, double level) {
    List<Double> s = new ArrayList<>(ratios);
    Collections.sort(s);
    int n = s.size();
    if (n == 0) {
      throw new IllegalArgumentException("no ratios");
    }
    double median = n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    int k = lowerRank(n, (1 - level) / 2);
    if (k == 0) {
      return new OverheadStats(median, Double.NaN, Double.NaN, n);
    }
    return new OverheadStats(median, s.get(k - 1), s.get(n - k), n);
  }

  /**
   * The largest k &ge; 0 such that P(X &lt; k) &le; alpha for X ~ Binomial(n, 1/2): the rank of the
   * interval's lower end (1-based); 0 when n is too small for any interval at that level.
   */
  static int lowerRank(int n, double alpha) {
    double cumulative = 0; // P(X < k)
    double p = Math.pow(0.5, n); // P(X = 0)
    int k = 0;
    while (k < n) {
      if (cumulative + p > alpha) {
        break;
      }
      cumulative += p;
      p = p * (n - k) / (k + 1);
      k++;
    }
    return k;
  }

  @Override
  public String toString() {
    return String.format("%.4f [%.4f, %.4f] (n=%d)", median, low, high, n);
  }
}
