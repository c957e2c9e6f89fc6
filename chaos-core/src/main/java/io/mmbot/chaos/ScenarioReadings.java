package io.mmbot.chaos;

/**
 * The per-scenario half of {@link ChaosConfig}: the intensity, probability and run length of each
 * scenario, read by ordinal from the settings the configuration was built with. Immutable.
 */
abstract class ScenarioReadings {

  private final ScenarioSetting[] scenarios;

  ScenarioReadings(ScenarioSetting[] scenarios) {
    this.scenarios = scenarios;
  }

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
}
