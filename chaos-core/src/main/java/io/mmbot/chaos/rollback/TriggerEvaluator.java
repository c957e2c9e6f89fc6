package io.mmbot.chaos.rollback;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosReasons;
import io.mmbot.chaos.RollbackConfig;
import io.mmbot.chaos.RollbackGuard;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The evaluation of the rollback triggers, once per second of the clock: closes the second in the
 * tick window, computes the three measures against their thresholds, times how long each condition
 * has held (as Prometheus {@code for:}), feeds chaos-free seconds to the baseline and rolls chaos
 * back when a condition has held for its window. See {@link RollbackGuard} for the rules.
 *
 * <p>Not thread-safe: one thread evaluates at a time (the guard sees to it); only {@link
 * #trippedReason()} may be called from any thread.
 */
final class TriggerEvaluator {

  /** Index of the P95_TICK trigger; the order is that of {@link ChaosReasons#TRIGGERS}. */
  static final int P95 = 0;

  /** Index of the DEADLINE_MISS trigger. */
  static final int MISS = 1;

  /** Index of the PARTIAL_FAIL trigger. */
  static final int FAIL = 2;

  private static final int TRIGGERS = 3;
  private static final long STEP = RollbackGuard.EVALUATION_STEP_NANOS;
  private static final double NANOS_PER_MS = 1e6;

  private final GuardedInjector injector;
  private final TickWindow window;
  private final ChaosWatch watch;
  private final Baseline baseline = new Baseline();
  private final boolean[] holding = new boolean[TRIGGERS];
  private final long[] since = new long[TRIGGERS];
  private final double[] value = {Double.NaN, Double.NaN, Double.NaN};
  private final double[] threshold = {Double.NaN, Double.NaN, Double.NaN};
  private final long[] forNanos = new long[TRIGGERS];
  private long lastEvaluation;
  private long seenEnables;
  private long trippedAt;
  private boolean baselineConfigured;
  private double configuredBaseline;
  private boolean notReadyLogged;
  private volatile String tripped;
  private volatile long trippedGeneration;

  TriggerEvaluator(GuardedInjector injector, TickWindow window, ChaosWatch watch, long now) {
    this.injector = injector;
    this.window = window;
    this.watch = watch;
    this.lastEvaluation = now;
  }

  /**
   * Evaluates every second from {@code next} (the evaluation that is due) up to {@code now} and
   * returns the time of the next one.
   */
  long evaluate(long now, long next, RollbackConfig fixed) {
    ChaosConfig config = injector.config();
    RollbackConfig rc = fixed != null ? fixed : config.rollback();
    boolean chaosNow = injector.burstActive();
    if (chaosNow) {
      watch.chaosSeen(now);
    }
    syncEnables();
    long at = next;
    long steps = (now - at) / STEP + 1;
    step(at, config, rc, chaosNow);
    at += STEP;
    steps--;
    if (steps > TickWindow.SECONDS) {
      // A gap longer than the window: every slot would be empty, so skip to its end at once.
      window.clear();
      Arrays.fill(holding, false);
      at += (steps - 1) * STEP;
      steps = 1;
    }
    for (; steps > 0; steps--) {
      step(at, config, rc, chaosNow);
      at += STEP;
    }
    return at;
  }

  /** One evaluation at {@code at}: closes the second before it, judges, learns, maybe trips. */
  private void step(long at, ChaosConfig config, RollbackConfig rc, boolean chaosNow) {
    long ticks = window.closeSecond();
    lastEvaluation = at;

    baselineConfigured = rc.baselineP95Ms() > 0;
    configuredBaseline = rc.baselineP95Ms();
    double base = baselineConfigured ? configuredBaseline : baseline.p95Ms();
    boolean baseReady = baselineConfigured || baseline.ready();
    double p95 = window.p95Nanos() / NANOS_PER_MS;
    value[P95] = p95;
    threshold[P95] = baseReady ? base * (1 + rc.p95TickIncreasePct() / 100) : Double.NaN;
    boolean p95Over =
        baseReady && window.windowTicks >= RollbackGuard.MIN_P95_TICKS && p95 > threshold[P95];

    value[MISS] =
        window.windowTicks == 0 ? Double.NaN : 100.0 * window.windowMisses / window.windowTicks;
    threshold[MISS] = rc.deadlineMissPct();
    boolean missOver = window.windowTicks > 0 && value[MISS] > threshold[MISS];

    value[FAIL] =
        window.windowOps == 0 ? Double.NaN : 100.0 * window.windowFails / window.windowOps;
    threshold[FAIL] = rc.partialFailPct();
    boolean failOver = window.windowOps > 0 && value[FAIL] > threshold[FAIL];

    forNanos[P95] = rc.p95TickWindowSec() * STEP;
    forNanos[MISS] = rc.deadlineMissWindowSec() * STEP;
    forNanos[FAIL] = rc.partialFailWindowSec() * STEP;

    if (ticks > 0 && !chaosNow && watch.settled(at - STEP) && !p95Over && !missOver && !failOver) {
      baseline.learn(window.newestSlotBins(), ticks);
    }

    boolean armed = rc.enabled() && config.enabled() && tripped == null;
    hold(P95, armed && p95Over, at);
    hold(MISS, armed && missOver, at);
    hold(FAIL, armed && failOver, at);
    if (armed && !baselineConfigured && !baseline.ready() && !notReadyLogged) {
      notReadyLogged = true;
      TripLog.log(
          System.Logger.Level.INFO,
          "mm-chaos rollback: the P95_TICK trigger cannot fire yet: "
              + baseline.describe()
              + "; set chaos.rollback.baseline_p95_ms to configure one");
    }
    for (int k = 0; k < TRIGGERS && armed; k++) {
      if (holding[k] && at - since[k] - forNanos[k] >= 0) {
        trip(k, at, base);
        armed = false;
      }
    }
  }

  private void hold(int k, boolean condition, long at) {
    if (!condition) {
      holding[k] = false;
    } else if (!holding[k]) {
      holding[k] = true;
      since[k] = at;
    }
  }

  /**
   * Moves every time this evaluator keeps by {@code delta} nanoseconds: the clock jumped and the
   * guard re-bases its schedule on the new reading (see {@link RollbackGuard}).
   */
  void shift(long delta) {
    lastEvaluation += delta;
    trippedAt += delta;
    for (int k = 0; k < TRIGGERS; k++) {
      since[k] += delta;
    }
  }

  /** Re-arms the triggers, every timer at zero, if chaos was enabled since the last look. */
  void syncEnables() {
    long generation = watch.enables();
    if (generation != seenEnables) {
      seenEnables = generation;
      Arrays.fill(holding, false);
      tripped = null;
      notReadyLogged = false;
    }
  }

  private void trip(int k, long at, double base) {
    String reason = ChaosReasons.TRIGGERS.get(k);
    trippedGeneration = watch.enables();
    tripped = reason;
    trippedAt = at;
    injector.disable(reason);
    long heldSec = (at - since[k]) / STEP;
    Arrays.fill(holding, false);
    TripLog.log(
        System.Logger.Level.WARNING,
        TripLog.message(
            k, value[k], threshold[k], base, baselineConfigured, heldSec, forNanos[k] / STEP));
  }

  /** See {@link RollbackGuard#trippedReason()}; safe to call from any thread. */
  String trippedReason() {
    String r = tripped;
    return r != null && watch.enables() == trippedGeneration ? r : null;
  }

  /** The state at the last evaluation, for {@link RollbackGuard#status()}. */
  RollbackGuard.Status snapshot(boolean armed) {
    RollbackGuard.Trigger[] t = new RollbackGuard.Trigger[TRIGGERS];
    for (int k = 0; k < TRIGGERS; k++) {
      t[k] =
          new RollbackGuard.Trigger(
              ChaosReasons.TRIGGERS.get(k),
              value[k],
              threshold[k],
              holding[k],
              holding[k] ? Duration.ofNanos(lastEvaluation - since[k]) : Duration.ZERO,
              Duration.ofNanos(forNanos[k]));
    }
    double base = baselineConfigured ? configuredBaseline : baseline.p95Ms();
    boolean ready = baselineConfigured || baseline.ready();
    RollbackGuard.BaselineStatus b =
        new RollbackGuard.BaselineStatus(
            ready ? base : Double.NaN,
            baselineConfigured,
            ready,
            baseline.ticks(),
            baseline.seconds(),
            baselineConfigured ? "configured (baseline_p95_ms)" : baseline.describe());
    String reason = trippedReason();
    return new RollbackGuard.Status(
        armed && reason == null,
        reason,
        reason == null ? 0 : trippedAt,
        b,
        List.of(t),
        TickWindow.SECONDS,
        window.windowTicks,
        window.windowOps,
        window.totalTicks(),
        window.totalMisses(),
        window.totalOps(),
        window.totalFails(),
        window.clampedTicks());
  }
}
