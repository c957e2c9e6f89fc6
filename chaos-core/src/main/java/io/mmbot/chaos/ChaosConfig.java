package io.mmbot.chaos;

import java.util.Objects;

/**
 * An immutable, validated chaos configuration: the {@code chaos:} block of the bot's {@code
 * config.yaml} as a value.
 *
 * <p>Defaults are safe: chaos is disabled, dry-run (shadow mode) is on, every intensity is 0,
 * bursts last 30 s every 120 s (30 s on, 90 s off), all traffic and all instances are in the blast
 * radius and there is no expiry. Every value is checked when {@link Builder#build()} is called; a
 * bad value is an {@link IllegalArgumentException} naming the builder field, its config key, the
 * value and the allowed range.
 *
 * <p>Magnitude scenarios ({@link Scenario#LAT_SPIKE}, {@link Scenario#WS_LAG}, {@link
 * Scenario#CLOCK_SKEW}) take a magnitude in milliseconds and a per-call probability. The flat
 * config keys give only the magnitude; the probability defaults to {@value
 * #DEFAULT_LAT_SPIKE_PROBABILITY} for latency spikes, {@value #DEFAULT_WS_LAG_PROBABILITY} for
 * WebSocket lag, and {@value #DEFAULT_CLOCK_SKEW_PROBABILITY} for clock skew (the skew is a state
 * of the clock that holds for the whole burst rather than a per-call event).
 */
public final class ChaosConfig {

  /** Default per-call probability of a latency spike when only {@code lat_spike_ms} is given. */
  public static final double DEFAULT_LAT_SPIKE_PROBABILITY = 0.1;

  /** Default per-message probability of WebSocket lag when only {@code ws_lag_ms} is given. */
  public static final double DEFAULT_WS_LAG_PROBABILITY = 0.1;

  /** Default probability of clock skew: the skew holds for the whole burst. */
  public static final double DEFAULT_CLOCK_SKEW_PROBABILITY = 1.0;

  /** Default number of consecutive calls a 429 wave lasts. */
  public static final int DEFAULT_EXCH_429_WAVE_CALLS = 5;

  /** Default number of consecutive calls a rate-limit storm lasts. */
  public static final int DEFAULT_RATE_LIMIT_STORM_CALLS = 20;

  /** Default share of EXCH_5XX and NET_LOSS faults applied after the request reached the server. */
  public static final double DEFAULT_UNKNOWN_OUTCOME_SHARE = 0.5;

  /**
   * Default share of the NET_LOSS faults striking after sending whose connection is cut while the
   * response is on its way (a body cut short or a reset), instead of a response that never comes.
   */
  public static final double DEFAULT_NET_LOSS_CUT_SHARE = 0.5;

  private static final ChaosConfig DEFAULTS = new Builder().build();

  private final ConfigValues v;

  /** The settings of each scenario, by ordinal. */
  private final ScenarioSetting[] scenarios;

  private ChaosConfig(ConfigValues v) {
    this.scenarios = v.scenarios().toArray(new ScenarioSetting[0]);
    this.v = v;
  }

  /** A new builder holding the safe defaults. */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- scenarios

  /** Probability that a request or packet is dropped, in [0, 1]. */
  public double netLoss() {
    return intensity(Scenario.NET_LOSS);
  }

  /** Long-run share of calls answered with a synthetic 429, in [0, 1]; comes in waves. */
  public double exch429() {
    return intensity(Scenario.EXCH_429);
  }

  /** Probability of a synthetic 5xx, in [0, 1]. */
  public double exch5xx() {
    return intensity(Scenario.EXCH_5XX);
  }

  /** Extra delay of a latency spike, in milliseconds. */
  public long latSpikeMs() {
    return (long) intensity(Scenario.LAT_SPIKE);
  }

  /** Per-call probability of a latency spike, in [0, 1]. */
  public double latSpikeProbability() {
    return magnitudeProbability(Scenario.LAT_SPIKE);
  }

  /** Delay of a lagged WebSocket message, in milliseconds. */
  public long wsLagMs() {
    return (long) intensity(Scenario.WS_LAG);
  }

  /** Per-message probability of WebSocket lag, in [0, 1]. */
  public double wsLagProbability() {
    return magnitudeProbability(Scenario.WS_LAG);
  }

  /** Rate of abnormal WebSocket disconnects, per minute. */
  public double wsDisconnect() {
    return intensity(Scenario.WS_DISCONNECT);
  }

  /** Probability that a host name lookup fails, in [0, 1]. */
  public double dnsFlap() {
    return intensity(Scenario.DNS_FLAP);
  }

  /** Bound of the clock skew, in milliseconds: the offset stays within plus or minus this. */
  public long clockSkewMs() {
    return (long) intensity(Scenario.CLOCK_SKEW);
  }

