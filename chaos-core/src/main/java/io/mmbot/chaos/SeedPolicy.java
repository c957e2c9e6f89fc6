package io.mmbot.chaos;

/**
 * Which random source a configuration gets: its own {@code seed} if it has one, else the seed given
 * to the injector's builder, else an unseeded, thread-local source. A new configuration with the
 * same seed keeps the source it had, so an update does not restart the sequence of decisions.
 * Immutable.
 */
final class SeedPolicy {

  private final boolean hasFallback;
  private final long fallback;

  SeedPolicy(boolean hasFallback, long fallback) {
    this.hasFallback = hasFallback;
    this.fallback = fallback;
  }

  /**
   * The source for {@code config}, reusing {@code previous} (may be null) when the seed is kept.
   */
  Draws draws(Draws previous, ChaosConfig config) {
    boolean seeded = config.hasSeed() || hasFallback;
    long seed = config.hasSeed() ? config.seed() : fallback;
    if (!seeded) {
      return Draws.unseeded();
    }
    if (previous != null && previous.isSeeded() && previous.seed() == seed) {
      return previous;
    }
    return Draws.seeded(seed);
  }
}
