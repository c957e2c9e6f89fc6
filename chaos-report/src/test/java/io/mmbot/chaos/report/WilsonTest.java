package io.mmbot.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WilsonTest {

  @Test
  void matchesPublishedValues() {
    // Reference values of the 95 % Wilson score interval (z = 1.96).
    Wilson twoOfThree = Wilson.of(2, 3);
    assertThat(twoOfThree.lower()).isCloseTo(0.2077, within(1e-4));
    assertThat(twoOfThree.upper()).isCloseTo(0.9385, within(1e-4));
    Wilson noneOfTwo = Wilson.of(0, 2);
    assertThat(noneOfTwo.lower()).isEqualTo(0);
    assertThat(noneOfTwo.upper()).isCloseTo(0.6576, within(1e-4));
    Wilson allOfTen = Wilson.of(10, 10);
    assertThat(allOfTen.lower()).isCloseTo(0.7225, within(1e-4));
    assertThat(allOfTen.upper()).isEqualTo(1);
    Wilson half = Wilson.of(50, 100);
    assertThat(half.lower()).isCloseTo(0.4038, within(1e-4));
    assertThat(half.upper()).isCloseTo(0.5962, within(1e-4));
  }

  @Test
  void coversTheTrueRateAboutNinetyFivePercentOfTheTime() {
    // 2000 simulated suites of 40 runs at a true pass rate of 0.8, fixed seed. Coverage of a
    // 95 % interval is binomial(2000, ~0.95): 3 standard deviations are about +-1.5 %, and
    // Wilson's actual coverage at n = 40 lies within 0.93..0.97.
    SplittableRandom rnd = new SplittableRandom(20_261_126L);
    int covered = 0;
    int trials = 2000;
    for (int t = 0; t < trials; t++) {
      int passes = 0;
      for (int i = 0; i < 40; i++) {
        if (rnd.nextDouble() < 0.8) {
          passes++;
        }
      }
      Wilson w = Wilson.of(passes, 40);
      if (w.lower() <= 0.8 && 0.8 <= w.upper()) {
        covered++;
      }
    }
    assertThat(covered / (double) trials).isBetween(0.915, 0.985);
  }

  @Test
  void rejectsImpossibleCounts() {
    assertThatThrownBy(() -> Wilson.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Wilson.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Wilson.of(-1, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}
