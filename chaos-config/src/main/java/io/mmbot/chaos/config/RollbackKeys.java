package io.mmbot.chaos.config;

import io.mmbot.chaos.ChaosLimits;
import io.mmbot.chaos.config.KeyTable.Key;
import java.util.List;

/**
 * The keys of the {@code chaos.rollback:} block, in documentation order: the automatic rollback
 * triggers' thresholds and windows, bound into {@link io.mmbot.chaos.RollbackConfig}. Data only;
 * stateless.
 */
final class RollbackKeys {

  private static final String WINDOW = "How long the condition above must hold before a rollback.";

  private RollbackKeys() {}

  static void add(List<Key> k) {
    KeyCatalog.bool(
        k,
        "rollback.enabled",
        "Arms the automatic rollback triggers.",
        (t, v) -> t.rollback.enabled(v),
        c -> c.rollback().enabled());
    p95TickKeys(k);
    deadlineMissKeys(k);
    partialFailKeys(k);
  }

  /** The P95_TICK trigger: its allowed rise, its window and the fixed baseline. */
  private static void p95TickKeys(List<Key> k) {
    KeyCatalog.num(
        k,
        "rollback.p95_tick_increase_pct",
        ChaosLimits.MAX_P95_TICK_INCREASE_PCT,
        "%",
        "Allowed rise of the p95 tick duration over the baseline before a rollback.",
        (t, v) -> t.rollback.p95TickIncreasePct(v),
        c -> c.rollback().p95TickIncreasePct());
    KeyCatalog.integer(
        k,
        "rollback.p95_tick_window_sec",
        1,
        ChaosLimits.MAX_WINDOW_SEC,
        "s",
        WINDOW,
        (t, v) -> t.rollback.p95TickWindowSec(v),
        c -> c.rollback().p95TickWindowSec());
    KeyCatalog.num(
        k,
        "rollback.baseline_p95_ms",
        ChaosLimits.MAX_BASELINE_P95_MS,
        "ms",
        "Fixed baseline p95 tick; 0 means measured on chaos-off ticks.",
        (t, v) -> t.rollback.baselineP95Ms(v),
        c -> c.rollback().baselineP95Ms());
  }

  /** The DEADLINE_MISS trigger: its share and its window. */
  private static void deadlineMissKeys(List<Key> k) {
    KeyCatalog.num(
        k,
        "rollback.deadline_miss_pct",
        ChaosLimits.MAX_PCT,
        "%",
        "Allowed share of ticks that miss their deadline before a rollback.",
        (t, v) -> t.rollback.deadlineMissPct(v),
        c -> c.rollback().deadlineMissPct());
    KeyCatalog.integer(
        k,
        "rollback.deadline_miss_window_sec",
        1,
        ChaosLimits.MAX_WINDOW_SEC,
        "s",
        WINDOW,
        (t, v) -> t.rollback.deadlineMissWindowSec(v),
        c -> c.rollback().deadlineMissWindowSec());
  }

  /** The PARTIAL_FAIL trigger: its rate and its window. */
  private static void partialFailKeys(List<Key> k) {
    KeyCatalog.num(
        k,
        "rollback.partial_fail_pct",
        ChaosLimits.MAX_PCT,
        "%",
        "Allowed partial-failure rate before a rollback.",
        (t, v) -> t.rollback.partialFailPct(v),
        c -> c.rollback().partialFailPct());
    KeyCatalog.integer(
        k,
        "rollback.partial_fail_window_sec",
        1,
        ChaosLimits.MAX_WINDOW_SEC,
        "s",
        WINDOW,
        (t, v) -> t.rollback.partialFailWindowSec(v),
        c -> c.rollback().partialFailWindowSec());
  }
}
