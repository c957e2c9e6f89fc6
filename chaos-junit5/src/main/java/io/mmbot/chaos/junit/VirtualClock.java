package io.mmbot.chaos.junit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A nanosecond time source that moves only when the test advances it: the {@code nanoClock} of the
 * test's injector, and of any adapter the test builds ({@code ChaosHttpClient.builder(…)
 * .nanoClock(clock)}). Burst windows, expiry, waves and the WebSocket disconnect rate all follow
 * it, so a test of timing needs no sleeping and gives the same result on a slow machine.
 *
 * <p>Like {@link System#nanoTime()}, only differences between readings mean anything; a new clock
 * reads 0. Time never goes backwards. Safe for concurrent use: readers on other threads see every
 * advance that completed before their read.
 */
public final class VirtualClock implements LongSupplier {

  private final AtomicLong nanos = new AtomicLong();

  /** A clock at 0 that moves only when advanced. */
  public VirtualClock() {}

  /** The current reading in nanoseconds. */
  public long nanoTime() {
    return nanos.get();
  }

  /** The current reading in nanoseconds, as {@link #nanoTime()}. */
  @Override
  public long getAsLong() {
    return nanos.get();
  }

  /** The time advanced so far, as a duration. */
  public Duration elapsed() {
    return Duration.ofNanos(nanos.get());
  }

  /**
   * Moves the clock forward by {@code amount} and returns the new reading.
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public long advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException(
          "a virtual clock only moves forward: advance(" + amount + ")");
    }
    return advanceNanos(amount.toNanos());
  }

  /**
   * Moves the clock forward by {@code millis} milliseconds and returns the new reading.
   *
   * @throws IllegalArgumentException if {@code millis} is negative
   */
  public long advanceMillis(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException(
          "a virtual clock only moves forward: advanceMillis(" + millis + ")");
    }
    return advanceNanos(Math.multiplyExact(millis, 1_000_000L));
  }

  /**
   * Moves the clock forward by {@code nanos} nanoseconds and returns the new reading.
   *
   * @throws IllegalArgumentException if {@code nanos} is negative
   */
  public long advanceNanos(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException(
          "a virtual clock only moves forward: advanceNanos(" + nanos + ")");
    }
    return this.nanos.addAndGet(nanos);
  }

  @Override
  public String toString() {
    return "VirtualClock{" + elapsed() + '}';
  }
}