  /** Probability that the clock is skewed on a read, in [0, 1]. */
  public double clockSkewProbability() {
    return magnitudeProbability(Scenario.CLOCK_SKEW);
  }

  /** Long-run share of calls caught in a rate-limit storm, in [0, 1]. */
  public double rateLimitStorm() {
    return intensity(Scenario.RATE_LIMIT_STORM);
  }

  /** Probability that a reconcile sees a perturbed order-state view, in [0, 1]. */
  public double reconcileMismatch() {
    return intensity(Scenario.RECONCILE_MISMATCH);
  }

  /** Number of consecutive calls one 429 wave lasts. */
  public int exch429WaveCalls() {
    return runCalls(Scenario.EXCH_429);
  }

  /** Number of consecutive calls one rate-limit storm lasts. */
  public int rateLimitStormCalls() {
    return runCalls(Scenario.RATE_LIMIT_STORM);
  }

  /**
   * The configured intensity of a scenario in its own unit: a probability, a magnitude in
   * milliseconds, or a rate per minute (see {@link Scenario#kind()}).
   */
  public double intensity(Scenario scenario) {
    return scenarios[scenario.ordinal()].intensity();
  }

  /**
   * The per-call probability of a magnitude scenario as configured (also while its magnitude is 0);
   * 0 for the other kinds.
   */
  public double magnitudeProbability(Scenario scenario) {
    return scenarios[scenario.ordinal()].probability();
  }

  /** The number of consecutive calls one run of a wave scenario lasts; 0 for the other kinds. */
  public int runCalls(Scenario scenario) {
    return scenarios[scenario.ordinal()].runCalls();
  }

  /**
   * The per-call probability of a scenario before the burst clock and blast radius apply: the
   * intensity for probability and wave scenarios, the separate probability for magnitude scenarios
   * (0 when the magnitude is 0), and {@code NaN} for the rate scenario {@link
   * Scenario#WS_DISCONNECT}, whose chance depends on the time between checks.
   */
  public double probability(Scenario scenario) {
    return scenarios[scenario.ordinal()].gateProbability(scenario);
  }

  // ---------------------------------------------------------------- the rest

  /** The safe defaults: disabled, dry-run, every intensity 0. */
  public static ChaosConfig defaults() {
    return DEFAULTS;
  }

  /** A builder initialised from this configuration, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A copy of this configuration with {@code enabled} set as given. */
  public ChaosConfig withEnabled(boolean enabled) {
    return enabled == v.enabled() ? this : toBuilder().enabled(enabled).build();
  }

  /** Whether chaos is switched on. {@code false} is an instant rollback. */
  public boolean enabled() {
    return v.enabled();
  }

  /** Shadow mode: gates are evaluated and counted, but no hook ever says "inject". */
  public boolean dryRun() {
    return v.dryRun();
  }

  /** Length of the active phase of the burst clock, in seconds. */
  public long burstOnSec() {
    return v.burstOnSec();
  }

  /** Length of the quiet phase of the burst clock, in seconds; 0 means continuous chaos. */
  public long burstOffSec() {
    return v.burstOffSec();
  }

  /** Chaos switches itself off this long after it was enabled; 0 means no expiry. */
  public long maxDurationSec() {
    return v.maxDurationSec();
  }

  /** Share of calls, in percent, that chaos may touch (blast radius). */
  public double trafficPct() {
    return v.trafficPct();
  }

  /** Share of bot instances, in percent, that chaos may touch (blast radius). */
  public double instancePct() {
    return v.instancePct();
  }

  /** Share of EXCH_5XX and NET_LOSS faults that strike after the request reached the server. */
  public double unknownOutcomeShare() {
    return v.unknownOutcomeShare();
  }

  /**
   * Whether a DNS_FLAP is drawn once per call and also evicts the client's idle pooled connections,
   * so that the call meets a failed lookup even on a client that would have reused a connection
   * ({@code chaos.dns_flap_evict_pool}, default false: the flap is drawn per lookup, and calls on a
   * pooled connection do no lookup). Applied by adapters whose client pools connections.
   */
  public boolean dnsFlapEvictPool() {
    return v.dnsFlapEvictPool();
  }

  /**
   * Share of the NET_LOSS faults striking after sending ({@link #unknownOutcomeShare()}) whose
   * connection is cut while the response is on its way ({@code chaos.net_loss.cut_share}); the rest
   * lose the response silently until the caller's timeout.
   */
  public double netLossCutShare() {
    return v.netLossCutShare();
  }

  /** Thresholds and windows of the automatic rollback triggers. */
  public RollbackConfig rollback() {
    return v.rollback();
  }

  /** Whether a fixed seed was given; without one, decisions are not reproducible. */
  public boolean hasSeed() {
    return v.hasSeed();
  }

