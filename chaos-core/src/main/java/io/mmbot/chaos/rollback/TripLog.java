package io.mmbot.chaos.rollback;

import io.mmbot.chaos.ChaosReasons;
import io.mmbot.chaos.RollbackGuard;
import java.util.Locale;

/**
 * The rollback guard's log lines: the one WARNING line of a rollback, with the measured value, the
 * threshold and how long the condition held, the INFO line that says the p95 trigger cannot fire
 * yet, and the WARNING lines of its fail-safe paths (a clock that went back, a negative duration, a
 * failure). A failing logging backend changes nothing. Stateless.
 */
final class TripLog {

  static final System.Logger LOG = System.getLogger(RollbackGuard.class.getName());

  private TripLog() {}

  /** The guard's clock went back by {@code seconds} and the guard re-based on it. */
  static void clockWentBack(long seconds) {
    log(
        System.Logger.Level.WARNING,
        "mm-chaos rollback guard: its clock went back by "
            + seconds
            + " s; evaluations go on from the new reading");
  }

  /** The first negative duration given to {@code recordTick}. */
  static void negativeDuration(long durationNanos) {
    log(
        System.Logger.Level.WARNING,
        "mm-chaos rollback guard: recordTick got a negative duration ("
            + durationNanos
            + " ns, taken across a clock step back?); recorded as 0 ns and counted in"
            + " status().clampedTicks(); further ones are counted without a log line");
  }

  /** The guard failed (its clock threw, say) and switched chaos off. */
  static void guardFailed(Throwable e) {
    try {
      LOG.log(System.Logger.Level.WARNING, "mm-chaos rollback guard failed; chaos disabled", e);
    } catch (RuntimeException ignored) {
      // the rollback has happened; a failing logger changes nothing
    }
  }

  /** The line of a rollback by trigger {@code k} ({@link TriggerEvaluator#P95} and so on). */
  static String message(
      int k,
      double value,
      double threshold,
      double base,
      boolean baselineConfigured,
      long heldSec,
      long windowSec) {
    String measure;
    switch (k) {
      case TriggerEvaluator.P95:
        measure =
            String.format(
                Locale.ROOT,
                "tick p95 %.1f ms > %.1f ms (baseline %.1f ms %s + %s %%)",
                value,
                threshold,
                base,
                baselineConfigured ? "configured" : "measured",
                trim(threshold / base * 100 - 100));
        break;
      case TriggerEvaluator.MISS:
        measure =
            String.format(
                Locale.ROOT, "deadline-miss share %.2f %% > %s %%", value, trim(threshold));
        break;
      default:
        measure =
            String.format(
                Locale.ROOT, "partial-failure share %.2f %% > %s %%", value, trim(threshold));
    }
    return String.format(
        Locale.ROOT,
        "mm-chaos rollback %s: %s at every evaluation for %d s (trigger window %d s, measured over"
            + " the last %d s); chaos disabled",
        ChaosReasons.TRIGGERS.get(k),
        measure,
        heldSec,
        windowSec,
        TickWindow.SECONDS);
  }

  /** Logs {@code message} at {@code level}; a failing logger is ignored. */
  static void log(System.Logger.Level level, String message) {
    try {
      LOG.log(level, message);
    } catch (RuntimeException ignored) {
      // the decision has been taken; a failing logger changes nothing
    }
  }

  private static String trim(double d) {
    double r = Math.rint(d * 100) / 100;
    return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
  }
}
