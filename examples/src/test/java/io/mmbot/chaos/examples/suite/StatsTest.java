package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The nearest-rank percentile by selection gives exactly what sorting everything gives. */
class StatsTest {

  /** The percentile as it was computed before: sort a copy, take the nearest rank. */
  private static double bySorting(double[] values, int n, double q) {
    if (n == 0) {
      return 0;
    }
    double[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * n);
    return sorted[Math.max(0, Math.min(n - 1, rank - 1))];
  }

  @Test
  void selectionAgreesWithSortingBitForBit() {
    SplittableRandom random = new SplittableRandom(17);
    double[] qs = {0.01, 0.5, 0.95, 0.99, 1.0};
    for (int round = 0; round < 2_000; round++) {
      int n = random.nextInt(0, 400);
      double[] v = new double[n + random.nextInt(0, 5)];
      int kind = round % 4;
      for (int i = 0; i < v.length; i++) {
        v[i] =
            switch (kind) {
              case 0 -> random.nextDouble() * 300; // tick durations
              case 1 -> random.nextInt(0, 4) * 100.0; // long runs of equal values
              case 2 -> i; // already sorted
              default -> // signed zeros, NaN, infinities among ordinary values
                  new double[] {-0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY, 1.5, -2.0}
                      [random.nextInt(0, 6)];
            };
      }
      double[] before = v.clone();
      for (double q : qs) {
        long expected = Double.doubleToRawLongBits(bySorting(v, n, q));
        long actual = Double.doubleToRawLongBits(Stats.percentile(v, n, q));
        assertThat(actual).as("round %d, n %d, q %s", round, n, q).isEqualTo(expected);
      }
      assertThat(v).as("the values are left as they were").isEqualTo(before);
    }
  }

  @Test
  void selectFindsEveryRankOfADescendingRun() {
    double[] v = new double[1_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = v.length - i;
    }
    for (int k = 0; k < v.length; k += 37) {
      assertThat(Stats.select(v.clone(), v.length, k)).isEqualTo(k + 1.0);
    }
  }
}
