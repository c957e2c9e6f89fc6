package io.mmbot.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SvgTest {

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
  void aTypicalTickRangeGetsATightAxis() {
    assertThat(Svg.axis(183.9, 215.05)).containsExactly(180, 220);
  }

  @Test
  void escapesMarkupAndQuotes() {
    assertThat(Svg.esc("<a href=\"x\">O'Neil & co</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;");
  }
}
