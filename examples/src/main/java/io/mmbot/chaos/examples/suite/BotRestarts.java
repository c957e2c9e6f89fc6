package io.mmbot.chaos.examples.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * When the bot's process is killed during a run, and how long it stays down before its next start:
 * {@value #COUNT} restarts in the burst, each down {@value #MIN_DOWN_MS} to {@value #MAX_DOWN_MS}
 * ms, every one back up at least {@value #SETTLE_MS} ms before the burst ends (so recovery after
 * the burst is judged on a process that has been up for ten ticks). Drawn from the run's seed with
 * a generator of its own, so that no other random choice of the run changes.
 *
 * @param restarts the restarts, in time order
 */
record BotRestarts(List<Restart> restarts) {

  /** Restarts in the burst. */
  static final int COUNT = 3;

  /** The shortest downtime, ms. */
  static final long MIN_DOWN_MS = 1_000;

  /** The longest downtime, ms. */
  static final long MAX_DOWN_MS = 3_000;

  /** How long before the burst's end the last restarted process is up at the latest, ms. */
  static final long SETTLE_MS = 5_000;

  /** No restart: the process runs the whole run. */
  static final BotRestarts NONE = new BotRestarts(List.of());

  private static final long MS = 1_000_000L;

  /** Mixed into the seed, so that the restarts' generator is not any other one of the run. */
  private static final long STREAM = 0x4B1D_5EED_0F_B07L;

  BotRestarts {
    restarts = List.copyOf(restarts);
  }

  /**
   * One kill of the process at {@code atNanos} (harness time; the tick under way completes first),
   * back up {@code downNanos} after the kill.
   */
  record Restart(long atNanos, long downNanos) {}

  /**
   * The restarts of seed {@code seed} in the burst from {@code burstFromNanos} lasting {@code
   * burstNanos}: the burst is cut in {@value #COUNT} equal slots, and each restart falls at a
   * uniform time in its own slot early enough to be back up {@value #SETTLE_MS} ms before the slot
   * ends (a 30 s burst: a kill in the first 2 s of each 10 s).
   */
  static BotRestarts draw(long seed, long burstFromNanos, long burstNanos) {
    SplittableRandom random = new SplittableRandom(seed ^ STREAM);
    int count = COUNT;
    long slot = burstNanos / count;
    long latest = slot - (MAX_DOWN_MS + SETTLE_MS) * MS;
    if (latest <= 0) {
      throw new IllegalArgumentException("a burst of " + burstNanos + " ns is too short");
    }
    List<Restart> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long at = burstFromNanos + i * slot + random.nextLong(latest);
      long down = random.nextLong(MIN_DOWN_MS * MS, MAX_DOWN_MS * MS + 1);
      out.add(new Restart(at, down));
    }
    return new BotRestarts(out);
  }

  /** Whether there is no restart. */
  boolean isEmpty() {
    return restarts.isEmpty();
  }
}
