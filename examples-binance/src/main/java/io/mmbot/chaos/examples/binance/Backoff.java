package io.mmbot.chaos.examples.binance;

import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Exponential backoff with full jitter: after the n-th consecutive failure the next attempt waits a
 * uniform draw from {@code [0, min(cap, base * 2^(n-1))]}; a success resets it. On an injected
 * clock and random source. Not thread-safe.
 */
final class Backoff {

  private final long baseNanos;
  private final long capNanos;
  private final LongSupplier nanoClock;
  private final Random random;
  private int failures;
  private long notBefore;

  Backoff(long baseMs, long capMs, LongSupplier nanoClock, Random random) {
    if (baseMs <= 0 || capMs < baseMs) {
      throw new IllegalArgumentException("need 0 < baseMs <= capMs, got " + baseMs + ", " + capMs);
    }
    this.baseNanos = baseMs * 1_000_000L;
    this.capNanos = capMs * 1_000_000L;
    this.nanoClock = nanoClock;
    this.random = random;
    this.notBefore = nanoClock.getAsLong();
  }

  /** Records a failure and returns the wait it draws, in nanoseconds. */
  long failed() {
    failures = Math.min(failures + 1, 30);
    long ceiling = Math.min(capNanos, baseNanos << Math.min(failures - 1, 20));
    long wait = (long) (random.nextDouble() * (ceiling + 1));
    notBefore = nanoClock.getAsLong() + wait;
    return wait;
  }

  /** Records a success: the next failure starts from the base again. */
  void succeeded() {
    failures = 0;
  }

  /** Whether the wait drawn by the last failure is over. */
  boolean ready() {
    return nanoClock.getAsLong() - notBefore >= 0;
  }

  /** Consecutive failures so far. */
  int failures() {
    return failures;
  }
}
