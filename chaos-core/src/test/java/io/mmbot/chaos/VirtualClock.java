package io.mmbot.chaos;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A nanosecond clock that only moves when a test moves it. Not thread-safe for writers. */
final class VirtualClock implements LongSupplier {
  private volatile long nanos;

  VirtualClock() {
    this(1_000_000_000_000L);
  }

  VirtualClock(long start) {
    this.nanos = start;
  }

  @Override
  public long getAsLong() {
    return nanos;
  }

  void advance(Duration d) {
    nanos += d.toNanos();
  }

  void advanceNanos(long d) {
    nanos += d;
  }

  void advanceMillis(long ms) {
    nanos += ms * 1_000_000L;
  }
}
