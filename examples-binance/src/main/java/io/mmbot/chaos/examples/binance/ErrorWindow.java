package io.mmbot.chaos.examples.binance;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Counts exchange errors over a sliding window on an injected clock, for the {@code
 * EXCHANGE_ERRORS} guard. Not thread-safe.
 */
final class ErrorWindow {

  private final long windowNanos;
  private final LongSupplier nanoClock;
  private final ArrayDeque<Long> times = new ArrayDeque<>();

  ErrorWindow(long windowMs, LongSupplier nanoClock) {
    this.windowNanos = windowMs * 1_000_000L;
    this.nanoClock = nanoClock;
  }

  /** Records one error now. */
  void record() {
    times.addLast(nanoClock.getAsLong());
  }

  /** Errors within the window ending now. */
  int count() {
    long now = nanoClock.getAsLong();
    while (!times.isEmpty() && now - times.peekFirst() > windowNanos) {
      times.removeFirst();
    }
    return times.size();
  }
}
