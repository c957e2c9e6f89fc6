package io.mmbot.chaos.rollback;

import io.mmbot.chaos.ChaosReasons;
import io.mmbot.chaos.RollbackConfig;
import io.mmbot.chaos.RollbackGuard;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The working part of a {@link RollbackGuard}, which declares the API and delegates here: records
 * ticks and operations, runs the evaluation once per second of the clock on whichever caller finds
 * it due, re-bases the schedule when the clock goes back, and fails safe (chaos off) when its clock
 * or its evaluation throws. See {@link RollbackGuard} for the rules.
 *
 * <p>Not an API: this package is not exported by the module; on the class path its public types are
 * public only so that {@link RollbackGuard} can reach them.
 *
 * <p>Thread safety: safe for concurrent use. Recording takes no lock and allocates nothing; the
 * evaluation belongs to one thread at a time, handed over with a compare-and-set.
 */
public final class GuardEngine {

  /** Length of the window the three measures are computed over, in seconds. */
  public static final int WINDOW_SECONDS = TickWindow.SECONDS;

  /** Upper bound of the p95's error relative to the exact p95 (durations of 65.5 µs or more). */
  public static final double P95_RELATIVE_ERROR = LatencyBins.RELATIVE_ERROR;

  private static final long STEP = RollbackGuard.EVALUATION_STEP_NANOS;

  private final GuardedInjector injector;
  private final RollbackConfig fixed;
  private final LongSupplier clock;
  private final TickWindow window = new TickWindow();
  private final ChaosWatch watch;
  private final TriggerEvaluator triggers;

  /** The thread evaluating now, or null: the evaluator belongs to it. */
  private final AtomicReference<Thread> evaluating = new AtomicReference<>();

  private volatile long nextEvaluation;
  private volatile boolean closed;
  private volatile boolean clampLogged;
  private volatile boolean failureLogged;

  /**
   * An engine over {@code injector}, registering its listener there.
   *
   * @param fixed thresholds and windows to use instead of {@code injector.config().rollback()}, or
   *     null to follow the injector's configuration
   * @param clock the nanosecond time source
   * @param settleNanos how long after chaos was seen ticks stay out of the measured baseline
   */
  public GuardEngine(
      GuardedInjector injector, RollbackConfig fixed, LongSupplier clock, long settleNanos) {
    this.injector = injector;
    this.fixed = fixed;
    this.clock = clock;
    this.watch = new ChaosWatch(settleNanos);
    long now = clock.getAsLong();
    this.nextEvaluation = now + STEP;
    this.triggers = new TriggerEvaluator(injector, window, watch, now);
    injector.addListener(watch);
  }

  // ---------------------------------------------------------------- recording

  /**
   * Records a tick at clock reading {@code now} (see {@link RollbackGuard#recordTick}): the guard
   * reads its clock itself and hands the reading over, which keeps the hot path one load short.
   */
  public void recordTick(long now, long durationNanos, boolean deadlineMissed) {
    if (durationNanos < 0 && !clampLogged) {
      clampLogged = true;
      TripLog.negativeDuration(durationNanos);
    }
    if (due(now)) {
      tryEvaluate(now);
    }
    window.tick(durationNanos, deadlineMissed);
  }

  /** Records a tick whose clock reading threw {@code failure}: fails safe, then counts the tick. */
  public void recordTickWithoutClock(
      Throwable failure, long durationNanos, boolean deadlineMissed) {
    if (durationNanos < 0 && !clampLogged) {
      clampLogged = true;
      TripLog.negativeDuration(durationNanos);
    }
    failSafe(failure);
    window.tick(durationNanos, deadlineMissed);
  }

  /**
   * Records an operation at clock reading {@code now}; see {@link RollbackGuard#recordOperation}.
   */
  public void recordOperation(long now, boolean partialFailure) {
    if (due(now)) {
      tryEvaluate(now);
    }
    window.operation(partialFailure);
  }

