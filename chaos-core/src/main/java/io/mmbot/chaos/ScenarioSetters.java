package io.mmbot.chaos;

/**
 * The per-scenario half of {@link ChaosConfig.Builder}: the setters of each scenario's intensity,
 * probability and run length. Values are recorded as given and checked when the configuration is
 * built. Not thread-safe.
 *
 * @param <B> the builder type the setters return, for chaining
 */
abstract class ScenarioSetters<B extends ScenarioSetters<B>> {

  final ConfigDraft d;

  ScenarioSetters(ConfigDraft d) {
    this.d = d;
  }

  /** This builder, for chaining. */
  abstract B self();

  /**
   * The intensity of a probability, wave or rate scenario, in its own unit (see {@link
   * Scenario#kind()}); magnitude scenarios take {@link #magnitudeMs}.
   *
   * @throws IllegalArgumentException for a magnitude scenario
   */
  public B intensity(Scenario scenario, double value) {
    d.intensity(scenario, value);
    return self();
  }

  /**
   * The magnitude of a magnitude scenario, in milliseconds.
   *
   * @throws IllegalArgumentException for a scenario of another kind
   */
  public B magnitudeMs(Scenario scenario, long ms) {
    d.magnitudeMs(scenario, ms);
    return self();
  }

  /**
   * The per-call probability of a magnitude scenario.
   *
   * @throws IllegalArgumentException for a scenario of another kind
   */
  public B magnitudeProbability(Scenario scenario, double p) {
    d.magnitudeProbability(scenario, p);
    return self();
  }

  /**
   * The number of consecutive calls one run of a wave scenario lasts.
   *
   * @throws IllegalArgumentException for a scenario of another kind
   */
  public B runCalls(Scenario scenario, int calls) {
    d.runCalls(scenario, calls);
    return self();
  }

  /** Probability of a dropped request ({@code chaos.net_loss}, [0, 1]). */
  public B netLoss(double p) {
    return intensity(Scenario.NET_LOSS, p);
  }

  /** Long-run share of 429 answers ({@code chaos.exch_429}, [0, 1]). */
  public B exch429(double p) {
    return intensity(Scenario.EXCH_429, p);
  }

  /** Probability of a 5xx ({@code chaos.exch_5xx}, [0, 1]). */
  public B exch5xx(double p) {
    return intensity(Scenario.EXCH_5XX, p);
  }

  /** Latency spike in ms ({@code chaos.lat_spike_ms}, [0, {@value ChaosLimits#MAX_DELAY_MS}]). */
  public B latSpikeMs(long ms) {
    return magnitudeMs(Scenario.LAT_SPIKE, ms);
  }

  /**
   * Per-call probability of a latency spike (default {@value
   * ChaosConfig#DEFAULT_LAT_SPIKE_PROBABILITY}).
   */
  public B latSpikeProbability(double p) {
    return magnitudeProbability(Scenario.LAT_SPIKE, p);
  }

  /** WebSocket lag in ms ({@code chaos.ws_lag_ms}, [0, {@value ChaosLimits#MAX_DELAY_MS}]). */
  public B wsLagMs(long ms) {
    return magnitudeMs(Scenario.WS_LAG, ms);
  }

  /**
   * Per-message probability of WebSocket lag (default {@value
   * ChaosConfig#DEFAULT_WS_LAG_PROBABILITY}).
   */
  public B wsLagProbability(double p) {
    return magnitudeProbability(Scenario.WS_LAG, p);
  }

  /** Abnormal disconnects per minute ({@code chaos.ws_disconnect}). */
  public B wsDisconnect(double ratePerMinute) {
    return intensity(Scenario.WS_DISCONNECT, ratePerMinute);
  }

  /** Probability of a failed lookup ({@code chaos.dns_flap}, [0, 1]). */
  public B dnsFlap(double p) {
    return intensity(Scenario.DNS_FLAP, p);
  }

  /**
   * Clock skew bound in ms ({@code chaos.clock_skew_ms}, [0, {@value
   * ChaosLimits#MAX_CLOCK_SKEW_MS}]).
   */
  public B clockSkewMs(long ms) {
    return magnitudeMs(Scenario.CLOCK_SKEW, ms);
  }

  /**
   * Probability that a clock read is skewed (default {@value
   * ChaosConfig#DEFAULT_CLOCK_SKEW_PROBABILITY}).
   */
  public B clockSkewProbability(double p) {
    return magnitudeProbability(Scenario.CLOCK_SKEW, p);
  }

  /** Long-run share of calls in a storm ({@code chaos.rate_limit_storm}, [0, 1]). */
  public B rateLimitStorm(double p) {
    return intensity(Scenario.RATE_LIMIT_STORM, p);
  }

  /** Probability of a perturbed reconcile ({@code chaos.reconcile_mismatch}, [0, 1]). */
  public B reconcileMismatch(double p) {
    return intensity(Scenario.RECONCILE_MISMATCH, p);
  }

  /**
   * Consecutive calls in one 429 wave (default {@value ChaosConfig#DEFAULT_EXCH_429_WAVE_CALLS}).
   */
  public B exch429WaveCalls(int calls) {
    return runCalls(Scenario.EXCH_429, calls);
  }

  /**
   * Consecutive calls in one storm (default {@value ChaosConfig#DEFAULT_RATE_LIMIT_STORM_CALLS}).
   */
  public B rateLimitStormCalls(int calls) {
    return runCalls(Scenario.RATE_LIMIT_STORM, calls);
  }
}
