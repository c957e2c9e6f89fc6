package io.mmbot.chaos.config;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosLimits;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.config.KeyTable.Key;
import io.mmbot.chaos.config.KeyTable.Setter;
import io.mmbot.chaos.config.KeyTable.Target;
import io.mmbot.chaos.config.KeyTable.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The definitions behind {@link KeyTable}: one entry per key of the {@code chaos:} block, in
 * documentation order, with its range (taken from the core's own limits), meaning, binding and
 * read-back. Data only; stateless.
 */
final class KeyCatalog {

  private KeyCatalog() {}

  static List<Key> build() {
    List<Key> k = new ArrayList<>();
    switchKeys(k);
    networkFaultKeys(k);
    clockStormAndReconcileKeys(k);
    burstAndBlastRadiusKeys(k);
    faultShapeKeys(k);
    identityKeys(k);
    for (Scenario s : Scenario.values()) {
      structured(k, s);
    }
    RollbackKeys.add(k);
    return Collections.unmodifiableList(k);
  }

  /** The master switch and shadow mode. */
  private static void switchKeys(List<Key> k) {
    bool(
        k,
        "enabled",
        "Switches chaos on. `false` is an instant rollback.",
        (t, v) -> t.chaos.enabled(v),
        ChaosConfig::enabled);
    bool(
        k,
        "dry_run",
        "Shadow mode: gates are evaluated and counted, nothing is perturbed.",
        (t, v) -> t.chaos.dryRun(v),
        ChaosConfig::dryRun);
  }

  /** The flat keys of the faults on the way to and from the exchange. */
  private static void networkFaultKeys(List<Key> k) {
    prob(
        k,
        "net_loss",
        "Probability that a request or packet is dropped.",
        (t, v) -> t.chaos.netLoss(v),
        ChaosConfig::netLoss);
    prob(
        k,
        "exch_429",
        "Long-run share of calls answered with a synthetic 429, in waves.",
        (t, v) -> t.chaos.exch429(v),
        ChaosConfig::exch429);
    prob(
        k,
        "exch_5xx",
        "Probability of a synthetic 500/502/503/504.",
        (t, v) -> t.chaos.exch5xx(v),
        ChaosConfig::exch5xx);
    ms(
        k,
        "lat_spike_ms",
        ChaosLimits.MAX_DELAY_MS,
        "Extra delay before a call (probability: `lat_spike.probability`).",
        (t, v) -> t.chaos.latSpikeMs(v),
        ChaosConfig::latSpikeMs);
    ms(
        k,
        "ws_lag_ms",
        ChaosLimits.MAX_DELAY_MS,
        "Delay of a WebSocket message (probability: `ws_lag.probability`).",
        (t, v) -> t.chaos.wsLagMs(v),
        ChaosConfig::wsLagMs);
    num(
        k,
        "ws_disconnect",
        ChaosLimits.MAX_WS_DISCONNECT_PER_MIN,
        "per minute",
        "Rate of abnormal WebSocket disconnects (Poisson).",
        (t, v) -> t.chaos.wsDisconnect(v),
        ChaosConfig::wsDisconnect);
    prob(
        k,
        "dns_flap",
        "Probability that a host name lookup fails (NXDOMAIN).",
        (t, v) -> t.chaos.dnsFlap(v),
        ChaosConfig::dnsFlap);
  }

  /** The flat keys of clock skew, rate-limit storms and reconcile mismatches. */
  private static void clockStormAndReconcileKeys(List<Key> k) {
    ms(
        k,
        "clock_skew_ms",
        ChaosLimits.MAX_CLOCK_SKEW_MS,
        "Bound of the local clock drift, plus or minus.",
        (t, v) -> t.chaos.clockSkewMs(v),
        ChaosConfig::clockSkewMs);
    prob(
        k,
        "rate_limit_storm",
        "Long-run share of calls caught in a storm of consecutive 429s.",
        (t, v) -> t.chaos.rateLimitStorm(v),
        ChaosConfig::rateLimitStorm);
    prob(
        k,
        "reconcile_mismatch",
        "Probability that a reconcile sees a perturbed order state.",
        (t, v) -> t.chaos.reconcileMismatch(v),
        ChaosConfig::reconcileMismatch);
  }

  /** The burst clock, the expiry and the blast radius. */
  private static void burstAndBlastRadiusKeys(List<Key> k) {
    integer(
        k,
        "burst_on_sec",
        0,
        ChaosLimits.MAX_BURST_SEC,
        "s",
        "Active phase of the burst clock.",
        (t, v) -> t.chaos.burstOnSec(v),
        ChaosConfig::burstOnSec);
    integer(
        k,
        "burst_off_sec",
        0,
        ChaosLimits.MAX_BURST_SEC,
        "s",
        "Quiet phase of the burst clock; 0 means continuous chaos.",
        (t, v) -> t.chaos.burstOffSec(v),
        ChaosConfig::burstOffSec);
    integer(
        k,
        "max_duration_sec",
        0,
        ChaosLimits.MAX_DURATION_SEC,
        "s",
        "Chaos switches itself off this long after it was enabled; 0 means never.",
        (t, v) -> t.chaos.maxDurationSec(v),
        ChaosConfig::maxDurationSec);
    num(
        k,
        "traffic_pct",
        ChaosLimits.MAX_PCT,
        "%",
        "Share of calls chaos may touch (blast radius).",
        (t, v) -> t.chaos.trafficPct(v),
        ChaosConfig::trafficPct);
    num(
        k,
        "instance_pct",
        ChaosLimits.MAX_PCT,
        "%",
        "Share of bot instances chaos may touch, by a stable hash of the instance id.",
        (t, v) -> t.chaos.instancePct(v),
        ChaosConfig::instancePct);
  }

  /** Where a request fault strikes and how DNS_FLAP meets pooled connections. */
  private static void faultShapeKeys(List<Key> k) {
    prob(
        k,
        "unknown_outcome_share",
        "Share of `exch_5xx` and `net_loss` faults that strike after the request reached the exchange.",
        (t, v) -> t.chaos.unknownOutcomeShare(v),
        ChaosConfig::unknownOutcomeShare);
    bool(
        k,
        "dns_flap_evict_pool",
        "`dns_flap` is drawn once per call and also evicts the client's idle pooled connections, so"
            + " it means the share of calls that meet a failed lookup (OkHttp).",
        (t, v) -> t.chaos.dnsFlapEvictPool(v),
        ChaosConfig::dnsFlapEvictPool);
  }

  /** The seed and the instance id. */
  private static void identityKeys(List<Key> k) {
    k.add(
        new Key(
            "seed",
            Type.INTEGER,
            Long.MIN_VALUE,
            Long.MAX_VALUE,
            "",
            "Fixed random seed: the same calls at the same times give the same decisions. Absent: not reproducible.",
            (t, v) -> t.chaos.seed((Long) v),
            c -> c.hasSeed() ? (Object) c.seed() : null));
    k.add(
        new Key(
            "instance_id",
            Type.TEXT,
            1,
            ChaosLimits.MAX_INSTANCE_ID_LENGTH,
            "characters",
            "Id of this bot instance for `instance_pct`. Absent: the `MM_CHAOS_INSTANCE_ID` environment variable, else the host name.",
            (t, v) -> t.chaos.instanceId((String) v),
            c -> c.instanceId().isEmpty() ? null : c.instanceId()));
  }

  /**
   * The structured keys of one scenario, below its {@linkplain Scenario#key() key}: {@code
   * probability} (the structured form of a probability or wave scenario's flat key, or a magnitude
   * scenario's own probability), {@code magnitude_ms}, {@code rate_per_min}, and the run length of
   * a wave scenario.
   */
  private static void structured(List<Key> k, Scenario s) {
    String base = s.key() + ".";
    String twin = "Structured form of `" + s.configKey() + "`.";
    switch (s.kind()) {
      case PROBABILITY:
        prob(k, base + "probability", twin, (t, v) -> t.chaos.intensity(s, v), c -> c.intensity(s));
        if (s == Scenario.NET_LOSS) {
          prob(
              k,
              base + "cut_share",
              "Share of the `net_loss` faults after sending (`unknown_outcome_share`) whose"
                  + " connection is cut while the response is on its way (a body cut short, or a"
                  + " reset); the rest lose the response until the caller's timeout.",
              (t, v) -> t.chaos.netLossCutShare(v),
              ChaosConfig::netLossCutShare);
        }
        break;
      case WAVE:
        prob(k, base + "probability", twin, (t, v) -> t.chaos.intensity(s, v), c -> c.intensity(s));
        boolean wave = s == Scenario.EXCH_429;
        integer(
            k,
            base + (wave ? "wave_calls" : "storm_calls"),
            1,
            ChaosLimits.MAX_RUN_CALLS,
            "calls",
            wave ? "Consecutive calls one 429 wave lasts." : "Consecutive calls one storm lasts.",
            (t, v) -> t.chaos.runCalls(s, (int) v),
            c -> c.runCalls(s));
        break;
      case MAGNITUDE:
        ms(
            k,
            base + "magnitude_ms",
            (long) ChaosLimits.maxIntensity(s),
            twin,
            (t, v) -> t.chaos.magnitudeMs(s, v),
            c -> (long) c.intensity(s));
        prob(
            k,
            base + "probability",
            MAGNITUDE_PROBABILITY.get(s),
            (t, v) -> t.chaos.magnitudeProbability(s, v),
            c -> c.magnitudeProbability(s));
        break;
      case RATE:
        num(
            k,
            base + "rate_per_min",
            ChaosLimits.maxIntensity(s),
            "per minute",
            twin,
            (t, v) -> t.chaos.intensity(s, v),
            c -> c.intensity(s));
        break;
    }
  }

  /** What the {@code probability} key of each magnitude scenario means. */
  private static final Map<Scenario, String> MAGNITUDE_PROBABILITY =
      Map.of(
          Scenario.LAT_SPIKE,
          "Per-call probability of a latency spike.",
          Scenario.WS_LAG,
          "Per-message probability of WebSocket lag.",
          Scenario.CLOCK_SKEW,
          "Probability that a clock read is skewed (the skew holds for the burst).");

  interface BoolSetter {
    void set(Target t, boolean v);
  }

  interface NumberSetter {
    void set(Target t, double v);
  }

  interface LongSetter {
    void set(Target t, long v);
  }

  static void bool(
      List<Key> k, String path, String meaning, BoolSetter s, Function<ChaosConfig, Object> g) {
    Setter setter =
        (t, v) -> {
          s.set(t, (Boolean) v);
          t.rollbackSet |= path.startsWith("rollback.");
        };
    k.add(new Key(path, Type.BOOLEAN, 0, 1, "", meaning, setter, g));
  }

  static void prob(
      List<Key> k, String path, String meaning, NumberSetter s, Function<ChaosConfig, Object> g) {
    num(k, path, 1, "", meaning, s, g);
  }

  static void num(
      List<Key> k,
      String path,
      double max,
      String unit,
      String meaning,
      NumberSetter s,
      Function<ChaosConfig, Object> g) {
    Setter setter =
        (t, v) -> {
          s.set(t, (Double) v);
          t.rollbackSet |= path.startsWith("rollback.");
        };
    k.add(new Key(path, Type.NUMBER, 0, max, unit, meaning, setter, g));
  }

  static void ms(
      List<Key> k,
      String path,
      long max,
      String meaning,
      LongSetter s,
      Function<ChaosConfig, Object> g) {
    integer(k, path, 0, max, "ms", meaning, s, g);
  }

  static void integer(
      List<Key> k,
      String path,
      long min,
      long max,
      String unit,
      String meaning,
      LongSetter s,
      Function<ChaosConfig, Object> g) {
    Setter setter =
        (t, v) -> {
          s.set(t, (Long) v);
          t.rollbackSet |= path.startsWith("rollback.");
        };
    k.add(new Key(path, Type.INTEGER, min, max, unit, meaning, setter, g));
  }
}
