package io.mmbot.chaos;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The random source behind the gates: uniform draws in {@code [0, 2^63)}, compared against a
 * threshold of {@code p * 2^63} so that a draw fires with probability {@code p}.
 *
 * <p>Unseeded, draws come from {@link ThreadLocalRandom}: no contention and no allocation. Seeded,
 * each stream is an independent SplitMix64 sequence whose state advances with an atomic add, so the
 * same sequence of calls gives the same draws, and calls on one stream (for example DNS lookups) do
 * not shift the draws of another (for example packet loss). Safe for concurrent use.
 */
final class Draws {

  /** Number of independent streams: one per scenario plus a few for auxiliary choices. */
  static final int STREAMS = 16;

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  // One stream's state every 8 longs (64 bytes) to keep streams on separate cache lines.
  private static final int STRIDE = 8;

  private static final Draws UNSEEDED = new Draws(null, false, 0);

  private final AtomicLongArray states;
  private final boolean seeded;
  private final long seed;

  private Draws(AtomicLongArray states, boolean seeded, long seed) {
    this.states = states;
    this.seeded = seeded;
    this.seed = seed;
  }

  /** Draws from {@link ThreadLocalRandom}. */
  static Draws unseeded() {
    return UNSEEDED;
  }

  /** Reproducible draws derived from {@code seed}. */
  static Draws seeded(long seed) {
    AtomicLongArray states = new AtomicLongArray(STREAMS * STRIDE);
    for (int i = 0; i < STREAMS; i++) {
      states.set(i * STRIDE, mix(seed + (i + 1) * GOLDEN_GAMMA * 31));
    }
    return new Draws(states, true, seed);
  }

  /** Whether these draws are reproducible. */
  boolean isSeeded() {
    return seeded;
  }

  /** The seed; meaningful only when {@link #isSeeded()}. */
  long seed() {
    return seed;
  }

  /** The next draw of a stream, uniform in {@code [0, 2^63)}. */
  long next(int stream) {
    if (!seeded) {
      return ThreadLocalRandom.current().nextLong() >>> 1;
    }
    return mix(states.addAndGet(stream * STRIDE, GOLDEN_GAMMA)) >>> 1;
  }

  /** The threshold that a draw falls below with probability {@code p}, for p in [0, 1]. */
  static long threshold(double p) {
    return (long) (p * 0x1p63);
  }

  /** The next draw of a stream mapped to {@code [0, bound)}. */
  int nextInt(int stream, int bound) {
    return (int) ((next(stream) >>> 31) * bound >>> 32);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
