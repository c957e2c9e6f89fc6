package io.mmbot.chaos.examples.binance;

import java.util.function.LongSupplier;

/**
 * Closed while the exchange has told the bot to wait: a 429 or 418 closes it for its {@code
 * Retry-After}. The header is read off the wire by {@link RetryAfterTap} (the connector's
 * exceptions do not carry it); when an answer gives none (Binance sends none with {@code -1015}),
 * the gate closes for {@link #FALLBACK_SECONDS}. Thread-safe: the tap writes from OkHttp's threads,
 * the tick thread reads.
 */
final class RateLimitGate {

  /** How long a 429 or 418 without a {@code Retry-After} closes the gate. */
  static final long FALLBACK_SECONDS = 1;

  private final LongSupplier nanoClock;
  private long openAt;

  RateLimitGate(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.openAt = nanoClock.getAsLong();
  }

  /** The exchange said wait {@code seconds} (from a {@code Retry-After} header), from now. */
  synchronized void retryAfter(long seconds) {
    long until = nanoClock.getAsLong() + Math.max(0, seconds) * 1_000_000_000L;
    if (until - openAt > 0) {
      openAt = until;
    }
  }

  /**
   * The bot met a 429 or 418 through the connector; unless the tap has just closed the gate for it,
   * close it for the fallback time.
   */
  synchronized void limited() {
    if (isOpen()) {
      retryAfter(FALLBACK_SECONDS);
    }
  }

  /** Whether requests may be sent. */
  synchronized boolean isOpen() {
    return nanoClock.getAsLong() - openAt >= 0;
  }
}
