package io.mmbot.chaos.examples.binance;

import java.util.function.LongSupplier;

/**
 * A token bucket on an injected nanosecond clock: {@code ratePerSecond} tokens a second, at most
 * {@code capacity} saved up. The bot's cancel rate limit and its retry budget. Not thread-safe: one
 * tick thread uses it.
 */
final class TokenBucket {

  private final double ratePerNano;
  private final double capacity;
  private final LongSupplier nanoClock;
  private double tokens;
  private long last;

  TokenBucket(double ratePerSecond, double capacity, LongSupplier nanoClock) {
    if (!(ratePerSecond > 0) || !(capacity >= 1)) {
      throw new IllegalArgumentException(
          "ratePerSecond must be > 0 and capacity >= 1, got " + ratePerSecond + ", " + capacity);
    }
    this.ratePerNano = ratePerSecond / 1e9;
    this.capacity = capacity;
    this.nanoClock = nanoClock;
    this.tokens = capacity;
    this.last = nanoClock.getAsLong();
  }

  /** Takes one token if there is one. */
  boolean tryTake() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
