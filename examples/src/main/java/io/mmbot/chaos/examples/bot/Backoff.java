package io.mmbot.chaos.examples.bot;

import java.util.SplittableRandom;

/**
 * Exponential backoff with full jitter: the n-th consecutive wait is uniform in {@code [0, min(cap,
 * base·2^n))}, never shorter than a server's {@code Retry-After} and never shorter than {@code
 * floor}. Full jitter spreads the retries of many clients instead of synchronising them. Not
 * thread-safe.
 */
final class Backoff {
  private final long floorNanos;
  private final long baseNanos;
  private final long capNanos;
  private final SplittableRandom random;
  private int attempt;

  Backoff(long floorMs, long baseMs, long capMs, SplittableRandom random) {
    this.floorNanos = floorMs * 1_000_000L;
    this.baseNanos = baseMs * 1_000_000L;
    this.capNanos = capMs * 1_000_000L;
    this.random = random;
  }

  /** The next wait, in nanoseconds, at least {@code retryAfterNanos}; counts the attempt. */
  long next(long retryAfterNanos) {
    long ceiling = Math.min(capNanos, baseNanos << Math.min(attempt, 20));
    attempt++;
    long jitter = (long) (random.nextDouble() * ceiling);
    return Math.max(retryAfterNanos, Math.max(floorNanos, jitter));
  }

  /** Consecutive attempts so far. */
  int attempts() {
    return attempt;
  }

  /** Success: the next wait starts from the base again. */
  void reset() {
    attempt = 0;
  }
}
