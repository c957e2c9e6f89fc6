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
 * injection array when it is added, so it costs the gates nothing. A listener that throws is logged
 * (at most once a {@linkplain #LOG_INTERVAL_NANOS log interval} per scenario) and otherwise
 * ignored.
 *
 * <p>Would-be injections in dry-run mode are logged at a bounded rate: at most one line per
 * scenario per {@linkplain #LOG_INTERVAL_NANOS log interval}, carrying the running count, so a busy
 * bot in shadow mode does not flood its log.
 */
final class Listeners {

  private static final System.Logger LOG = System.getLogger(ChaosInjector.class.getName());
  private static final ChaosListener[] NONE = new ChaosListener[0];

  /** Minimum time between two shadow-mode or listener-failure log lines of one scenario. */
  static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

  private static final int SLOTS = Scenario.values().length + 1;
  private static final int STATE_SLOT = SLOTS - 1;
  private static final long NEVER = Long.MIN_VALUE;

  private final AtomicLongArray nextDryRunLog;
  private final AtomicLongArray nextFailureLog;
  private volatile ChaosListener[] all = NONE;
  private volatile ChaosListener[] hearInjections = NONE;

  Listeners(List<ChaosListener> initial) {
    this.nextDryRunLog = neverLogged();
    this.nextFailureLog = neverLogged();
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
    if (dryRun && due(nextDryRunLog, scenario.ordinal(), now)) {
      LOG.log(
          System.Logger.Level.INFO,
          "mm-chaos shadow mode: would inject {0} ({1} would-be injections so far)",
          scenario.key(),
          dryRunCount.sum());
    }
    for (ChaosListener l : hearInjections) {
      try {
        l.onInjection(scenario, dryRun);
      } catch (RuntimeException e) {
        failed(l, scenario.ordinal(), now, e);
      }
    }
  }

  /** Whether any listener wants to hear injections. */
  boolean any() {
    return hearInjections.length != 0;
  }

  void stateChange(ChaosListener.StateChange change) {
    for (ChaosListener l : all) {
      try {
        l.onStateChange(change);
      } catch (RuntimeException e) {
        failed(l, STATE_SLOT, change.nanoTime(), e);
      }
    }
  }

  private void failed(ChaosListener l, int slot, long now, RuntimeException e) {
    if (due(nextFailureLog, slot, now)) {
      LOG.log(System.Logger.Level.WARNING, "mm-chaos listener " + l + " threw; ignored", e);
    }
  }

  private static boolean due(AtomicLongArray next, int slot, long now) {
    long at = next.get(slot);
    return (at == NEVER || now - at >= 0) && next.compareAndSet(slot, at, now + LOG_INTERVAL_NANOS);
  }

  private static AtomicLongArray neverLogged() {
    AtomicLongArray a = new AtomicLongArray(SLOTS);
    for (int i = 0; i < SLOTS; i++) {
      a.set(i, NEVER);
    }
    return a;
  }
}
