package io.mmbot.chaos;

/**
 * The largest values the configuration accepts, in one place: the builders of {@link ChaosConfig}
 * and {@link RollbackConfig} check against them, and the {@code chaos:} block's key table (module
 * chaos-config) states them as the allowed ranges.
 */
public final class ChaosLimits {

  /** Largest latency spike or WebSocket lag accepted, in milliseconds (one minute). */
  public static final long MAX_DELAY_MS = 60_000;

  /** Largest clock skew accepted, in milliseconds (one hour). */
  public static final long MAX_CLOCK_SKEW_MS = 3_600_000;

  /** Largest WebSocket disconnect rate accepted, per minute (one a second). */
  public static final double MAX_WS_DISCONNECT_PER_MIN = 60.0;

  /** Largest burst phase accepted, in seconds (one day). */
  public static final long MAX_BURST_SEC = 86_400;

  /** Largest expiry accepted, in seconds (seven days). */
  public static final long MAX_DURATION_SEC = 7 * 86_400;

  /** Longest {@code instance_id} accepted, in characters. */
  public static final int MAX_INSTANCE_ID_LENGTH = 128;

  /** Largest wave or storm length accepted, in calls. */
  public static final int MAX_RUN_CALLS = 100_000;

  /**
   * Largest share in percent ({@code traffic_pct}, {@code instance_pct}, the miss and fail rates).
   */
  public static final double MAX_PCT = 100;

  /** Largest trigger window of the rollback triggers, in seconds (one day). */
  public static final long MAX_WINDOW_SEC = 86_400;

  /** Largest allowed rise of the p95 tick over its baseline, in percent. */
  public static final double MAX_P95_TICK_INCREASE_PCT = 1000;

  /** Largest configured baseline p95 tick, in milliseconds (ten minutes). */
  public static final double MAX_BASELINE_P95_MS = 600_000;

  private ChaosLimits() {}

  /**
   * The largest intensity accepted for {@code scenario}, in its own unit: 1 for a probability or a
   * long-run share, {@link #MAX_DELAY_MS} or {@link #MAX_CLOCK_SKEW_MS} for a magnitude, {@link
   * #MAX_WS_DISCONNECT_PER_MIN} for the rate.
   */
  public static double maxIntensity(Scenario scenario) {
    switch (scenario.kind()) {
      case MAGNITUDE:
        return scenario == Scenario.CLOCK_SKEW ? MAX_CLOCK_SKEW_MS : MAX_DELAY_MS;
      case RATE:
        return MAX_WS_DISCONNECT_PER_MIN;
      default:
        return 1.0;
    }
  }
}
