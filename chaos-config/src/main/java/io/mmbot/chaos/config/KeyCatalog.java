package io.mmbot.chaos.config;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.RollbackConfig;
import io.mmbot.chaos.config.KeyTable.Key;
import io.mmbot.chaos.config.KeyTable.Setter;
import io.mmbot.chaos.config.KeyTable.Target;
import io.mmbot.chaos.config.KeyTable.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
        ChaosConfig.MAX_DELAY_MS,
        "Extra delay before a call (probability: `lat_spike.probability`).",
        (t, v) -> t.chaos.latSpikeMs(v),
        ChaosConfig::latSpikeMs);
    ms(
        k,
        "ws_lag_ms",
        ChaosConfig.MAX_DELAY_MS,
        "Delay of a WebSocket message (probability: `ws_lag.probability`).",
        (t, v) -> t.chaos.wsLagMs(v),
        ChaosConfig::wsLagMs);
    num(
        k,
        "ws_disconnect",
        ChaosConfig.MAX_WS_DISCONNECT_PER_MIN,
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
    ms(
        k,
        "clock_skew_ms",
        ChaosConfig.MAX_CLOCK_SKEW_MS,
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
    integer(
        k,
        "burst_on_sec",
        0,
        ChaosConfig.MAX_BURST_SEC,
        "s",
        "Active phase of the burst clock.",
        (t, v) -> t.chaos.burstOnSec(v),
        ChaosConfig::burstOnSec);
    integer(
        k,
        "burst_off_sec",
        0,
        ChaosConfig.MAX_BURST_SEC,
        "s",
        "Quiet phase of the burst clock; 0 means continuous chaos.",
        (t, v) -> t.chaos.burstOffSec(v),
        ChaosConfig::burstOffSec);
    integer(
        k,
        "max_duration_sec",
        0,
        ChaosConfig.MAX_DURATION_SEC,
        "s",
        "Chaos switches itself off this long after it was enabled; 0 means never.",
        (t, v) -> t.chaos.maxDurationSec(v),
        ChaosConfig::maxDurationSec);
    num(
        k,
        "traffic_pct",
        100,
        "%",
        "Share of calls chaos may touch (blast radius).",
        (t, v) -> t.chaos.trafficPct(v),
        ChaosConfig::trafficPct);
    num(
        k,
        "instance_pct",
        100,
        "%",
        "Share of bot instances chaos may touch, by a stable hash of the instance id.",
        (t, v) -> t.chaos.instancePct(v),
        ChaosConfig::instancePct);
    prob(
        k,
        "unknown_outcome_share",
        "Share of `exch_5xx` and `net_loss` faults that strike after the request reached the exchange.",
        (t, v) -> t.chaos.unknownOutcomeShare(v),
        ChaosConfig::unknownOutcomeShare);
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
            ChaosConfig.MAX_INSTANCE_ID_LENGTH,
            "characters",
            "Id of this bot instance for `instance_pct`. Absent: the `MM_CHAOS_INSTANCE_ID` environment variable, else the host name.",
            (t, v) -> t.chaos.instanceId((String) v),
            c -> c.instanceId().isEmpty() ? null : c.instanceId()));

    prob(
        k,
        "net_loss.probability",
        "Structured form of `net_loss`.",
        (t, v) -> t.chaos.netLoss(v),
        ChaosConfig::netLoss);
    prob(
        k,
        "exch_429.probability",
        "Structured form of `exch_429`.",
        (t, v) -> t.chaos.exch429(v),
        ChaosConfig::exch429);
    integer(
        k,
        "exch_429.wave_calls",
        1,
        ChaosConfig.MAX_RUN_CALLS,
        "calls",
        "Consecutive calls one 429 wave lasts.",
        (t, v) -> t.chaos.exch429WaveCalls((int) v),
        ChaosConfig::exch429WaveCalls);
    prob(
        k,
        "exch_5xx.probability",
        "Structured form of `exch_5xx`.",
        (t, v) -> t.chaos.exch5xx(v),
        ChaosConfig::exch5xx);
    ms(
        k,
        "lat_spike.magnitude_ms",
        ChaosConfig.MAX_DELAY_MS,
        "Structured form of `lat_spike_ms`.",
        (t, v) -> t.chaos.latSpikeMs(v),
        ChaosConfig::latSpikeMs);
    prob(
        k,
        "lat_spike.probability",
        "Per-call probability of a latency spike.",
        (t, v) -> t.chaos.latSpikeProbability(v),
        ChaosConfig::latSpikeProbability);
    ms(
        k,
        "ws_lag.magnitude_ms",
        ChaosConfig.MAX_DELAY_MS,
        "Structured form of `ws_lag_ms`.",
        (t, v) -> t.chaos.wsLagMs(v),
        ChaosConfig::wsLagMs);
    prob(
        k,
        "ws_lag.probability",
        "Per-message probability of WebSocket lag.",
        (t, v) -> t.chaos.wsLagProbability(v),
        ChaosConfig::wsLagProbability);
    num(
        k,
        "ws_disconnect.rate_per_min",
        ChaosConfig.MAX_WS_DISCONNECT_PER_MIN,
        "per minute",
        "Structured form of `ws_disconnect`.",
        (t, v) -> t.chaos.wsDisconnect(v),
        ChaosConfig::wsDisconnect);
    prob(
        k,
        "dns_flap.probability",
        "Structured form of `dns_flap`.",
        (t, v) -> t.chaos.dnsFlap(v),
        ChaosConfig::dnsFlap);
    ms(
        k,
        "clock_skew.magnitude_ms",
        ChaosConfig.MAX_CLOCK_SKEW_MS,
        "Structured form of `clock_skew_ms`.",
        (t, v) -> t.chaos.clockSkewMs(v),
        ChaosConfig::clockSkewMs);
    prob(
        k,
        "clock_skew.probability",
        "Probability that a clock read is skewed (the skew holds for the burst).",
        (t, v) -> t.chaos.clockSkewProbability(v),
        ChaosConfig::clockSkewProbability);
    prob(
        k,
        "rate_limit_storm.probability",
        "Structured form of `rate_limit_storm`.",
        (t, v) -> t.chaos.rateLimitStorm(v),
        ChaosConfig::rateLimitStorm);
    integer(
        k,
        "rate_limit_storm.storm_calls",
        1,
        ChaosConfig.MAX_RUN_CALLS,
        "calls",
        "Consecutive calls one storm lasts.",
        (t, v) -> t.chaos.rateLimitStormCalls((int) v),
        ChaosConfig::rateLimitStormCalls);
    prob(
        k,
        "reconcile_mismatch.probability",
        "Structured form of `reconcile_mismatch`.",
        (t, v) -> t.chaos.reconcileMismatch(v),
        ChaosConfig::reconcileMismatch);

    bool(
        k,
        "rollback.enabled",
        "Arms the automatic rollback triggers.",
        (t, v) -> t.rollback.enabled(v),
        c -> c.rollback().enabled());
    num(
        k,
        "rollback.p95_tick_increase_pct",
        1000,
        "%",
        "Allowed rise of the p95 tick duration over the baseline before a rollback.",
        (t, v) -> t.rollback.p95TickIncreasePct(v),
        c -> c.rollback().p95TickIncreasePct());
    integer(
        k,
        "rollback.p95_tick_window_sec",
        1,
        RollbackConfig.MAX_WINDOW_SEC,
        "s",
        WINDOW,
        (t, v) -> t.rollback.p95TickWindowSec(v),
        c -> c.rollback().p95TickWindowSec());
    num(
        k,
        "rollback.baseline_p95_ms",
        600_000,
        "ms",
        "Fixed baseline p95 tick; 0 means measured on chaos-off ticks.",
        (t, v) -> t.rollback.baselineP95Ms(v),
        c -> c.rollback().baselineP95Ms());
    num(
        k,
        "rollback.deadline_miss_pct",
        100,
        "%",
        "Allowed share of ticks that miss their deadline before a rollback.",
        (t, v) -> t.rollback.deadlineMissPct(v),
        c -> c.rollback().deadlineMissPct());
    integer(
        k,
        "rollback.deadline_miss_window_sec",
        1,
        RollbackConfig.MAX_WINDOW_SEC,
        "s",
        WINDOW,
        (t, v) -> t.rollback.deadlineMissWindowSec(v),
        c -> c.rollback().deadlineMissWindowSec());
    num(
        k,
        "rollback.partial_fail_pct",
        100,
        "%",
        "Allowed partial-failure rate before a rollback.",
        (t, v) -> t.rollback.partialFailPct(v),
        c -> c.rollback().partialFailPct());
    integer(
        k,
        "rollback.partial_fail_window_sec",
        1,
        RollbackConfig.MAX_WINDOW_SEC,
        "s",
        WINDOW,
        (t, v) -> t.rollback.partialFailWindowSec(v),
        c -> c.rollback().partialFailWindowSec());
    return Collections.unmodifiableList(k);
  }

  private static final String WINDOW = "How long the condition above must hold before a rollback.";

  private interface BoolSetter {
    void set(Target t, boolean v);
  }

  private interface NumberSetter {
    void set(Target t, double v);
  }

  private interface LongSetter {
    void set(Target t, long v);
  }

  private static void bool(
      List<Key> k, String path, String meaning, BoolSetter s, Function<ChaosConfig, Object> g) {
    Setter setter =
        (t, v) -> {
          s.set(t, (Boolean) v);
          t.rollbackSet |= path.startsWith("rollback.");
        };
    k.add(new Key(path, Type.BOOLEAN, 0, 1, "", meaning, setter, g));
  }

  private static void prob(
      List<Key> k, String path, String meaning, NumberSetter s, Function<ChaosConfig, Object> g) {
    num(k, path, 1, "", meaning, s, g);
  }

  private static void num(
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

  private static void ms(
      List<Key> k,
      String path,
      long max,
      String meaning,
      LongSetter s,
      Function<ChaosConfig, Object> g) {
    integer(k, path, 0, max, "ms", meaning, s, g);
  }

  private static void integer(
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
