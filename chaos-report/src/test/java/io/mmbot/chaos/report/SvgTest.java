package io.mmbot.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SvgTest {

  /** Where the value axis stops growing: larger values are drawn at its top. */
  private static final double AXIS_LIMIT = 1e300;

  @Test
  void axisHoldsBothValuesInFourNiceSteps() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 2000; i++) {
      double lo = rnd.nextDouble() * Math.pow(10, rnd.nextInt(5));
      double hi = lo + rnd.nextDouble() * Math.pow(10, rnd.nextInt(5));
      double[] axis = Svg.axis(lo, hi);
      double step = (axis[1] - axis[0]) / 4;
      assertThat(axis[0])
          .as("min for %s..%s", lo, hi)
          .isLessThanOrEqualTo(lo)
          .isGreaterThanOrEqualTo(0);
      assertThat(axis[1]).as("max for %s..%s", lo, hi).isGreaterThanOrEqualTo(hi);
      double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
      assertThat(mantissa).as("step %s", step).isIn(1.0, 2.0, 2.5, 5.0, 10.0);
    }
  }

  @Test
  void axisEndsForEveryFiniteRangeAndHoldsItUpToTheLimit() {
    double[] values = {
      0,
      -0.0,
      Double.MIN_VALUE,
      4.9e-324,
      1e-300,
      1e-3,
      1,
      187,
      1e15,
      1e299,
      AXIS_LIMIT,
      1e301,
      1e307,
      1e308,
      Double.MAX_VALUE / 2,
      Double.MAX_VALUE
    };
    for (double lo : values) {
      for (double hi : values) {
        if (hi < lo) {
          continue;
        }
        double[] axis =
            assertTimeoutPreemptively(
                Duration.ofSeconds(2),
                () -> Svg.axis(lo, hi),
                () -> "axis(" + lo + ", " + hi + ")");
        assertThat(Double.isFinite(axis[0]) && Double.isFinite(axis[1]))
            .as("axis(%s, %s) finite", lo, hi)
            .isTrue();
        assertThat(axis[1]).as("axis(%s, %s)", lo, hi).isGreaterThan(axis[0]);
        assertThat(axis[0]).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(Math.max(0, lo));
        assertThat(axis[1]).isGreaterThanOrEqualTo(Math.min(hi, AXIS_LIMIT));
      }
    }
  }

  @Test
  void aTypicalTickRangeGetsATightAxis() {
    assertThat(Svg.axis(183.9, 215.05)).containsExactly(180, 220);
  }

  @Test
  void escapesMarkupAndQuotes() {
    assertThat(Svg.esc("<a href=\"x\">O'Neil & co</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;");
  }
}
