package io.mmbot.chaos.examples.bot;

/**
 * A token bucket on the bot's clock: {@code ratePerSecond} tokens a second, at most {@code
 * capacity} stored. Used for the cancel rate limit and the retry budget. Not thread-safe.
 */
final class TokenBucket {
  private final double ratePerNano;
  private final double capacity;
  private double tokens;
  private long last;

  TokenBucket(double ratePerSecond, double capacity, long nowNanos) {
    this.ratePerNano = ratePerSecond / 1e9;
    this.capacity = capacity;
    this.tokens = capacity;
    this.last = nowNanos;
  }

  /** Takes one token if there is one. */
  boolean tryTake(long nowNanos) {
    refill(nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** Whether a token is available (without taking it). */
  boolean available(long nowNanos) {
    refill(nowNanos);
    return tokens >= 1;
  }

  private void refill(long now) {
    if (now > last) {
      tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
      last = now;
    }
  }
}
