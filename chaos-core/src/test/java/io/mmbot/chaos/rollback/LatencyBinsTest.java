package io.mmbot.chaos.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The layout of the guard's tick histogram: contiguous bins and their bounded error. */
class LatencyBinsTest {

  @Test
  void everyBinReportsAValueWithinTheRelativeErrorOfEveryDurationItHolds() {
    SplittableRandom random = new SplittableRandom(7);
    for (int k = 0; k < 200_000; k++) {
      // log-uniform over 65.5 us .. 137 s
      long v = (long) Math.exp(Math.log(65_536) + random.nextDouble() * Math.log(2e6));
      v = Math.min(v, LatencyBins.MAX_NANOS - 1);
      int i = LatencyBins.index(v);
      assertThat(v)
          .isBetween(
              LatencyBins.lowerNanos(i), LatencyBins.lowerNanos(i) + LatencyBins.widthNanos(i) - 1);
      assertThat(Math.abs(LatencyBins.midpointNanos(i) - v) / v)
          .as("value %d in bin %d", v, i)
          .isLessThanOrEqualTo(LatencyBins.RELATIVE_ERROR);
    }
    for (long v = 0; v < 65_536; v += 97) {
      int i = LatencyBins.index(v);
      assertThat(Math.abs(LatencyBins.midpointNanos(i) - v)).isLessThanOrEqualTo(512.0);
    }
  }

  @Test
  void binsAreContiguousAndCoverTheRange() {
    assertThat(LatencyBins.COUNT).isEqualTo(736);
    assertThat(LatencyBins.lowerNanos(0)).isZero();
    for (int i = 1; i < LatencyBins.COUNT; i++) {
      assertThat(LatencyBins.lowerNanos(i))
          .as("bin %d starts where bin %d ends", i, i - 1)
          .isEqualTo(LatencyBins.lowerNanos(i - 1) + LatencyBins.widthNanos(i - 1));
      assertThat(LatencyBins.index(LatencyBins.lowerNanos(i))).isEqualTo(i);
    }
    assertThat(
            LatencyBins.lowerNanos(LatencyBins.COUNT - 1)
                + LatencyBins.widthNanos(LatencyBins.COUNT - 1))
        .isEqualTo(LatencyBins.MAX_NANOS);
    assertThat(LatencyBins.index(Long.MAX_VALUE)).isEqualTo(LatencyBins.COUNT - 1);
    assertThat(LatencyBins.index(-5)).isZero();
  }
}
