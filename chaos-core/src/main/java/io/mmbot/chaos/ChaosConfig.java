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

  private static final ChaosConfig DEFAULTS = new Builder().build();

  private final boolean enabled;
  private final boolean dryRun;
  private final double netLoss;
  private final double exch429;
  private final double exch5xx;
  private final long latSpikeMs;
  private final double latSpikeProbability;
  private final long wsLagMs;
  private final double wsLagProbability;
  private final double wsDisconnect;
  private final double dnsFlap;
  private final long clockSkewMs;
  private final double clockSkewProbability;
  private final double rateLimitStorm;
  private final double reconcileMismatch;
  private final long burstOnSec;
  private final long burstOffSec;
  private final long maxDurationSec;
  private final double trafficPct;
  private final double instancePct;
  private final int exch429WaveCalls;
  private final int rateLimitStormCalls;
  private final double unknownOutcomeShare;
  private final RollbackConfig rollback;
  private final boolean hasSeed;
  private final long seed;
  private final String instanceId;

  private ChaosConfig(Builder b) {
    this.enabled = b.enabled;
    this.dryRun = b.dryRun;
    this.netLoss = b.netLoss;
    this.exch429 = b.exch429;
    this.exch5xx = b.exch5xx;
    this.latSpikeMs = b.latSpikeMs;
    this.latSpikeProbability = b.latSpikeProbability;
    this.wsLagMs = b.wsLagMs;
    this.wsLagProbability = b.wsLagProbability;
    this.wsDisconnect = b.wsDisconnect;
    this.dnsFlap = b.dnsFlap;
    this.clockSkewMs = b.clockSkewMs;
    this.clockSkewProbability = b.clockSkewProbability;
    this.rateLimitStorm = b.rateLimitStorm;
    this.reconcileMismatch = b.reconcileMismatch;
    this.burstOnSec = b.burstOnSec;
    this.burstOffSec = b.burstOffSec;
    this.maxDurationSec = b.maxDurationSec;
    this.trafficPct = b.trafficPct;
    this.instancePct = b.instancePct;
    this.exch429WaveCalls = b.exch429WaveCalls;
    this.rateLimitStormCalls = b.rateLimitStormCalls;
    this.unknownOutcomeShare = b.unknownOutcomeShare;
    this.rollback = b.rollback;
    this.hasSeed = b.hasSeed;
    this.seed = b.seed;
    this.instanceId = b.instanceId;
  }

  /** A new builder holding the safe defaults. */
  public static Builder builder() {
    return new Builder();
  }

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
    return enabled == this.enabled ? this : toBuilder().enabled(enabled).build();
  }

  /** Whether chaos is switched on. {@code false} is an instant rollback. */
  public boolean enabled() {
    return enabled;
  }

  /** Shadow mode: gates are evaluated and counted, but no hook ever says "inject". */
  public boolean dryRun() {
    return dryRun;
  }

  /** Probability that a request or packet is dropped, in [0, 1]. */
  public double netLoss() {
    return netLoss;
  }

  /** Long-run share of calls answered with a synthetic 429, in [0, 1]; comes in waves. */
  public double exch429() {
    return exch429;
  }

  /** Probability of a synthetic 5xx, in [0, 1]. */
  public double exch5xx() {
    return exch5xx;
  }

  /** Extra delay of a latency spike, in milliseconds. */
  public long latSpikeMs() {
    return latSpikeMs;
  }

  /** Per-call probability of a latency spike, in [0, 1]. */
  public double latSpikeProbability() {
    return latSpikeProbability;
  }

  /** Delay of a lagged WebSocket message, in milliseconds. */
  public long wsLagMs() {
    return wsLagMs;
  }

  /** Per-message probability of WebSocket lag, in [0, 1]. */
  public double wsLagProbability() {
    return wsLagProbability;
  }

  /** Rate of abnormal WebSocket disconnects, per minute. */
  public double wsDisconnect() {
    return wsDisconnect;
  }

  /** Probability that a host name lookup fails, in [0, 1]. */
  public double dnsFlap() {
    return dnsFlap;
  }

  /** Bound of the clock skew, in milliseconds: the offset stays within plus or minus this. */
  public long clockSkewMs() {
    return clockSkewMs;
  }

  /** Probability that the clock is skewed on a read, in [0, 1]. */
  public double clockSkewProbability() {
    return clockSkewProbability;
  }

  /** Long-run share of calls caught in a rate-limit storm, in [0, 1]. */
  public double rateLimitStorm() {
    return rateLimitStorm;
  }

  /** Probability that a reconcile sees a perturbed order-state view, in [0, 1]. */
  public double reconcileMismatch() {
    return reconcileMismatch;
  }

  /** Length of the active phase of the burst clock, in seconds. */
  public long burstOnSec() {
    return burstOnSec;
  }

  /** Length of the quiet phase of the burst clock, in seconds; 0 means continuous chaos. */
  public long burstOffSec() {
    return burstOffSec;
  }

  /** Chaos switches itself off this long after it was enabled; 0 means no expiry. */
  public long maxDurationSec() {
    return maxDurationSec;
  }

  /** Share of calls, in percent, that chaos may touch (blast radius). */
  public double trafficPct() {
    return trafficPct;
  }

  /** Share of bot instances, in percent, that chaos may touch (blast radius). */
  public double instancePct() {
    return instancePct;
  }

  /** Number of consecutive calls one 429 wave lasts. */
  public int exch429WaveCalls() {
    return exch429WaveCalls;
  }

  /** Number of consecutive calls one rate-limit storm lasts. */
  public int rateLimitStormCalls() {
    return rateLimitStormCalls;
  }

  /** Share of EXCH_5XX and NET_LOSS faults that strike after the request reached the server. */
  public double unknownOutcomeShare() {
    return unknownOutcomeShare;
  }

  /** Thresholds and windows of the automatic rollback triggers. */
  public RollbackConfig rollback() {
    return rollback;
  }

  /** Whether a fixed seed was given; without one, decisions are not reproducible. */
  public boolean hasSeed() {
    return hasSeed;
  }

  /** The fixed seed; meaningful only when {@link #hasSeed()} is true. */
  public long seed() {
    return seed;
  }

  /**
   * The id of this bot instance for {@code instance_pct} ({@code chaos.instance_id}), or "" when
   * not set; the injector then falls back to the id given in code, the {@code MM_CHAOS_INSTANCE_ID}
   * environment variable, or the host name (see {@link ChaosInjector#instanceId()}).
   */
  public String instanceId() {
    return instanceId;
  }

  /**
   * The configured intensity of a scenario in its own unit: a probability, a magnitude in
   * milliseconds, or a rate per minute (see {@link Scenario#kind()}).
   */
  public double intensity(Scenario scenario) {
    switch (scenario) {
      case NET_LOSS:
        return netLoss;
      case EXCH_429:
        return exch429;
      case EXCH_5XX:
        return exch5xx;
      case LAT_SPIKE:
        return latSpikeMs;
      case WS_LAG:
        return wsLagMs;
      case WS_DISCONNECT:
        return wsDisconnect;
      case DNS_FLAP:
        return dnsFlap;
      case CLOCK_SKEW:
        return clockSkewMs;
      case RATE_LIMIT_STORM:
        return rateLimitStorm;
      case RECONCILE_MISMATCH:
        return reconcileMismatch;
    }
    throw new AssertionError(scenario);
  }

  /**
   * The per-call probability of a scenario before the burst clock and blast radius apply: the
   * intensity for probability and wave scenarios, the separate probability for magnitude scenarios
   * (0 when the magnitude is 0), and {@code NaN} for the rate scenario {@link
   * Scenario#WS_DISCONNECT}, whose chance depends on the time between checks.
   */
  public double probability(Scenario scenario) {
    switch (scenario) {
      case LAT_SPIKE:
        return latSpikeMs == 0 ? 0 : latSpikeProbability;
      case WS_LAG:
        return wsLagMs == 0 ? 0 : wsLagProbability;
      case CLOCK_SKEW:
        return clockSkewMs == 0 ? 0 : clockSkewProbability;
      case WS_DISCONNECT:
        return Double.NaN;
      default:
        return intensity(scenario);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ChaosConfig)) {
      return false;
    }
    ChaosConfig c = (ChaosConfig) o;
    return enabled == c.enabled
        && dryRun == c.dryRun
        && Double.compare(netLoss, c.netLoss) == 0
        && Double.compare(exch429, c.exch429) == 0
        && Double.compare(exch5xx, c.exch5xx) == 0
        && latSpikeMs == c.latSpikeMs
        && Double.compare(latSpikeProbability, c.latSpikeProbability) == 0
        && wsLagMs == c.wsLagMs
        && Double.compare(wsLagProbability, c.wsLagProbability) == 0
        && Double.compare(wsDisconnect, c.wsDisconnect) == 0
        && Double.compare(dnsFlap, c.dnsFlap) == 0
        && clockSkewMs == c.clockSkewMs
        && Double.compare(clockSkewProbability, c.clockSkewProbability) == 0
        && Double.compare(rateLimitStorm, c.rateLimitStorm) == 0
        && Double.compare(reconcileMismatch, c.reconcileMismatch) == 0
        && burstOnSec == c.burstOnSec
        && burstOffSec == c.burstOffSec
        && maxDurationSec == c.maxDurationSec
        && Double.compare(trafficPct, c.trafficPct) == 0
        && Double.compare(instancePct, c.instancePct) == 0
        && exch429WaveCalls == c.exch429WaveCalls
        && rateLimitStormCalls == c.rateLimitStormCalls
        && Double.compare(unknownOutcomeShare, c.unknownOutcomeShare) == 0
        && rollback.equals(c.rollback)
        && hasSeed == c.hasSeed
        && seed == c.seed
        && instanceId.equals(c.instanceId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        enabled,
        dryRun,
        netLoss,
        exch429,
        exch5xx,
        latSpikeMs,
        latSpikeProbability,
        wsLagMs,
        wsLagProbability,
        wsDisconnect,
        dnsFlap,
        clockSkewMs,
        clockSkewProbability,
        rateLimitStorm,
        reconcileMismatch,
        burstOnSec,
        burstOffSec,
        maxDurationSec,
        trafficPct,
        instancePct,
        exch429WaveCalls,
        rateLimitStormCalls,
        unknownOutcomeShare,
        rollback,
        hasSeed,
        seed,
        instanceId);
  }

  @Override
  public String toString() {
    return "ChaosConfig{enabled="
        + enabled
        + ", dry_run="
        + dryRun
        + ", net_loss="
        + netLoss
        + ", exch_429="
        + exch429
        + ", exch_5xx="
        + exch5xx
        + ", lat_spike_ms="
        + latSpikeMs
        + " (p="
        + latSpikeProbability
        + "), ws_lag_ms="
        + wsLagMs
        + " (p="
        + wsLagProbability
        + "), ws_disconnect="
        + wsDisconnect
        + "/min, dns_flap="
        + dnsFlap
        + ", clock_skew_ms="
        + clockSkewMs
        + " (p="
        + clockSkewProbability
        + "), rate_limit_storm="
        + rateLimitStorm
        + ", reconcile_mismatch="
        + reconcileMismatch
        + ", burst_on_sec="
        + burstOnSec
        + ", burst_off_sec="
        + burstOffSec
        + ", max_duration_sec="
        + maxDurationSec
        + ", traffic_pct="
        + trafficPct
        + ", instance_pct="
        + instancePct
        + ", exch_429_wave_calls="
        + exch429WaveCalls
        + ", rate_limit_storm_calls="
        + rateLimitStormCalls
        + ", unknown_outcome_share="
        + unknownOutcomeShare
        + ", rollback="
        + rollback
        + ", seed="
        + (hasSeed ? Long.toString(seed) : "none")
        + (instanceId.isEmpty() ? "" : ", instance_id=" + instanceId)
        + '}';
  }

  /**
   * Builds a {@link ChaosConfig}. Setters record values as given; {@link #build()} checks them all.
   * Not thread-safe.
   */
  public static final class Builder {
    private boolean enabled = false;
    private boolean dryRun = true;
    private double netLoss;
    private double exch429;
    private double exch5xx;
    private long latSpikeMs;
    private double latSpikeProbability = DEFAULT_LAT_SPIKE_PROBABILITY;
    private long wsLagMs;
    private double wsLagProbability = DEFAULT_WS_LAG_PROBABILITY;
    private double wsDisconnect;
    private double dnsFlap;
    private long clockSkewMs;
    private double clockSkewProbability = DEFAULT_CLOCK_SKEW_PROBABILITY;
    private double rateLimitStorm;
    private double reconcileMismatch;
    private long burstOnSec = 30;
    private long burstOffSec = 90;
    private long maxDurationSec;
    private double trafficPct = 100;
    private double instancePct = 100;
    private int exch429WaveCalls = DEFAULT_EXCH_429_WAVE_CALLS;
    private int rateLimitStormCalls = DEFAULT_RATE_LIMIT_STORM_CALLS;
    private double unknownOutcomeShare = DEFAULT_UNKNOWN_OUTCOME_SHARE;
    private RollbackConfig rollback = RollbackConfig.defaults();
    private boolean hasSeed;
    private long seed;
    private String instanceId = "";

    private Builder() {}

    private Builder(ChaosConfig c) {
      enabled = c.enabled;
      dryRun = c.dryRun;
      netLoss = c.netLoss;
      exch429 = c.exch429;
      exch5xx = c.exch5xx;
      latSpikeMs = c.latSpikeMs;
      latSpikeProbability = c.latSpikeProbability;
      wsLagMs = c.wsLagMs;
      wsLagProbability = c.wsLagProbability;
      wsDisconnect = c.wsDisconnect;
      dnsFlap = c.dnsFlap;
      clockSkewMs = c.clockSkewMs;
      clockSkewProbability = c.clockSkewProbability;
      rateLimitStorm = c.rateLimitStorm;
      reconcileMismatch = c.reconcileMismatch;
      burstOnSec = c.burstOnSec;
      burstOffSec = c.burstOffSec;
      maxDurationSec = c.maxDurationSec;
      trafficPct = c.trafficPct;
      instancePct = c.instancePct;
      exch429WaveCalls = c.exch429WaveCalls;
      rateLimitStormCalls = c.rateLimitStormCalls;
      unknownOutcomeShare = c.unknownOutcomeShare;
      rollback = c.rollback;
      hasSeed = c.hasSeed;
      seed = c.seed;
      instanceId = c.instanceId;
    }

    /** Switches chaos on or off ({@code chaos.enabled}, default false). */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** Shadow mode ({@code chaos.dry_run}, default true). */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /** Probability of a dropped request ({@code chaos.net_loss}, [0, 1]). */
    public Builder netLoss(double p) {
      this.netLoss = p;
      return this;
    }

    /** Long-run share of 429 answers ({@code chaos.exch_429}, [0, 1]). */
    public Builder exch429(double p) {
      this.exch429 = p;
      return this;
    }

    /** Probability of a 5xx ({@code chaos.exch_5xx}, [0, 1]). */
    public Builder exch5xx(double p) {
      this.exch5xx = p;
      return this;
    }

    /** Latency spike in ms ({@code chaos.lat_spike_ms}, [0, {@value #MAX_DELAY_MS}]). */
    public Builder latSpikeMs(long ms) {
      this.latSpikeMs = ms;
      return this;
    }

    /**
     * Per-call probability of a latency spike (default {@value #DEFAULT_LAT_SPIKE_PROBABILITY}).
     */
    public Builder latSpikeProbability(double p) {
      this.latSpikeProbability = p;
      return this;
    }

    /** WebSocket lag in ms ({@code chaos.ws_lag_ms}, [0, {@value #MAX_DELAY_MS}]). */
    public Builder wsLagMs(long ms) {
      this.wsLagMs = ms;
      return this;
    }

    /** Per-message probability of WebSocket lag (default {@value #DEFAULT_WS_LAG_PROBABILITY}). */
    public Builder wsLagProbability(double p) {
      this.wsLagProbability = p;
      return this;
    }

    /** Abnormal disconnects per minute ({@code chaos.ws_disconnect}). */
    public Builder wsDisconnect(double ratePerMinute) {
      this.wsDisconnect = ratePerMinute;
      return this;
    }

    /** Probability of a failed lookup ({@code chaos.dns_flap}, [0, 1]). */
    public Builder dnsFlap(double p) {
      this.dnsFlap = p;
      return this;
    }

    /** Clock skew bound in ms ({@code chaos.clock_skew_ms}, [0, {@value #MAX_CLOCK_SKEW_MS}]). */
    public Builder clockSkewMs(long ms) {
      this.clockSkewMs = ms;
      return this;
    }

    /**
     * Probability that a clock read is skewed (default {@value #DEFAULT_CLOCK_SKEW_PROBABILITY}).
     */
    public Builder clockSkewProbability(double p) {
      this.clockSkewProbability = p;
      return this;
    }

    /** Long-run share of calls in a storm ({@code chaos.rate_limit_storm}, [0, 1]). */
    public Builder rateLimitStorm(double p) {
      this.rateLimitStorm = p;
      return this;
    }

    /** Probability of a perturbed reconcile ({@code chaos.reconcile_mismatch}, [0, 1]). */
    public Builder reconcileMismatch(double p) {
      this.reconcileMismatch = p;
      return this;
    }

    /** Active phase of the burst clock in seconds ({@code chaos.burst_on_sec}, default 30). */
    public Builder burstOnSec(long sec) {
      this.burstOnSec = sec;
      return this;
    }

    /** Quiet phase in seconds ({@code chaos.burst_off_sec}, default 90; 0 = continuous). */
    public Builder burstOffSec(long sec) {
      this.burstOffSec = sec;
      return this;
    }

    /** Expiry in seconds after chaos is enabled ({@code chaos.max_duration_sec}; 0 = none). */
    public Builder maxDurationSec(long sec) {
      this.maxDurationSec = sec;
      return this;
    }

    /** Share of calls chaos may touch, in percent ({@code chaos.traffic_pct}, default 100). */
    public Builder trafficPct(double pct) {
      this.trafficPct = pct;
      return this;
    }

    /** Share of instances chaos may touch, in percent ({@code chaos.instance_pct}, default 100). */
    public Builder instancePct(double pct) {
      this.instancePct = pct;
      return this;
    }

    /** Consecutive calls in one 429 wave (default {@value #DEFAULT_EXCH_429_WAVE_CALLS}). */
    public Builder exch429WaveCalls(int calls) {
      this.exch429WaveCalls = calls;
      return this;
    }

    /** Consecutive calls in one storm (default {@value #DEFAULT_RATE_LIMIT_STORM_CALLS}). */
    public Builder rateLimitStormCalls(int calls) {
      this.rateLimitStormCalls = calls;
      return this;
    }

    /** Share of 5xx and loss faults applied after the request reached the server. */
    public Builder unknownOutcomeShare(double share) {
      this.unknownOutcomeShare = share;
      return this;
    }

    /** Thresholds and windows of the automatic rollback triggers ({@code chaos.rollback}). */
    public Builder rollback(RollbackConfig rollback) {
      this.rollback = Objects.requireNonNull(rollback, "rollback");
      return this;
    }

    /** Fixes the random seed so the same calls at the same times give the same decisions. */
    public Builder seed(long seed) {
      this.hasSeed = true;
      this.seed = seed;
      return this;
    }

    /**
     * The id of this bot instance for {@code instance_pct} ({@code chaos.instance_id}, 1 to {@value
     * #MAX_INSTANCE_ID_LENGTH} characters, no control characters; surrounding spaces are dropped).
     * Null or "" means not set.
     */
    public Builder instanceId(String instanceId) {
      this.instanceId = instanceId == null ? "" : instanceId;
      return this;
    }

    /** Forgets a seed set earlier: decisions use an unseeded, thread-local source. */
    public Builder noSeed() {
      this.hasSeed = false;
      this.seed = 0;
      return this;
    }

    /**
     * Checks every value and builds the configuration.
     *
     * @throws IllegalArgumentException naming the first bad field, its value and the allowed range
     */
    public ChaosConfig build() {
      probability("netLoss", "net_loss", netLoss);
      probability("exch429", "exch_429", exch429);
      probability("exch5xx", "exch_5xx", exch5xx);
      range("latSpikeMs", "lat_spike_ms", latSpikeMs, MAX_DELAY_MS);
      probability("latSpikeProbability", "lat_spike.probability", latSpikeProbability);
      range("wsLagMs", "ws_lag_ms", wsLagMs, MAX_DELAY_MS);
      probability("wsLagProbability", "ws_lag.probability", wsLagProbability);
      bounded(
          "wsDisconnect", "ws_disconnect", wsDisconnect, MAX_WS_DISCONNECT_PER_MIN, "per minute");
      probability("dnsFlap", "dns_flap", dnsFlap);
      range("clockSkewMs", "clock_skew_ms", clockSkewMs, MAX_CLOCK_SKEW_MS);
      probability("clockSkewProbability", "clock_skew.probability", clockSkewProbability);
      probability("rateLimitStorm", "rate_limit_storm", rateLimitStorm);
      probability("reconcileMismatch", "reconcile_mismatch", reconcileMismatch);
      range("burstOnSec", "burst_on_sec", burstOnSec, MAX_BURST_SEC);
      range("burstOffSec", "burst_off_sec", burstOffSec, MAX_BURST_SEC);
      range("maxDurationSec", "max_duration_sec", maxDurationSec, MAX_DURATION_SEC);
      bounded("trafficPct", "traffic_pct", trafficPct, 100, "percent");
      bounded("instancePct", "instance_pct", instancePct, 100, "percent");
      calls("exch429WaveCalls", "exch_429.wave_calls", exch429WaveCalls);
      calls("rateLimitStormCalls", "rate_limit_storm.storm_calls", rateLimitStormCalls);
      probability("unknownOutcomeShare", "unknown_outcome_share", unknownOutcomeShare);
      instanceId = checkedInstanceId(instanceId);
      if (burstOnSec == 0 && burstOffSec > 0) {
        throw new IllegalArgumentException(
            "burstOnSec (chaos.burst_on_sec) = 0 with burstOffSec = "
                + burstOffSec
                + " would never be active: burst_on_sec must be in [1, "
                + MAX_BURST_SEC
                + "] unless burst_off_sec is 0 (continuous chaos)");
      }
      return new ChaosConfig(this);
    }

    private static String checkedInstanceId(String id) {
      if (id.isEmpty()) {
        return id;
      }
      String t = id.strip();
      String why = null;
      if (t.isEmpty()) {
        why = "is blank: give 1 to " + MAX_INSTANCE_ID_LENGTH + " characters, or leave it out";
      } else if (t.length() > MAX_INSTANCE_ID_LENGTH) {
        why = "has " + t.length() + " characters, more than " + MAX_INSTANCE_ID_LENGTH;
      } else if (t.chars().anyMatch(Character::isISOControl)) {
        why = "holds a control character";
      }
      if (why != null) {
        throw new IllegalArgumentException("instanceId (chaos.instance_id) " + why);
      }
      return t;
    }

    private static void probability(String field, String key, double value) {
      bounded(field, key, value, 1.0, "probability");
    }

    private static void bounded(String field, String key, double value, double max, String unit) {
      ConfigChecks.finiteUpTo(field, "chaos." + key, value, max, unit);
    }

    private static void range(String field, String key, long value, long max) {
      ConfigChecks.inRange(field, "chaos." + key, value, 0, max, "");
    }

    private static void calls(String field, String key, int value) {
      ConfigChecks.inRange(field, "chaos." + key, value, 1, MAX_RUN_CALLS, "calls");
    }
  }
}