  /** The fixed seed; meaningful only when {@link #hasSeed()} is true. */
  public long seed() {
    return v.seed();
  }

  /**
   * The id of this bot instance for {@code instance_pct} ({@code chaos.instance_id}), or "" when
   * not set; the injector then falls back to the id given in code, the {@code MM_CHAOS_INSTANCE_ID}
   * environment variable, or the host name (see {@link ChaosInjector#instanceId()}).
   */
  public String instanceId() {
    return v.instanceId();
  }

  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof ChaosConfig && v.equals(((ChaosConfig) o).v);
  }

  @Override
  public int hashCode() {
    return v.hashCode();
  }

  @Override
  public String toString() {
    return v.toString();
  }

  /**
   * Builds a {@link ChaosConfig}. Setters record values as given; {@link #build()} checks them all.
   * Not thread-safe.
   */
  public static final class Builder {

    private final ConfigDraft d;

    private Builder() {
      this.d = new ConfigDraft();
    }

    private Builder(ChaosConfig c) {
      this.d = new ConfigDraft(c.v);
    }

    /** Switches chaos on or off ({@code chaos.enabled}, default false). */
    public Builder enabled(boolean enabled) {
      d.enabled = enabled;
      return this;
    }

    /** Shadow mode ({@code chaos.dry_run}, default true). */
    public Builder dryRun(boolean dryRun) {
      d.dryRun = dryRun;
      return this;
    }

    /** Active phase of the burst clock in seconds ({@code chaos.burst_on_sec}, default 30). */
    public Builder burstOnSec(long sec) {
      d.burstOnSec = sec;
      return this;
    }

    /** Quiet phase in seconds ({@code chaos.burst_off_sec}, default 90; 0 = continuous). */
    public Builder burstOffSec(long sec) {
      d.burstOffSec = sec;
      return this;
    }

    /** Expiry in seconds after chaos is enabled ({@code chaos.max_duration_sec}; 0 = none). */
    public Builder maxDurationSec(long sec) {
      d.maxDurationSec = sec;
      return this;
    }

    /** Share of calls chaos may touch, in percent ({@code chaos.traffic_pct}, default 100). */
    public Builder trafficPct(double pct) {
      d.trafficPct = pct;
      return this;
    }

    /** Share of instances chaos may touch, in percent ({@code chaos.instance_pct}, default 100). */
    public Builder instancePct(double pct) {
      d.instancePct = pct;
      return this;
    }

    /** Share of 5xx and loss faults applied after the request reached the server. */
    public Builder unknownOutcomeShare(double share) {
      d.unknownOutcomeShare = share;
      return this;
    }

    /**
     * DNS_FLAP per call, evicting pooled connections ({@code chaos.dns_flap_evict_pool}, default
     * false); see {@link ChaosConfig#dnsFlapEvictPool()}.
     */
    public Builder dnsFlapEvictPool(boolean evict) {
      d.dnsFlapEvictPool = evict;
      return this;
    }

    /**
     * Share, in [0, 1], of the NET_LOSS faults after sending that cut the connection mid-response
     * ({@code chaos.net_loss.cut_share}, default 0.5).
     */
    public Builder netLossCutShare(double share) {
      d.netLossCutShare = share;
      return this;
    }

    /** Thresholds and windows of the automatic rollback triggers ({@code chaos.rollback}). */
    public Builder rollback(RollbackConfig rollback) {
      d.rollback = Objects.requireNonNull(rollback, "rollback");
      return this;
    }

    /** Fixes the random seed so the same calls at the same times give the same decisions. */
    public Builder seed(long seed) {
      d.hasSeed = true;
      d.seed = seed;
      return this;
    }

    /**
     * The id of this bot instance for {@code instance_pct} ({@code chaos.instance_id}, 1 to {@value
     * ChaosLimits#MAX_INSTANCE_ID_LENGTH} characters, no control characters; surrounding spaces are
     * dropped). Null or "" means not set.
     */
    public Builder instanceId(String instanceId) {
      d.instanceId = instanceId == null ? "" : instanceId;
      return this;
    }

    /** Forgets a seed set earlier: decisions use an unseeded, thread-local source. */
    public Builder noSeed() {
      d.hasSeed = false;
      d.seed = 0;
      return this;
    }

    /**
     * Checks every value and builds the configuration.
     *
     * @throws IllegalArgumentException naming the first bad field, its value and the allowed range
     */
    public ChaosConfig build() {
      return new ChaosConfig(d.checked());
    }

    /**
     * The intensity of a probability, wave or rate scenario, in its own unit (see {@link
     * Scenario#kind()}); magnitude scenarios take {@link #magnitudeMs}.
     *
     * @throws IllegalArgumentException for a magnitude scenario
     */
    public Builder intensity(Scenario scenario, double value) {
      d.intensity(scenario, value);
      return this;
    }

    /**
     * The magnitude of a magnitude scenario, in milliseconds.
     *
     * @throws IllegalArgumentException for a scenario of another kind
     */
    public Builder magnitudeMs(Scenario scenario, long ms) {
      d.magnitudeMs(scenario, ms);
      return this;
    }

    /**
     * The per-call probability of a magnitude scenario.
     *
     * @throws IllegalArgumentException for a scenario of another kind
     */
    public Builder magnitudeProbability(Scenario scenario, double p) {
      d.magnitudeProbability(scenario, p);
      return this;
    }

    /**
     * The number of consecutive calls one run of a wave scenario lasts.
     *
     * @throws IllegalArgumentException for a scenario of another kind
     */
    public Builder runCalls(Scenario scenario, int calls) {
      d.runCalls(scenario, calls);
      return this;
    }

    /** Probability of a dropped request ({@code chaos.net_loss}, [0, 1]). */
    public Builder netLoss(double p) {
      return intensity(Scenario.NET_LOSS, p);
    }

    /** Long-run share of 429 answers ({@code chaos.exch_429}, [0, 1]). */
    public Builder exch429(double p) {
      return intensity(Scenario.EXCH_429, p);
    }

    /** Probability of a 5xx ({@code chaos.exch_5xx}, [0, 1]). */
    public Builder exch5xx(double p) {
      return intensity(Scenario.EXCH_5XX, p);
    }

    /** Latency spike in ms ({@code chaos.lat_spike_ms}, [0, {@value ChaosLimits#MAX_DELAY_MS}]). */
    public Builder latSpikeMs(long ms) {
      return magnitudeMs(Scenario.LAT_SPIKE, ms);
    }

    /**
     * Per-call probability of a latency spike (default {@value
     * ChaosConfig#DEFAULT_LAT_SPIKE_PROBABILITY}).
     */
    public Builder latSpikeProbability(double p) {
      return magnitudeProbability(Scenario.LAT_SPIKE, p);
    }

    /** WebSocket lag in ms ({@code chaos.ws_lag_ms}, [0, {@value ChaosLimits#MAX_DELAY_MS}]). */
    public Builder wsLagMs(long ms) {
      return magnitudeMs(Scenario.WS_LAG, ms);
    }

    /**
     * Per-message probability of WebSocket lag (default {@value
     * ChaosConfig#DEFAULT_WS_LAG_PROBABILITY}).
     */
    public Builder wsLagProbability(double p) {
      return magnitudeProbability(Scenario.WS_LAG, p);
    }

    /** Abnormal disconnects per minute ({@code chaos.ws_disconnect}). */
    public Builder wsDisconnect(double ratePerMinute) {
      return intensity(Scenario.WS_DISCONNECT, ratePerMinute);
    }

    /** Probability of a failed lookup ({@code chaos.dns_flap}, [0, 1]). */
    public Builder dnsFlap(double p) {
      return intensity(Scenario.DNS_FLAP, p);
    }

    /**
     * Clock skew bound in ms ({@code chaos.clock_skew_ms}, [0, {@value
     * ChaosLimits#MAX_CLOCK_SKEW_MS}]).
     */
    public Builder clockSkewMs(long ms) {
      return magnitudeMs(Scenario.CLOCK_SKEW, ms);
    }

    /**
     * Probability that a clock read is skewed (default {@value
     * ChaosConfig#DEFAULT_CLOCK_SKEW_PROBABILITY}).
     */
    public Builder clockSkewProbability(double p) {
      return magnitudeProbability(Scenario.CLOCK_SKEW, p);
    }

    /** Long-run share of calls in a storm ({@code chaos.rate_limit_storm}, [0, 1]). */
    public Builder rateLimitStorm(double p) {
      return intensity(Scenario.RATE_LIMIT_STORM, p);
    }

    /** Probability of a perturbed reconcile ({@code chaos.reconcile_mismatch}, [0, 1]). */
    public Builder reconcileMismatch(double p) {
      return intensity(Scenario.RECONCILE_MISMATCH, p);
    }

    /**
     * Consecutive calls in one 429 wave (default {@value ChaosConfig#DEFAULT_EXCH_429_WAVE_CALLS}).
     */
    public Builder exch429WaveCalls(int calls) {
      return runCalls(Scenario.EXCH_429, calls);
    }

    /**
     * Consecutive calls in one storm (default {@value ChaosConfig#DEFAULT_RATE_LIMIT_STORM_CALLS}).
     */
    public Builder rateLimitStormCalls(int calls) {
      return runCalls(Scenario.RATE_LIMIT_STORM, calls);
    }
  }
}
