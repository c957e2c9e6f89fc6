package io.mmbot.chaos.examples.bot;

/**
 * The EXCHANGE_ERRORS guard's memory: the times of the last {@value #ERRORS} exchange errors (5xx,
 * lost connections, timeouts); the guard is raised while all of them lie within {@value #WINDOW_MS}
 * ms. Not thread-safe: the bot's thread.
 */
final class ErrorWindow {

  /** Errors that must fall within the window. */
  static final int ERRORS = 3;

  /** The window, ms. */
  static final long WINDOW_MS = 2_000;

  private static final long WINDOW_NANOS = WINDOW_MS * 1_000_000L;

  private final long[] times = new long[ERRORS];
  private int next;

  /** An error at {@code now} (bot nanoseconds). */
  void record(long now) {
    times[next] = now;
    next = (next + 1) % times.length;
  }

  /** Forgets the errors: the exchange answered every request of a tick again. */
  void clear() {
    java.util.Arrays.fill(times, 0);
  }

  /** Whether the last {@value #ERRORS} errors all happened within the window before {@code now}. */
  boolean raised(long now) {
    long oldest = times[next];
    return oldest != 0 && now - oldest < WINDOW_NANOS;
  }
}
