package io.mmbot.chaos;

/**
 * The values a {@link ChaosConfig.Builder} has recorded so far, as given, and the checks that turn
 * them into {@link ConfigValues}. Not thread-safe; one per builder.
 */
final class ConfigDraft {

  private static final Scenario[] SCENARIOS = Scenario.values();

  boolean enabled = false;
  boolean dryRun = true;
  private final double[] intensity = new double[SCENARIOS.length];

  /** The magnitudes exactly as set, so that an out-of-range one is named as given. */
  private final long[] magnitudeMs = new long[SCENARIOS.length];

  private final double[] probability = new double[SCENARIOS.length];
  private final int[] runCalls = new int[SCENARIOS.length];
  long burstOnSec = 30;
  long burstOffSec = 90;
  long maxDurationSec;
  double trafficPct = 100;
  double instancePct = 100;
  double unknownOutcomeShare = ChaosConfig.DEFAULT_UNKNOWN_OUTCOME_SHARE;
  boolean dnsFlapEvictPool;
  double netLossCutShare = ChaosConfig.DEFAULT_NET_LOSS_CUT_SHARE;
  RollbackConfig rollback = RollbackConfig.defaults();
  boolean hasSeed;
  long seed;
  String instanceId = "";

  /** The defaults. */
  ConfigDraft() {
    for (Scenario s : SCENARIOS) {
      ScenarioSetting initial = ScenarioSetting.initial(s);
      probability[s.ordinal()] = initial.probability();
      runCalls[s.ordinal()] = initial.runCalls();
    }
  }

  /** The values of an existing configuration. */
  ConfigDraft(ConfigValues v) {
    enabled = v.enabled();
    dryRun = v.dryRun();
    for (Scenario s : SCENARIOS) {
      ScenarioSetting set = v.scenarios().get(s.ordinal());
      intensity[s.ordinal()] = set.intensity();
      magnitudeMs[s.ordinal()] = (long) set.intensity();
      probability[s.ordinal()] = set.probability();
      runCalls[s.ordinal()] = set.runCalls();
    }
    burstOnSec = v.burstOnSec();
    burstOffSec = v.burstOffSec();
    maxDurationSec = v.maxDurationSec();
    trafficPct = v.trafficPct();
    instancePct = v.instancePct();
    unknownOutcomeShare = v.unknownOutcomeShare();
    dnsFlapEvictPool = v.dnsFlapEvictPool();
    netLossCutShare = v.netLossCutShare();
    rollback = v.rollback();
    hasSeed = v.hasSeed();
    seed = v.seed();
    instanceId = v.instanceId();
  }

  void intensity(Scenario s, double value) {
    require(s, s.kind() != Scenario.Kind.MAGNITUDE, "a magnitude: use magnitudeMs");
    intensity[s.ordinal()] = value;
  }

  void magnitudeMs(Scenario s, long ms) {
    require(s, s.kind() == Scenario.Kind.MAGNITUDE, "no magnitude");
    intensity[s.ordinal()] = ms;
    magnitudeMs[s.ordinal()] = ms;
  }

  void magnitudeProbability(Scenario s, double p) {
    require(s, s.kind() == Scenario.Kind.MAGNITUDE, "no magnitude");
    probability[s.ordinal()] = p;
  }

  void runCalls(Scenario s, int calls) {
    require(s, s.kind() == Scenario.Kind.WAVE, "no runs of calls");
    runCalls[s.ordinal()] = calls;
  }

  private static void require(Scenario s, boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException(s + " (" + s.kind() + ") has " + what);
    }
  }

  /**
   * Checks every value.
   *
   * @throws IllegalArgumentException naming the first bad field, its value and the allowed range
   */
  ConfigValues checked() {
    ScenarioSetting[] settings = new ScenarioSetting[SCENARIOS.length];
    for (Scenario s : SCENARIOS) {
      int i = s.ordinal();
      ScenarioSetting.check(s, intensity[i], magnitudeMs[i], probability[i], runCalls[i]);
      settings[i] = new ScenarioSetting(intensity[i], probability[i], runCalls[i]);
    }
    range("burstOnSec", "burst_on_sec", burstOnSec, ChaosLimits.MAX_BURST_SEC);
    range("burstOffSec", "burst_off_sec", burstOffSec, ChaosLimits.MAX_BURST_SEC);
    range("maxDurationSec", "max_duration_sec", maxDurationSec, ChaosLimits.MAX_DURATION_SEC);
    percent("trafficPct", "traffic_pct", trafficPct);
    percent("instancePct", "instance_pct", instancePct);
    ConfigChecks.finiteUpTo(
        "unknownOutcomeShare",
        "chaos.unknown_outcome_share",
        unknownOutcomeShare,
        1.0,
        "probability");
    ConfigChecks.finiteUpTo(
        "netLossCutShare", "chaos.net_loss.cut_share", netLossCutShare, 1.0, "probability");
    String id = checkedInstanceId(instanceId);
    if (burstOnSec == 0 && burstOffSec > 0) {
      throw new IllegalArgumentException(
          "burstOnSec (chaos.burst_on_sec) = 0 with burstOffSec = "
              + burstOffSec
              + " would never be active: burst_on_sec must be in [1, "
              + ChaosLimits.MAX_BURST_SEC
              + "] unless burst_off_sec is 0 (continuous chaos)");
    }
    return new ConfigValues(
        enabled,
        dryRun,
        java.util.List.of(settings),
        burstOnSec,
        burstOffSec,
        maxDurationSec,
        trafficPct,
        instancePct,
        unknownOutcomeShare,
        dnsFlapEvictPool,
        netLossCutShare,
        rollback,
        hasSeed,
        seed,
        id);
  }

  private static String checkedInstanceId(String id) {
    if (id.isEmpty()) {
      return id;
    }
    int max = ChaosLimits.MAX_INSTANCE_ID_LENGTH;
    String t = id.strip();
    String why = null;
    if (t.isEmpty()) {
      why = "is blank: give 1 to " + max + " characters, or leave it out";
    } else if (t.length() > max) {
      why = "has " + t.length() + " characters, more than " + max;
    } else if (t.chars().anyMatch(Character::isISOControl)) {
      why = "holds a control character";
    }
    if (why != null) {
      throw new IllegalArgumentException("instanceId (chaos.instance_id) " + why);
    }
    return t;
  }

  private static void percent(String field, String key, double value) {
    ConfigChecks.finiteUpTo(field, "chaos." + key, value, ChaosLimits.MAX_PCT, "percent");
  }

  private static void range(String field, String key, long value, long max) {
    ConfigChecks.inRange(field, "chaos." + key, value, 0, max, "");
  }
}
