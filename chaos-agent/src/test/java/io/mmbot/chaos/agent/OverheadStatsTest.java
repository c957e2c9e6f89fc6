package io.mmbot.chaos.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The median and its order-statistics interval used for the agent's overhead figure. */
class OverheadStatsTest {

  @Test
  void theRankMatchesTheBinomialTables() {
    // n = 10 at 95 %: (x(2), x(9)); n = 20: (x(6), x(15)); n = 5: no interval.
    assertThat(OverheadStats.lowerRank(10, 0.025)).isEqualTo(2);
    assertThat(OverheadStats.lowerRank(20, 0.025)).isEqualTo(6);
    assertThat(OverheadStats.lowerRank(5, 0.025)).isZero();
  }

  @Test
  void theIntervalHoldsTheTrueMedianAsOftenAsPromised() {
    Random random = new Random(11);
    int trials = 2000;
    int covered = 0;
    for (int t = 0; t < trials; t++) {
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        ratios.add(1.0 + 0.05 * random.nextGaussian()); // true median 1.0
      }
      OverheadStats s = OverheadStats.of(ratios, 0.95);
      if (s.low <= 1.0 && 1.0 <= s.high) {
        covered++;
      }
    }
    // Coverage is at least 95 % by construction (about 97 % for n = 60); 2000 trials put a
    // coverage of 0.95 at most 4.9 standard deviations (sd 0.0049) below 0.974.
    assertThat(covered / (double) trials).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    OverheadStats s = OverheadStats.of(List.of(1.0, 4.0, 2.0, 3.0), 0.95);
    assertThat(s.median).isEqualTo(2.5);
    assertThat(s.low).isNaN();
  }
}
