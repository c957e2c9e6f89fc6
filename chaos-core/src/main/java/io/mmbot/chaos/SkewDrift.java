package io.mmbot.chaos;

/**
 * The CLOCK_SKEW offset: it drifts smoothly, {@code N·sin(2π·t/period)} with {@code t} the time
 * since the burst began and the period {@link ChaosInjector#CLOCK_SKEW_DRIFT_PERIOD_NANOS}, so it
 * starts at 0, reaches +N and -N, and stays within ±N. Stateless.
 */
final class SkewDrift {

  private static final double TWO_PI = 2 * Math.PI;

  private SkewDrift() {}

  /** The offset in milliseconds for a bound of {@code boundMs}, {@code t} nanoseconds in. */
  static long offsetMs(long boundMs, long t) {
    long period = ChaosInjector.CLOCK_SKEW_DRIFT_PERIOD_NANOS;
    double phase = (double) Math.floorMod(t, period) / period;
    return Math.round(boundMs * Math.sin(TWO_PI * phase));
  }
}
