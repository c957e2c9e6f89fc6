package io.mmbot.chaos.examples.exchange.sim;

import java.util.SplittableRandom;

/**
 * A rule of the simulated exchange: the {@code Retry-After} of every 429 or 418 it answers carries
 * milliseconds, drawn uniformly from {@code [fromMs, fromMs + spreadMs)} with its own seeded random
 * (so that switching the rule on changes no other random choice of the simulation). On a wire it
 * would be written as a decimal number of seconds, {@code Retry-After: 1.350}. Not thread-safe.
 */
public final class SubSecondRetryAfter {

  private final long fromMs;
  private final long spreadMs;
  private final SplittableRandom random;

  /**
   * Draws from {@code [fromMs, fromMs + spreadMs)}, seeded with {@code seed}.
   *
   * @throws IllegalArgumentException if {@code fromMs} is below 1 or {@code spreadMs} below 1
   */
  public SubSecondRetryAfter(long fromMs, long spreadMs, long seed) {
    if (fromMs < 1 || spreadMs < 1) {
      throw new IllegalArgumentException(
          "Retry-After from " + fromMs + " ms spread " + spreadMs + " ms: both must be at least 1");
    }
    this.fromMs = fromMs;
    this.spreadMs = spreadMs;
    this.random = new SplittableRandom(seed);
  }

  /** The next {@code Retry-After}, in milliseconds. */
  public long nextMs() {
    return fromMs + random.nextLong(spreadMs);
  }
}
