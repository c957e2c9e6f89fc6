package io.mmbot.chaos;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * What the injector does when something it calls fails: its time source, a listener, or the logging
 * backend. The line is drawn at {@link VirtualMachineError}: every other {@link Throwable} (any
 * {@link RuntimeException}, an {@link AssertionError}, a {@link LinkageError}, even a checked
 * exception thrown sneakily) is contained, logged at a bounded rate and otherwise ignored. A
 * virtual machine error ({@link OutOfMemoryError}, {@link StackOverflowError}) says the JVM itself
 * is in trouble and is rethrown, but only once chaos is in a safe state and every other listener
 * has been called. A contained {@link InterruptedException} sets the thread's interrupt flag again.
 *
 * <p>Failure lines are rate limited against a time source of their own ({@link System#nanoTime()}
 * unless a test passes another), so a failing injector clock cannot silence or flood them. Safe for
 * concurrent use.
 */
final class FailureContainment {

  private static final System.Logger LOG = System.getLogger(ChaosInjector.class.getName());

  /** Minimum time between two failure lines of one kind. */
  static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

  /** Slots of the rate limiter: one per scenario, one for state changes, one for the clock. */
  static final int STATE_SLOT = Scenario.values().length;

  static final int CLOCK_SLOT = STATE_SLOT + 1;

  private static final int SLOTS = CLOCK_SLOT + 1;
  private static final long NEVER = Long.MIN_VALUE;

  private final LongSupplier logClock;
  private final AtomicLongArray nextLog = neverLogged(SLOTS);
  private final AtomicLong clockFailures = new AtomicLong();

  FailureContainment(LongSupplier logClock) {
    this.logClock = logClock;
  }

  /**
   * The injector's time source threw {@code t}: counts and logs it (at most once a log interval)
   * and returns false, the answer of every gate while the clock fails.
   */
  boolean clockFailed(Throwable t) {
    contain(t);
    long n = clockFailures.incrementAndGet();
    if (due(CLOCK_SLOT)) {
      log(
          System.Logger.Level.WARNING,
          "mm-chaos nanoClock threw {0}; every gate returns false while it fails ({1} failures so"
              + " far)",
          String.valueOf(t),
          n);
    }
    return false;
  }

  /** How many times the time source has failed. */
  long clockFailures() {
    return clockFailures.get();
  }

  /**
   * Listener {@code l} threw {@code t} while being told of an event of {@code slot}: logs it at a
   * bounded rate. Returns the virtual machine error to rethrow once every listener has been called:
   * {@code pending} if one is already pending, else {@code t} if it is one, else null.
   */
  VirtualMachineError listenerFailed(
      ChaosListener l, int slot, Throwable t, VirtualMachineError pending) {
    if (t instanceof VirtualMachineError) {
      return pending != null ? pending : (VirtualMachineError) t;
    }
    contain(t);
    if (due(slot)) {
      logThrown("mm-chaos listener " + describe(l) + " threw; ignored", t);
    }
    return pending;
  }

  /** Rethrows a virtual machine error; restores the interrupt flag for an interruption. */
  static void contain(Throwable t) {
    if (t instanceof VirtualMachineError) {
      throw (VirtualMachineError) t;
    }
    if (t instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
  }

  /** Logs through {@link System.Logger}; a logging backend that throws is ignored. */
  static void log(System.Logger.Level level, String format, Object... params) {
    try {
      LOG.log(level, format, params);
    } catch (Throwable t) {
      contain(t);
    }
  }

  /** Logs a warning with {@code thrown}'s stack trace; a logging backend that throws is ignored. */
  static void logThrown(String message, Throwable thrown) {
    try {
      LOG.log(System.Logger.Level.WARNING, message, thrown);
    } catch (Throwable t) {
      contain(t);
    }
  }

  private boolean due(int slot) {
    long now;
    try {
      now = logClock.getAsLong();
    } catch (Throwable t) {
      contain(t);
      return false;
    }
    return due(nextLog, slot, now, LOG_INTERVAL_NANOS);
  }

  /**
   * Whether a line of {@code slot} is due at {@code now}; if so, the next is due an interval on.
   */
  static boolean due(AtomicLongArray next, int slot, long now, long interval) {
    long at = next.get(slot);
    return (at == NEVER || now - at >= 0) && next.compareAndSet(slot, at, now + interval);
  }

  static AtomicLongArray neverLogged(int slots) {
    AtomicLongArray a = new AtomicLongArray(slots);
    for (int i = 0; i < slots; i++) {
      a.set(i, NEVER);
    }
    return a;
  }

  private static String describe(ChaosListener l) {
    try {
      return String.valueOf(l);
    } catch (Throwable t) {
      contain(t);
      return l.getClass().getName();
    }
  }
}
