package io.mmbot.chaos;

/**
 * The ten fault scenarios mm-chaos can inject.
 *
 * <p>Each scenario has a stable {@linkplain #key() key}, used as the {@code scenario} metric label
 * and in run files, and a {@linkplain #configKey() config key}, the flat key of the {@code chaos:}
 * block that sets its intensity. The {@linkplain #kind() kind} says how the intensity is read.
 */
public enum Scenario {
  /** A request or packet is dropped: the adapter throws an {@code IOException}. */
  NET_LOSS("net_loss", "net_loss", Kind.PROBABILITY),
  /** Synthetic HTTP 429 with {@code Retry-After}, arriving in waves of consecutive calls. */
  EXCH_429("exch_429", "exch_429", Kind.WAVE),
  /** Synthetic HTTP 500, 502, 503 or 504. */
  EXCH_5XX("exch_5xx", "exch_5xx", Kind.PROBABILITY),
  /** Extra delay before a call; the intensity is the delay in milliseconds. */
  LAT_SPIKE("lat_spike", "lat_spike_ms", Kind.MAGNITUDE),
  /** WebSocket message delivery delayed; the intensity is the lag in milliseconds. */
  WS_LAG("ws_lag", "ws_lag_ms", Kind.MAGNITUDE),
  /** WebSocket connection closed abnormally; the intensity is a rate per minute. */
  WS_DISCONNECT("ws_disconnect", "ws_disconnect", Kind.RATE),
  /** Host name lookup fails as for NXDOMAIN. */
  DNS_FLAP("dns_flap", "dns_flap", Kind.PROBABILITY),
  /** The local clock drifts within plus or minus the intensity, in milliseconds. */
  CLOCK_SKEW("clock_skew", "clock_skew_ms", Kind.MAGNITUDE),
  /** Runs of consecutive 429s (a storm); callers that keep sending may be banned (418). */
  RATE_LIMIT_STORM("rate_limit_storm", "rate_limit_storm", Kind.WAVE),
  /** The bot's order-state view disagrees with the exchange on a reconcile. */
  RECONCILE_MISMATCH("reconcile_mismatch", "reconcile_mismatch", Kind.PROBABILITY);

  /** How a scenario's intensity is interpreted. */
  public enum Kind {
    /** Independent draw per call with the configured probability. */
    PROBABILITY,
    /** Correlated: the configured probability is the long-run share of affected calls. */
    WAVE,
    /** A magnitude (milliseconds) applied with a separate per-call probability. */
    MAGNITUDE,
    /** A Poisson rate per minute; the chance per check depends on the time since the last one. */
    RATE
  }

  private static final Scenario[] VALUES = values();

  private final String key;
  private final String configKey;
  private final Kind kind;

  Scenario(String key, String configKey, Kind kind) {
    this.key = key;
    this.configKey = configKey;
    this.kind = kind;
  }

  /** The stable lower-case key, for example {@code "net_loss"} or {@code "lat_spike"}. */
  public String key() {
    return key;
  }

  /** The flat key in the {@code chaos:} block, for example {@code "lat_spike_ms"}. */
  public String configKey() {
    return configKey;
  }

  /** How this scenario's intensity is read. */
  public Kind kind() {
    return kind;
  }

  /**
   * The scenario with the given {@linkplain #key() key}.
   *
   * @throws IllegalArgumentException if no scenario has that key
   */
  public static Scenario fromKey(String key) {
    for (Scenario s : VALUES) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown scenario key '" + key + "'; expected one of " + java.util.Arrays.toString(keys()));
  }

  private static String[] keys() {
    String[] keys = new String[VALUES.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = VALUES[i].key;
    }
    return keys;
  }
}
