package io.mmbot.chaos.config;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The config watcher's watchdog: the watcher reports progress after each of its turns, and should
 * it make none for the stall limit (a listener that blocks, a file system that hangs), the watchdog
 * switches chaos off through the {@link ApplyPolicy} and marks the watcher stalled until its next
 * turn. Runs on a daemon thread of its own once {@link #start()}ed; tests call {@link #check()} in
 * virtual time instead. Thread-safe.
 */
final class StallWatchdog {

  private final Path file;
  private final LongSupplier clock;
  private final long stallNanos;
  private final ApplyPolicy policy;
  private final BooleanSupplier closed;
  private volatile long lastProgress;
  private volatile boolean stalled;
  private Thread thread;

  StallWatchdog(
      Path file,
      LongSupplier clock,
      long stallNanos,
      ApplyPolicy policy,
      BooleanSupplier closed,
      long now) {
    this.file = file;
    this.clock = clock;
    this.stallNanos = stallNanos;
    this.policy = policy;
    this.closed = closed;
    this.lastProgress = now;
  }

  /** Starts the watchdog's daemon thread. */
  void start() {
    thread = new Thread(this::run, "mm-chaos-config-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops the watchdog's thread, if it was started. */
  void stop() {
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** The watcher made progress at {@code now}. */
  void progress(long now) {
    lastProgress = now;
  }

  /** Whether a stall was reported and the watcher has not moved since. */
  boolean stalled() {
    return stalled;
  }

  /** Whether a stall was reported; clears it (the watcher moves again). */
  boolean clearStall() {
    if (!stalled) {
      return false;
    }
    stalled = false;
    return true;
  }

  /** Whether the last progress is no older than the stall limit at {@code now}. */
  boolean progressWithinLimit(long now) {
    return now - lastProgress <= stallNanos;
  }

  private void run() {
    long period =
        Math.max(1_000_000L, Math.min(stallNanos / 4, ChaosConfigWatcher.HEARTBEAT_NANOS));
    try {
      while (!closed.getAsBoolean()) {
        TimeUnit.NANOSECONDS.sleep(period);
        check();
      }
    } catch (InterruptedException e) {
      // the watcher was closed.
    }
  }

  /** Switches chaos off if the watcher has made no progress for the stall limit. */
  void check() {
    long idle = clock.getAsLong() - lastProgress;
    if (closed.getAsBoolean() || stalled || idle <= stallNanos) {
      return;
    }
    stalled = true;
    String why =
        "the config watcher of "
            + file
            + " has made no progress for "
            + TimeUnit.NANOSECONDS.toMillis(idle)
            + " ms (a blocking listener or file system?); chaos is off until it moves again";
    policy.reportStall(why);
  }
}
