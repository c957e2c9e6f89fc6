package io.mmbot.chaos.examples.binance;

/**
 * Why the bot pauses quoting. The names are the reason codes of the product contract: the bot
 * exports each one as {@code mm_bot_guard_active{reason}} and {@code
 * mm_bot_guards_raised_total{reason}}.
 */
public enum GuardReason {
  /** Market data older than the bot's staleness limit. */
  WS_STALE,
  /** The bot's clock has drifted from the exchange's server time. */
  CLOCK_SKEW,
  /** The exchange said 429 or 418; the bot waits out {@code Retry-After}. */
  RATE_LIMITED,
  /** Several exchange errors (5xx, lost answers, -1021) in a short time. */
  EXCHANGE_ERRORS,
  /** An order's outcome is unknown until the bot has looked it up by its client order id. */
  RECONCILE_PENDING,
  /** A host name did not resolve and the bot fell back (never raised: the bot uses IP literals). */
  DNS_FALLBACK;

  /** This reason's bit in a guard mask. */
  int bit() {
    return 1 << ordinal();
  }
}
