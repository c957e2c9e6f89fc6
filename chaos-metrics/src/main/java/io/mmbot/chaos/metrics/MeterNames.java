package io.mmbot.chaos.metrics;

/**
 * Micrometer names, tag keys and help texts of every meter {@link ChaosMetrics} registers. Names
 * are dotted lower case; a Prometheus registry turns {@code mm.chaos.injections} into {@code
 * mm_chaos_injections_total} and {@code mm.tick.total} with base unit {@code ms} into {@code
 * mm_tick_total_ms_bucket}, {@code _count}, {@code _sum} and {@code _max}.
 */
final class MeterNames {

  static final String INJECTIONS = "mm.chaos.injections";
  static final String INJECTIONS_HELP =
      "Chaos injections made by the gates or recorded by the bot; dry_run=true counts would-be"
          + " injections in shadow mode";

  static final String RECONNECTS = "mm.reconnect.attempts";
  static final String RECONNECTS_HELP = "Reconnect attempts made by the bot, by connection kind";

  static final String PARTIAL_FAIL_RATE = "mm.partial.fail.rate";
  static final String PARTIAL_FAIL_RATE_HELP =
      "Share of partially failed operations over the recent window (0 when there were none)";

  /** Micrometer name of the ws-gap summary used when the registry is not a Prometheus one. */
  static final String WS_GAP = "mm.ws.gap";

  /** Prometheus name of the client_java ws-gap histogram (classic and native buckets). */
  static final String WS_GAP_PROMETHEUS = "mm_ws_gap_ms";

  static final String WS_GAP_HELP = "Gap between consecutive WebSocket messages, in milliseconds";

  static final String RECONCILE = "mm.reconcile.discrepancies";
  static final String RECONCILE_HELP = "Discrepancies found by reconcile, by type";

  static final String TICK = "mm.tick.total";
  static final String TICK_HELP = "Duration of one bot tick, in milliseconds";

  static final String DEADLINE_MISS = "mm.tick.deadline.miss";
  static final String DEADLINE_MISS_HELP = "Ticks that missed their deadline";

  static final String ENABLED = "mm.chaos.enabled";
  static final String ENABLED_HELP = "1 when chaos is enabled, else 0";

  static final String BURST_ACTIVE = "mm.chaos.burst.active";
  static final String BURST_ACTIVE_HELP = "1 when chaos is live and inside a burst, else 0";

  static final String ROLLBACKS = "mm.chaos.rollbacks";
  static final String ROLLBACKS_HELP = "Times chaos was switched off, automatically or by hand";

  static final String MS = "ms";

  static final String TAG_SCENARIO = "scenario";
  static final String TAG_DRY_RUN = "dry_run";
  static final String TAG_KIND = "kind";
  static final String TAG_TYPE = "type";
  static final String TAG_REASON = "reason";

  /** The catch-all label value of {@code kind} and {@code type}. */
  static final String OTHER = "other";

  /** The catch-all label value of {@code reason}. */
  static final String OTHER_REASON = "OTHER";

  private MeterNames() {}
}
