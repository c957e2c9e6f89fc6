package io.mmbot.chaos.control;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosLimits;
import io.mmbot.chaos.Scenario;

/** Sets one scenario's intensity on a configuration, in the scenario's own unit. */
final class Intensities {

  private Intensities() {}

  /**
   * {@code config} with {@code scenario}'s intensity set to {@code x}: a probability, a rate per
   * minute, or a whole number of milliseconds for the magnitude scenarios.
   *
   * @throws IllegalArgumentException naming the key and the allowed range when {@code x} is out of
   *     range (checked by {@link ChaosConfig.Builder#build()})
   */
  static ChaosConfig with(ChaosConfig config, Scenario scenario, double x) {
    ChaosConfig.Builder b = config.toBuilder();
    switch (scenario) {
      case NET_LOSS:
        b.netLoss(x);
        break;
      case EXCH_429:
        b.exch429(x);
        break;
      case EXCH_5XX:
        b.exch5xx(x);
        break;
      case LAT_SPIKE:
        b.latSpikeMs(millis(scenario, x));
        break;
      case WS_LAG:
        b.wsLagMs(millis(scenario, x));
        break;
      case WS_DISCONNECT:
        b.wsDisconnect(x);
        break;
      case DNS_FLAP:
        b.dnsFlap(x);
        break;
      case CLOCK_SKEW:
        b.clockSkewMs(millis(scenario, x));
        break;
      case RATE_LIMIT_STORM:
        b.rateLimitStorm(x);
        break;
      case RECONCILE_MISMATCH:
        b.reconcileMismatch(x);
        break;
    }
    return b.build();
  }

  /** The unit of a scenario's intensity, as the status shows it. */
  static String unit(Scenario s) {
    switch (s.kind()) {
      case MAGNITUDE:
        return "ms";
      case RATE:
        return "per_minute";
      default:
        return "probability";
    }
  }

  /**
   * A magnitude in whole milliseconds. A value beyond the scenario's range, including one beyond
   * what a number holds ({@code 1e400} reads as infinity), is out of range; a fraction within it is
   * not a whole number.
   */
  private static long millis(Scenario s, double x) {
    long max = (long) ChaosLimits.maxIntensity(s);
    String what = "intensity of " + s.key() + " (chaos." + s.configKey() + ") = ";
    if (!(x >= 0 && x <= max)) {
      throw new IllegalArgumentException(
          what
              + (Double.isInfinite(x) ? (x > 0 ? "" : "-") + "a number beyond any limit" : x)
              + " is out of range: must be a whole number of milliseconds in [0, "
              + max
              + "]");
    }
    if (x != Math.rint(x)) {
      throw new IllegalArgumentException(
          what + x + " must be a whole number of milliseconds in [0, " + max + "]");
    }
    return (long) x;
  }
}
