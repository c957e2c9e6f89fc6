package io.mmbot.chaos.examples.bot;

/**
 * One defence of {@link ResilientBot}, which can be switched off through {@link BotConfig#without}.
 * The suite's own mutation test switches each off in turn and asserts that the suite then fails the
 * bot: a feature whose removal no check notices would be a feature the suite does not judge.
 */
public enum ResilienceFeature {
  /** A place that repeats a failed one takes a token of the retry budget. */
  RETRY_BUDGET,
  /** Cancels take a token of the cancel rate limit. */
  CANCEL_RATE_LIMIT,
  /** A tick in which every request failed is followed by a full-jitter backoff. */
  FAILED_TICK_BACKOFF,
  /** A 429 or 418 stops all sending until its {@code Retry-After} has passed. */
  RETRY_AFTER,
  /** The {@code Retry-After} wait is the whole of it (off: 100 ms short). */
  RETRY_AFTER_EXACT,
  /** The used weight of the minute at 90 % of the limit raises RATE_LIMITED. */
  USED_WEIGHT_GUARD,
  /** WS_STALE pauses quoting. */
  PAUSE_ON_WS_STALE,
  /** CLOCK_SKEW pauses quoting. */
  PAUSE_ON_CLOCK_SKEW,
  /** EXCHANGE_ERRORS pauses quoting. */
  PAUSE_ON_EXCHANGE_ERRORS,
  /** RECONCILE_PENDING pauses quoting. */
  PAUSE_ON_RECONCILE_PENDING,
  /** DNS_FALLBACK pauses quoting. */
  PAUSE_ON_DNS_FALLBACK,
  /** Three exchange errors within 2 s raise EXCHANGE_ERRORS. */
  ERROR_WINDOW,
  /** Market data silent for {@link BotConfig#staleAfterMs()} raises WS_STALE. */
  STALE_DATA_TIMEOUT,
  /** A place with an unknown outcome is queried by its client order id before anything else. */
  QUERY_UNKNOWN_PLACE,
  /** A cancel with an unknown outcome is queried (off: assumed done). */
  QUERY_UNKNOWN_CANCEL,
  /** A place rejected with -2010 is verified (the id may be open already). */
  VERIFY_REJECTED_PLACE,
  /** Signed timestamps carry the estimated clock offset. */
  CLOCK_CORRECTION,
  /** A lost WebSocket is reconnected after a full-jitter backoff and at least 300 ms apart. */
  WS_RECONNECT_BACKOFF,
  /** A lost WebSocket is reconnected to the other endpoint. */
  WS_SWITCH_ENDPOINT,
  /** A depth snapshot resyncs the book after a reconnect. */
  SNAPSHOT_RESYNC,
  /** Market data counts as live only once fresh data arrived on the new connection. */
  LIVE_AFTER_DATA,
  /**
   * An own open order the bot does not track is adopted once a query finds it; a new start of the
   * process quotes only after its first open-orders reconcile.
   */
  ADOPT_UNTRACKED,
  /** The open orders are fetched and reconciled every tick. */
  RECONCILE_OPEN_ORDERS,
  /** A side with an order of unknown or disputed state is not touched until it is settled. */
  HOLD_PENDING_SIDE,
  /** The bot's own limit on open orders ({@link BotConfig#maxOpenOrders()}). */
  OWN_ORDER_LIMIT,
  /** The bot stops waiting for answers before the tick deadline ({@link BotConfig#giveUpMs()}). */
  GIVE_UP_BEFORE_DEADLINE,
  /** At most three requests in flight at once. */
  IN_FLIGHT_CAP,
  /** A failed lookup falls back to the last good address or the secondary host. */
  DNS_FALLBACK
}
