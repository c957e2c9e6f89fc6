package io.mmbot.chaos;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The injector's listeners and its shadow-mode log, kept apart from the gates.
 *
 * <p>Listeners live in copy-on-write arrays: reading one on the hot path is one volatile load and,
 * with no listener, the loop body never runs. A listener that keeps the empty default {@link
 * ChaosListener#onInjection} (for example one that only counts rollbacks) is left out of the
 * injection array when it is added, so it costs the gates nothing.
 *
 * <p>Every listener hears every event, whatever the ones before it do: what a listener throws is
 * handled as {@link FailureContainment} says (anything but a {@link VirtualMachineError} is logged
 * at a bounded rate and ignored; a virtual machine error is rethrown after the last listener).
 *
 * <p>Would-be injections in dry-run mode are logged at a bounded rate: at most one line per
 * scenario per {@linkplain #LOG_INTERVAL_NANOS log interval}, carrying the running count, so a busy
 * bot in shadow mode does not flood its log.
 */
final class Listeners {

  private static final ChaosListener[] NONE = new ChaosListener[0];

  /** Minimum time between two shadow-mode log lines of one scenario. */
  static final long LOG_INTERVAL_NANOS = FailureContainment.LOG_INTERVAL_NANOS;

  private final FailureContainment failures;
  private final AtomicLongArray nextDryRunLog =
      FailureContainment.neverLogged(Scenario.values().length);
  private volatile ChaosListener[] all = NONE;
  private volatile ChaosListener[] hearInjections = NONE;

  Listeners(List<ChaosListener> initial, FailureContainment failures) {
    this.failures = failures;
    for (ChaosListener l : initial) {
      add(l);
    }
  }

  synchronized void add(ChaosListener listener) {
    all = appended(all, listener);
    if (overridesOnInjection(listener)) {
      hearInjections = appended(hearInjections, listener);
    }
  }

  synchronized void remove(ChaosListener listener) {
    all = removed(all, listener);
    hearInjections = removed(hearInjections, listener);
  }

  private static boolean overridesOnInjection(ChaosListener l) {
    try {
      return l.getClass()
              .getMethod("onInjection", Scenario.class, boolean.class)
              .getDeclaringClass()
          != ChaosListener.class;
    } catch (NoSuchMethodException | SecurityException e) {
      return true; // cannot tell: keep calling it
    }
  }

  private static ChaosListener[] appended(ChaosListener[] cur, ChaosListener l) {
    ChaosListener[] next = Arrays.copyOf(cur, cur.length + 1);
    next[next.length - 1] = l;
    return next;
  }

  private static ChaosListener[] removed(ChaosListener[] cur, ChaosListener l) {
    for (int i = 0; i < cur.length; i++) {
      if (cur[i] == l) {
        ChaosListener[] next = new ChaosListener[cur.length - 1];
        System.arraycopy(cur, 0, next, 0, i);
        System.arraycopy(cur, i + 1, next, i, cur.length - i - 1);
        return next;
      }
    }
    return cur;
  }

  /** A gate fired; {@code dryRunCount} is the scenario's would-be counter in shadow mode. */
  void injection(Scenario scenario, boolean dryRun, long now, InjectionCounter dryRunCount) {
    if (dryRun
        && FailureContainment.due(nextDryRunLog, scenario.ordinal(), now, LOG_INTERVAL_NANOS)) {
      FailureContainment.log(
          System.Logger.Level.INFO,
          "mm-chaos shadow mode: would inject {0} ({1} would-be injections so far)",
          scenario.key(),
          dryRunCount.sum());
    }
    VirtualMachineError fatal = null;
    for (ChaosListener l : hearInjections) {
      try {
        l.onInjection(scenario, dryRun);
      } catch (Throwable t) {
        fatal = failures.listenerFailed(l, scenario.ordinal(), t, fatal);
      }
    }
    if (fatal != null) {
      throw fatal;
    }
  }

  /** Whether any listener wants to hear injections. */
  boolean any() {
    return hearInjections.length != 0;
  }

  /** Tells every listener; a virtual machine error is rethrown after the last one. */
  void stateChange(ChaosListener.StateChange change) {
    VirtualMachineError fatal = null;
    for (ChaosListener l : all) {
      try {
        l.onStateChange(change);
      } catch (Throwable t) {
        fatal = failures.listenerFailed(l, FailureContainment.STATE_SLOT, t, fatal);
      }
    }
    if (fatal != null) {
      throw fatal;
    }
  }
}
