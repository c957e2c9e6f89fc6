package io.mmbot.chaos.control;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The log of the connections the control server closed for being too slow: the first one at once,
 * then at most one line every {@value #EVERY_SECONDS} s with the counts since the last line, so a
 * flood of stalled clients cannot flood the log. Used by the sweeper thread only.
 */
final class SweepLog {

  static final long EVERY_SECONDS = 10;

  private static final System.Logger LOG = System.getLogger(ChaosControlServer.class.getName());

  private final LongSupplier clock;
  private long late;
  private long room;
  private long lastLine;
  private boolean anyLine;

  SweepLog(LongSupplier clock) {
    this.clock = clock;
  }

  void closed(int lateNow, int roomNow, long readTimeoutNanos) {
    late += lateNow;
    room += roomNow;
    if (late + room == 0) {
      return;
    }
    long now = clock.getAsLong();
    if (anyLine && now - lastLine < TimeUnit.SECONDS.toNanos(EVERY_SECONDS)) {
      return;
    }
    try {
      LOG.log(
          System.Logger.Level.WARNING,
          "mm-chaos control: closed "
              + late
              + " connection(s) that had not sent a whole request within "
              + TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos)
              + " ms and "
              + room
              + " still reading one to make room for waiting requests");
    } catch (RuntimeException ignored) {
      // a failing logger changes nothing
    }
    anyLine = true;
    lastLine = now;
    late = 0;
    room = 0;
  }
}
