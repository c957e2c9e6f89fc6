package io.mmbot.chaos.examples.suite;

/**
 * The acceptance checks of a run (SPEC section 6, with the precise readings of {@code
 * docs/suite.md}). A run passes when none fails.
 */
public enum Check {
  /** The scenario's fault was injected at least once. */
  FIRED,
  /** Every guard reason the scenario must raise was seen. */
  EXPECTED_GUARDS,
  /** No guard reason outside the scenario's allowed set was seen. */
  UNEXPECTED_GUARDS,
  /** In-burst p95 tick below the seed's baseline p95 + 15 %. */
  P95_TICK,
  /** Deadline misses over the run below 2 %. */
  DEADLINE_MISS,
  /** At most 3 unhealthy ticks after every burst. */
  RECOVERY,
  /** No second with more cancels than the bot's declared cancel limit allows. */
  CANCEL_STORMS,
  /** No request sent before a received Retry-After had passed, to the millisecond. */
  RETRY_AFTER,
  /** Requests sent while the exchange fails stay within the bot's declared retry budget. */
  RETRY_STORMS,
  /** No order accepted while a live order of the same side stood at the same quote level. */
  DUPLICATE_ORDERS,
  /** Every order request of unknown outcome asked about (query or open orders) on the next tick. */
  ORPHAN_ORDERS,
  /** No new order on a side before the truth about an unknown outcome there was received. */
  UNKNOWN_OUTCOMES,
  /** Open orders never above the bot's declared limit, in total and per side. */
  OPEN_ORDER_LIMIT,
  /** No order placed while the exchange was answering 429/418 or failing every request. */
  PLACES_WHILE_FAILING,
  /** No order placed while the bot's guard gauge showed a guard raised. */
  PLACES_WHILE_GUARDED,
  /**
   * No order accepted on the wrong side of the exchange's own mid at acceptance, nor farther from
   * it than the declared quote distance plus the allowance for the mid's move.
   */
  QUOTES_OFF_MID,
  /** WS_STALE raised whenever no fresh market data had come on the wire. */
  STALE_DATA,
  /** Places repeating a failed one stay within the bot's declared retry budget. */
  RETRY_BUDGET,
  /** WebSocket connection attempts stay within the bot's declared spacing. */
  WS_ATTEMPTS,
  /** No own order left open and never cancelled after the client moved on to a newer quote. */
  ABANDONED_ORDERS,
  /** No request refused for the weight of the minute: the used weight is in every answer. */
  WEIGHT_LIMIT,
  /** No HTTP 418 ban earned. */
  BANS_418,
  /** No request rejected for its timestamp (-1021): the signing offset follows the skew. */
  TIMESTAMPS,
  /** In-burst p99 tick below 250 ms (LAT_SPIKE). */
  P99_TICK,
  /** Fresh market data fewer than 3 ticks after every abnormal WebSocket close. */
  RECONNECT,
  /** WebSocket gaps back to the baseline's after each burst (WS_LAG). */
  WS_GAP,
  /** No request failed for want of an address (DNS_FLAP). */
  DNS_FALLBACK,
  /** Every perturbed open-orders view followed by a query on the next tick (RECONCILE_MISMATCH). */
  RECONCILED_NEXT_TICK,
  /** A bot in another process became ready, ran to the end and stopped when told (--bot-cmd). */
  BOT_PROCESS,
  /** A bot in another process exported the required metrics with the required buckets. */
  BOT_METRICS
}
