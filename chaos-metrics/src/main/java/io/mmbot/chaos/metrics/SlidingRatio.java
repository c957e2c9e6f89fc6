package io.mmbot.chaos.metrics;

import java.util.function.LongSupplier;

/**
 * The share of failed operations over a recent window, kept in {@value #SLOTS} time slots that the
 * window slides over in steps of one slot (window / {@value #SLOTS}).
 *
 * <p>{@link #ratio()} counts the current slot and the {@value #SLOTS} - 1 before it, so it covers
 * between {@code window - slot} and {@code window} of history; with no operation in that span it is
 * 0 (nothing failed), never NaN.
 *
 * <p>Thread safety: safe for concurrent use. Both methods hold this object's monitor for a few
 * array operations; neither allocates.
 */
final class SlidingRatio {

  static final int SLOTS = 20;

  private final LongSupplier nanoClock;
  private final long slotNanos;
  private final long[] epochs = new long[SLOTS];
  private final long[] totals = new long[SLOTS];
  private final long[] failures = new long[SLOTS];

  SlidingRatio(LongSupplier nanoClock, long windowNanos) {
    this.nanoClock = nanoClock;
    this.slotNanos = Math.max(1, windowNanos / SLOTS);
    java.util.Arrays.fill(epochs, Long.MIN_VALUE);
  }

  /** Records one operation, failed or not, at the clock's current time. */
  synchronized void record(boolean failed) {
    long epoch = Math.floorDiv(nanoClock.getAsLong(), slotNanos);
    int i = (int) Math.floorMod(epoch, (long) SLOTS);
    if (epochs[i] != epoch) {
      epochs[i] = epoch;
      totals[i] = 0;
      failures[i] = 0;
    }
    totals[i]++;
    if (failed) {
      failures[i]++;
    }
  }

  /** Failed operations divided by all operations in the window; 0 when there were none. */
  synchronized double ratio() {
    long epoch = Math.floorDiv(nanoClock.getAsLong(), slotNanos);
    long total = 0;
    long failed = 0;
    for (int i = 0; i < SLOTS; i++) {
      long age = epoch - epochs[i];
      if (epochs[i] != Long.MIN_VALUE && age >= 0 && age < SLOTS) {
        total += totals[i];
        failed += failures[i];
      }
    }
    return total == 0 ? 0.0 : (double) failed / total;
  }
}
