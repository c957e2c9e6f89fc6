package io.mmbot.chaos;

/**
 * The settings of one scenario inside a {@link ChaosConfig}, and the rules that name and bound
 * them. Which parts mean something depends on the scenario's {@link Scenario.Kind}:
 *
 * <ul>
 *   <li>{@code intensity}: the configured value in the scenario's own unit (a probability, the
 *       long-run share of a wave scenario, a magnitude in milliseconds, or a rate per minute);
 *   <li>{@code probability}: the per-call probability of a magnitude scenario, 0 for the others;
 *   <li>{@code runCalls}: the number of consecutive calls of a wave or storm, 0 for the others.
 * </ul>
 */
record ScenarioSetting(double intensity, double probability, int runCalls) {

  /** The setting a new builder starts from: intensity 0, the default probability and run length. */
  static ScenarioSetting initial(Scenario s) {
    return new ScenarioSetting(0, defaultProbability(s), defaultRunCalls(s));
  }

  /**
   * The per-call probability before the burst clock and blast radius apply; see {@link
   * ChaosConfig#probability(Scenario)}.
   */
  double gateProbability(Scenario s) {
    switch (s.kind()) {
      case MAGNITUDE:
        return intensity == 0 ? 0 : probability;
      case RATE:
        return Double.NaN;
      default:
        return intensity;
    }
  }

  /** The builder field of the scenario's intensity, as named in error messages: {@code netLoss}. */
  static String field(Scenario s) {
    String key = s.configKey();
    StringBuilder b = new StringBuilder(key.length());
    boolean upper = false;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '_') {
        upper = true;
      } else {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return b.toString();
  }

  /** The builder field of a magnitude scenario's probability: {@code latSpikeProbability}. */
  static String probabilityField(Scenario s) {
    return field(s).replaceFirst("Ms$", "") + "Probability";
  }

  /** The builder field of a wave scenario's run length: {@code exch429WaveCalls}. */
  static String runCallsField(Scenario s) {
    return s == Scenario.EXCH_429 ? "exch429WaveCalls" : "rateLimitStormCalls";
  }

  /** The structured key of a wave scenario's run length below its scenario key. */
  static String runCallsKey(Scenario s) {
    return s == Scenario.EXCH_429 ? "wave_calls" : "storm_calls";
  }

  /** The flat name of a wave scenario's run length in {@link ChaosConfig#toString()}. */
  static String runCallsLabel(Scenario s) {
    return s == Scenario.EXCH_429 ? "exch_429_wave_calls" : "rate_limit_storm_calls";
  }

  private static double defaultProbability(Scenario s) {
    switch (s) {
      case LAT_SPIKE:
        return ChaosConfig.DEFAULT_LAT_SPIKE_PROBABILITY;
      case WS_LAG:
        return ChaosConfig.DEFAULT_WS_LAG_PROBABILITY;
      case CLOCK_SKEW:
        return ChaosConfig.DEFAULT_CLOCK_SKEW_PROBABILITY;
      default:
        return 0;
    }
  }

  private static int defaultRunCalls(Scenario s) {
    switch (s) {
      case EXCH_429:
        return ChaosConfig.DEFAULT_EXCH_429_WAVE_CALLS;
      case RATE_LIMIT_STORM:
        return ChaosConfig.DEFAULT_RATE_LIMIT_STORM_CALLS;
      default:
        return 0;
    }
  }

  /** Checks the builder's values for {@code s}; the magnitude is given exactly, as set. */
  static void check(Scenario s, double intensity, long magnitudeMs, double probability, int calls) {
    String field = field(s);
    String key = "chaos." + s.configKey();
    switch (s.kind()) {
      case MAGNITUDE:
        ConfigChecks.inRange(field, key, magnitudeMs, 0, (long) ChaosLimits.maxIntensity(s), "");
        ConfigChecks.finiteUpTo(
            probabilityField(s),
            "chaos." + s.key() + ".probability",
            probability,
            1,
            "probability");
        break;
      case RATE:
        ConfigChecks.finiteUpTo(field, key, intensity, ChaosLimits.maxIntensity(s), "per minute");
        break;
      case WAVE:
        ConfigChecks.finiteUpTo(field, key, intensity, 1, "probability");
        ConfigChecks.inRange(
            runCallsField(s),
            "chaos." + s.key() + "." + runCallsKey(s),
            calls,
            1,
            ChaosLimits.MAX_RUN_CALLS,
            "calls");
        break;
      default:
        ConfigChecks.finiteUpTo(field, key, intensity, 1, "probability");
    }
  }
}
