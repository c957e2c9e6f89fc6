package io.mmbot.chaos.config;

/**
 * The debounce of valid versions, as a pure state machine over the caller's {@code now}: a burst of
 * changes settles once it has been quiet for {@code quietNanos}, and at the latest {@code capNanos}
 * after its first change, so a file that keeps changing is still read. It reads no clock, starts no
 * thread and holds no lock: tests drive it in virtual time. Not thread-safe (the watcher's one
 * thread owns it); all comparisons use differences, so {@code nanoTime} wrap-around is harmless.
 */
final class Debounce {

  private final long quietNanos;
  private final long capNanos;
  private boolean pending;
  private long first;
  private long last;

  Debounce(long quietNanos, long capNanos) {
    if (quietNanos < 0 || capNanos < quietNanos) {
      throw new IllegalArgumentException("need 0 <= quiet <= cap");
    }
    this.quietNanos = quietNanos;
    this.capNanos = capNanos;
  }

  /** A change was noticed at {@code now}: starts a burst, or extends the one pending. */
  void changed(long now) {
    if (!pending) {
      pending = true;
      first = now;
    }
    last = now;
  }

  /** Forgets the pending burst (it was read, or superseded by an invalid version). */
  void clear() {
    pending = false;
  }

  /** Whether a burst is waiting to settle. */
  boolean pending() {
    return pending;
  }

  /** Whether the pending burst has settled at {@code now}. */
  boolean due(long now) {
    return pending && (now - last >= quietNanos || now - first >= capNanos);
  }

  /**
   * Nanoseconds from {@code now} until the pending burst settles; {@link Long#MAX_VALUE} if none.
   */
  long nanosUntilDue(long now) {
    if (!pending) {
      return Long.MAX_VALUE;
    }
    long byQuiet = last + quietNanos - now;
    long byCap = first + capNanos - now;
    return Math.max(0, Math.min(byQuiet, byCap));
  }
}
