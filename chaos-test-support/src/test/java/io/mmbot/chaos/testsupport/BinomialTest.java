package io.mmbot.chaos.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BinomialTest {

  @Test
  void boundsAreFourAndAHalfStandardDeviationsRoundedOutward() {
    // n = 40, p = 0.5: mean 20, sd sqrt(10) = 3.162, 4.5 sd = 14.23
    assertThat(Binomial.lower(40, 0.5)).isEqualTo(5);
    assertThat(Binomial.upper(40, 0.5)).isEqualTo(35);
    // n = 10_000, p = 0.3: mean 3000, sd 45.83, 4.5 sd = 206.2
    assertThat(Binomial.lower(10_000, 0.3)).isEqualTo(2793);
    assertThat(Binomial.upper(10_000, 0.3)).isEqualTo(3207);
  }

  @Test
  void aCountOnTheBoundPassesAndOneBeyondFails() {
    Binomial.assertWithinBounds("lower", 2793, 10_000, 0.3);
    Binomial.assertWithinBounds("upper", 3207, 10_000, 0.3);
    assertThatThrownBy(() -> Binomial.assertWithinBounds("below", 2792, 10_000, 0.3))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("below")
        .hasMessageContaining("2793..3207");
    assertThatThrownBy(() -> Binomial.assertWithinBounds("above", 3208, 10_000, 0.3))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void probabilityZeroOrOneAcceptsOnlyTheCertainCount() {
    assertThat(Binomial.lower(500, 0)).isZero();
    assertThat(Binomial.upper(500, 0)).isZero();
    assertThat(Binomial.lower(500, 1)).isEqualTo(500);
    assertThat(Binomial.upper(500, 1)).isEqualTo(500);
  }
}
