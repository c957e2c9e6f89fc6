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
  /** No second with more than 10 cancels. */
  CANCEL_STORMS,
  /** No request sent while a received Retry-After was still running (backoff works). */
  RETRY_AFTER,
  /** No second with more than 5 retried requests. */
  RETRY_STORMS,
  /** No intent placed twice on the exchange. */
  DUPLICATE_ORDERS,
  /** No open order the bot does not know of for more than one tick. */
  ORPHAN_ORDERS,
  /** Open orders never above the bot's own limit. */
  OPEN_ORDER_LIMIT,
  /** No HTTP 418 ban earned. */
  BANS_418,
  /** No request rejected for its timestamp (-1021): the signing offset follows the skew. */
  TIMESTAMPS,
  /** In-burst p99 tick below 250 ms (LAT_SPIKE). */
  P99_TICK,
  /** The WebSocket back with live data in fewer than 3 ticks (WS_DISCONNECT). */
  RECONNECT,
  /** WebSocket gaps back to the baseline's after each burst (WS_LAG). */
  WS_GAP,
  /** No request failed for want of an address (DNS_FLAP). */
  DNS_FALLBACK,
  /** Every reconcile discrepancy resolved on the next tick (RECONCILE_MISMATCH). */
  RECONCILED_NEXT_TICK
}
