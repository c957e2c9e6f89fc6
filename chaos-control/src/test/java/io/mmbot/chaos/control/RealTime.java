package io.mmbot.chaos.control;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Wall-clock readings and bounded waits of the fleet end-to-end test, in one place: that test talks
 * to real Prometheus and Alertmanager processes, which run on real time. Every wait is bounded.
 */
final class RealTime {

  private RealTime() {}

  /** A monotonic reading in nanoseconds. */
  static long now() {
    return System.nanoTime();
  }

  /** Seconds since {@code start}, a reading of {@link #now()}. */
  static double secondsSince(long start) {
    return (now() - start) / 1e9;
  }

  /**
   * Polls {@code condition} every {@code every} until it holds or {@code timeout} has passed.
   *
   * @return whether it held in time
   */
  static boolean await(Duration timeout, Duration every, BooleanSupplier condition) {
    long deadline = now() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (now() - deadline >= 0) {
        return false;
      }
      LockSupport.parkNanos(every.toNanos());
    }
  }
}
