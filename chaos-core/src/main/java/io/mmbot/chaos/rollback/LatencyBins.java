package io.mmbot.chaos.rollback;

/**
 * The bin layout of the rollback guard's tick histogram: a fixed log-linear layout, as in
 * HdrHistogram, over durations in nanoseconds.
 *
 * <p>Durations are first counted in units of {@value #UNIT_NANOS} ns (about a microsecond). Below
 * {@code 64} units (about 65.5 µs) every unit has a bin of its own. Above, every power of two is
 * split into {@value #SUB_BINS} bins of equal width, so a bin is never wider than 1/32 of its lower
 * bound. Durations of {@value #MAX_NANOS} ns (about 137 s) and more share the top bin.
 *
 * <p>Error: a bin reports its midpoint, so a reported duration is within {@link #RELATIVE_ERROR}
 * (1/64, about 1.6 %) of any duration counted in that bin for durations of at least 64 units, and
 * within half a unit (512 ns) below that.
 */
final class LatencyBins {

  /** Number of bins per power of two above the linear range. */
  static final int SUB_BINS = 32;

  /** log2 of the unit, in nanoseconds. */
  static final int UNIT_SHIFT = 10;

  /** The unit the durations are counted in, in nanoseconds. */
  static final long UNIT_NANOS = 1L << UNIT_SHIFT;

  /** Durations from here on share the top bin. */
  static final long MAX_NANOS = 1L << 37;

  /** Upper bound of the error of a reported duration, relative to a counted one (>= 64 units). */
  static final double RELATIVE_ERROR = 1.0 / (2 * SUB_BINS);

  private static final int SUB_SHIFT = 5; // log2(SUB_BINS)

  /** Number of bins. */
  static final int COUNT = index(MAX_NANOS - 1) + 1;

  private LatencyBins() {}

  /** The bin of a duration; negative durations count as 0. */
  static int index(long nanos) {
    long u =
        nanos >= MAX_NANOS ? (MAX_NANOS - 1) >>> UNIT_SHIFT : Math.max(0, nanos) >>> UNIT_SHIFT;
    if (u < 2 * SUB_BINS) {
      return (int) u;
    }
    int shift = 63 - Long.numberOfLeadingZeros(u) - SUB_SHIFT;
    return (shift << SUB_SHIFT) + (int) (u >>> shift);
  }

  /** The lower bound of bin {@code i}, in nanoseconds. */
  static long lowerNanos(int i) {
    int shift = Math.max(0, (i >>> SUB_SHIFT) - 1);
    long mantissa = i - ((long) shift << SUB_SHIFT);
    return (mantissa << shift) << UNIT_SHIFT;
  }

  /** The width of bin {@code i}, in nanoseconds. */
  static long widthNanos(int i) {
    int shift = Math.max(0, (i >>> SUB_SHIFT) - 1);
    return (1L << shift) << UNIT_SHIFT;
  }

  /** The duration bin {@code i} reports: its midpoint, in nanoseconds. */
  static double midpointNanos(int i) {
    return lowerNanos(i) + widthNanos(i) / 2.0;
  }

  /**
   * The p-quantile of the counts in {@code bins} (total {@code n} > 0): the midpoint of the bin
   * that holds the {@code ceil(p * n)}-th smallest duration, in nanoseconds.
   */
  static double quantileNanos(long[] bins, long n, double p) {
    long rank = Math.max(1, (long) Math.ceil(p * n));
    long seen = 0;
    for (int i = 0; i < bins.length; i++) {
      seen += bins[i];
      if (seen >= rank) {
        return midpointNanos(i);
      }
    }
    return midpointNanos(bins.length - 1);
  }
}
