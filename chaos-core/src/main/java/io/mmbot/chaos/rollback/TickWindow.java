package io.mmbot.chaos.rollback;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The rollback guard's measurements: cumulative counters that the recording threads bump, and the
 * sliding window of the last {@value #SECONDS} one-second slots that the evaluating thread derives
 * from them.
 *
 * <p>Design note: recording threads never reset anything. They add to cumulative counters (one
 * atomic increment of a histogram bin per tick, a {@link LongAdder} per deadline miss or
 * operation); at each evaluation step the evaluator reads the counters, takes the difference to its
 * previous reading as the second that just closed, stores it in a ring slot and updates running
 * window sums (adding the new slot, subtracting the slot it replaces). So no increment can be lost
 * to a reset race: one that lands while a step is being closed is simply counted in the next
 * second. Every structure has a fixed size; nothing is allocated after construction.
 *
 * <p>Thread safety: {@link #tick} and {@link #operation} are safe for concurrent use; every other
 * method belongs to the one evaluating thread at a time (the guard hands that role over with a
 * compare-and-set).
 */
final class TickWindow {

  /** Length of the window, in one-second slots. */
  static final int SECONDS = 60;

  private static final int BINS = LatencyBins.COUNT;

  // ---- written by recording threads
  private final AtomicLongArray cumulativeBins = new AtomicLongArray(BINS);
  private final LongAdder cumulativeMisses = new LongAdder();
  private final LongAdder cumulativeOps = new LongAdder();
  private final LongAdder cumulativeFails = new LongAdder();
  private final LongAdder clamped = new LongAdder();

  // ---- evaluator only
  private final long[] seenBins = new long[BINS];
  private long seenMisses;
  private long seenOps;
  private long seenFails;

  private final int[][] slotBins = new int[SECONDS][BINS];
  private final long[] slotTicks = new long[SECONDS];
  private final long[] slotMisses = new long[SECONDS];
  private final long[] slotOps = new long[SECONDS];
  private final long[] slotFails = new long[SECONDS];
  private int slot;

  /** Window sums over all slots. */
  final long[] windowBins = new long[BINS];

  long windowTicks;
  long windowMisses;
  long windowOps;
  long windowFails;

  /** Counts one tick; a negative duration counts as 0 ns (and as clamped). */
  void tick(long durationNanos, boolean deadlineMissed) {
    if (durationNanos < 0) {
      clamped.increment();
    }
    cumulativeBins.getAndIncrement(LatencyBins.index(durationNanos));
    if (deadlineMissed) {
      cumulativeMisses.increment();
    }
  }

  void operation(boolean partialFailure) {
    cumulativeOps.increment();
    if (partialFailure) {
      cumulativeFails.increment();
    }
  }

  /**
   * Closes one second: everything counted since the previous call becomes the newest slot; the
   * oldest slot leaves the window. Returns the ticks of the new slot.
   */
  long closeSecond() {
    slot = slot == SECONDS - 1 ? 0 : slot + 1;
    int[] bins = slotBins[slot];
    long ticks = 0;
    for (int i = 0; i < BINS; i++) {
      long cur = cumulativeBins.get(i);
      long d = cur - seenBins[i];
      int old = bins[i];
      if (d == 0 && old == 0) {
        continue;
      }
      seenBins[i] = cur;
      // A slot holds at most Integer.MAX_VALUE per bin; window and slot agree on the same value.
      int n = (int) Math.min(d, Integer.MAX_VALUE);
      windowBins[i] += n - old;
      bins[i] = n;
      ticks += n;
    }
    windowTicks += ticks - slotTicks[slot];
    slotTicks[slot] = ticks;

    long misses = cumulativeMisses.sum();
    long ops = cumulativeOps.sum();
    long fails = cumulativeFails.sum();
    windowMisses += (misses - seenMisses) - slotMisses[slot];
    slotMisses[slot] = misses - seenMisses;
    windowOps += (ops - seenOps) - slotOps[slot];
    slotOps[slot] = ops - seenOps;
    windowFails += (fails - seenFails) - slotFails[slot];
    slotFails[slot] = fails - seenFails;
    seenMisses = misses;
    seenOps = ops;
    seenFails = fails;
    return ticks;
  }

  /** The histogram of the slot closed last. */
  int[] newestSlotBins() {
    return slotBins[slot];
  }

  /** Empties the window (after a gap longer than it); counts since the last close are dropped. */
  void clear() {
    for (int i = 0; i < BINS; i++) {
      seenBins[i] = cumulativeBins.get(i);
    }
    seenMisses = cumulativeMisses.sum();
    seenOps = cumulativeOps.sum();
    seenFails = cumulativeFails.sum();
    for (int[] s : slotBins) {
      Arrays.fill(s, 0);
    }
    Arrays.fill(slotTicks, 0);
    Arrays.fill(slotMisses, 0);
    Arrays.fill(slotOps, 0);
    Arrays.fill(slotFails, 0);
    Arrays.fill(windowBins, 0);
    windowTicks = 0;
    windowMisses = 0;
    windowOps = 0;
    windowFails = 0;
  }

  /** The p95 of the window, in nanoseconds; NaN when the window holds no tick. */
  double p95Nanos() {
    return windowTicks == 0 ? Double.NaN : LatencyBins.quantileNanos(windowBins, windowTicks, 0.95);
  }

  /** Ticks recorded since construction (cumulative, not windowed). */
  long totalTicks() {
    long n = 0;
    for (int i = 0; i < BINS; i++) {
      n += cumulativeBins.get(i);
    }
    return n;
  }

  /** Ticks recorded with a negative duration, counted as 0 ns. */
  long clampedTicks() {
    return clamped.sum();
  }

  long totalMisses() {
    return cumulativeMisses.sum();
  }

  long totalOps() {
    return cumulativeOps.sum();
  }

  long totalFails() {
    return cumulativeFails.sum();
  }
}
