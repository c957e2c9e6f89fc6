package io.mmbot.chaos.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Bounded polling for conditions met by other threads on real sockets (loopback servers), where no
 * virtual clock can stand in. Timing logic itself is tested in virtual time, never with this.
 */
public final class Await {
  private Await() {}

  /** Waits until {@code condition} holds; fails with {@code what} after {@code timeout}. */
  public static void until(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(2);
    }
  }

  /** A start mark for {@link #elapsedMillis}. */
  public static long mark() {
    return System.nanoTime();
  }

  /** Milliseconds elapsed since {@code startNanos}, for the few real-time smoke tests. */
  public static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000L;
  }
}