  /** Records an operation whose clock reading threw {@code failure}: fails safe, then counts it. */
  public void recordOperationWithoutClock(Throwable failure, boolean partialFailure) {
    failSafe(failure);
    window.operation(partialFailure);
  }

  /** See {@link RollbackGuard#trippedReason()}. */
  public String trippedReason() {
    return triggers.trippedReason();
  }

  /** See {@link RollbackGuard#status()}. */
  public RollbackGuard.Status status() {
    Thread me = Thread.currentThread();
    if (evaluating.get() == me) {
      return snapshot(); // called back from a listener while this thread evaluates
    }
    while (!evaluating.compareAndSet(null, me)) {
      Thread.onSpinWait();
    }
    try {
      long now;
      try {
        now = clock.getAsLong();
      } catch (Throwable e) {
        failSafe(e);
        return snapshot();
      }
      if (due(now)) {
        evaluateSafely(now);
      }
      triggers.syncEnables();
      return snapshot();
    } finally {
      evaluating.set(null);
    }
  }

  /** See {@link RollbackGuard#close()}. */
  public void close() {
    closed = true;
    injector.removeListener(watch);
  }

  // ---------------------------------------------------------------- evaluation

  private void tryEvaluate(long now) {
    Thread me = Thread.currentThread();
    if (!evaluating.compareAndSet(null, me)) {
      return; // another thread is evaluating this second (or this one, from a listener)
    }
    try {
      if (due(now)) {
        evaluateSafely(now);
      }
    } finally {
      evaluating.set(null);
    }
  }

  /**
   * Whether {@code now} calls for the evaluator: an evaluation is due, or the clock went back to
   * before the last evaluation (then the schedule is re-based, see {@link #rebase}).
   */
  private boolean due(long now) {
    long d = now - nextEvaluation;
    return d >= 0 || d < -STEP;
  }

  private void evaluateSafely(long now) {
    if (closed) {
      return;
    }
    try {
      if (now - nextEvaluation >= 0) {
        evaluate(now);
        return;
      }
      // A reading taken before another thread's evaluation looks like a step back; only a fresh
      // reading, taken while this thread holds the evaluator, tells a real one.
      long fresh = clock.getAsLong();
      if (fresh - nextEvaluation < -STEP) {
        rebase(fresh);
      } else if (fresh - nextEvaluation >= 0) {
        evaluate(fresh);
      }
    } catch (Throwable e) {
      failSafe(e);
    }
  }

  /**
   * The clock went back to before the last evaluation (a user-supplied clock that follows the wall
   * clock, say). Waiting for it to catch up would leave the guard blind for as long as the step, so
   * every time the guard keeps (the evaluation schedule, how long each condition has held, when
   * chaos was last seen) moves back by the same amount: the guard goes on as if the clock had not
   * jumped, and a condition that held before the step still trips on time.
   */
  private void rebase(long now) {
    long delta = now + STEP - nextEvaluation; // negative
    triggers.shift(delta);
    watch.shift(delta);
    nextEvaluation += delta;
    TripLog.clockWentBack(-delta / STEP);
  }

  /**
   * Fail safe: a guard that cannot judge the bot's health (or read its clock) stops chaos. Logged
   * when it switches chaos off and the first time, not at every tick of a clock that keeps failing.
   */
  private void failSafe(Throwable e) {
    injector.contain(e);
    if (closed) {
      return;
    }
    boolean wasOn = injector.enabled();
    injector.disable(ChaosReasons.GUARD_ERROR);
    if (wasOn || !failureLogged) {
      failureLogged = true;
      TripLog.guardFailed(e);
    }
  }

  private void evaluate(long now) {
    nextEvaluation = triggers.evaluate(now, nextEvaluation, fixed);
  }

  private RollbackGuard.Status snapshot() {
    RollbackConfig rc = fixed != null ? fixed : injector.config().rollback();
    return triggers.snapshot(rc.enabled() && injector.enabled() && !closed);
  }
}
