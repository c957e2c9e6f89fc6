package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.config.ChaosConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The bot's {@code config.yaml} (shipped as the resource {@value #RESOURCE}), read with {@link
 * ChaosConfigLoader} exactly as the bot reads it, and the per-run configurations derived from it:
 * one scenario at its intensity, every other intensity 0, the run's seed.
 */
public final class SuiteConfig {

  /** The resource holding the bot's config.yaml. */
  public static final String RESOURCE = "/mm-bot-config.yaml";

  private static final ChaosConfig BASE = load();

  private SuiteConfig() {}

  /** The chaos block of the shipped config.yaml. */
  public static ChaosConfig base() {
    return BASE;
  }

  /** The seed's intensity of {@code s} (from the shipped config.yaml). */
  public static double defaultIntensity(Scenario s) {
    return BASE.intensity(s);
  }

  /**
   * The configuration of a run: the base with only {@code scenario} at {@code intensity} (chaos off
   * for the baseline), seeded with {@code seed}.
   *
   * @throws IllegalArgumentException if the intensity is out of the scenario's range
   */
  public static ChaosConfig forRun(Scenario scenario, double intensity, long seed) {
    ChaosConfig.Builder b = BASE.toBuilder().seed(seed);
    for (Scenario s : Scenario.values()) {
      set(b, s, 0);
    }
    if (scenario == null) {
      return b.enabled(false).build();
    }
    set(b, scenario, intensity);
    return b.build();
  }

  /** Sets the intensity of {@code s} on {@code b}, in the scenario's own unit. */
  static void set(ChaosConfig.Builder b, Scenario s, double v) {
    switch (s) {
      case NET_LOSS:
        b.netLoss(v);
        break;
      case EXCH_429:
        b.exch429(v);
        break;
      case EXCH_5XX:
        b.exch5xx(v);
        break;
      case LAT_SPIKE:
        b.latSpikeMs(wholeMs("lat_spike_ms", v));
        break;
      case WS_LAG:
        b.wsLagMs(wholeMs("ws_lag_ms", v));
        break;
      case WS_DISCONNECT:
        b.wsDisconnect(v);
        break;
      case DNS_FLAP:
        b.dnsFlap(v);
        break;
      case CLOCK_SKEW:
        b.clockSkewMs(wholeMs("clock_skew_ms", v));
        break;
      case RATE_LIMIT_STORM:
        b.rateLimitStorm(v);
        break;
      case RECONCILE_MISMATCH:
        b.reconcileMismatch(v);
        break;
      default:
        throw new AssertionError(s);
    }
  }

  private static long wholeMs(String key, double v) {
    if (v != Math.rint(v) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(key + " must be a whole number of milliseconds, was " + v);
    }
    return (long) v;
  }

  private static ChaosConfig load() {
    try (InputStream in = SuiteConfig.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar");
      }
      return ChaosConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
