package io.mmbot.chaos;

import io.mmbot.chaos.rollback.GuardEngine;
import io.mmbot.chaos.rollback.GuardedInjector;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Switches chaos off when the bot suffers: the automatic rollback triggers of {@link
 * RollbackConfig}, evaluated inside the process on what the bot records.
 *
 * <pre>
 * RollbackGuard guard = RollbackGuard.builder(injector).build();
 * // in the tick loop:
 * guard.recordTick(System.nanoTime() - tickStart, missedDeadline);
 * // per order batch or other operation:
 * guard.recordOperation(someLegsFailed);
 * </pre>
 *
 * <p><b>Triggers.</b> Three measures are computed over a sliding window of the last {@value
 * #WINDOW_SECONDS} seconds: the p95 tick duration, the share of ticks that missed their deadline,
 * and the share of operations that failed partially. A trigger's condition is its measure above its
 * threshold while chaos is enabled:
 *
 * <ul>
 *   <li>{@link ChaosReasons#P95_TICK}: p95 above the baseline by more than {@code
 *       p95_tick_increase_pct}, with at least {@value #MIN_P95_TICKS} ticks in the window and a
 *       baseline (see below);
 *   <li>{@link ChaosReasons#DEADLINE_MISS}: deadline-miss share above {@code deadline_miss_pct};
 *   <li>{@link ChaosReasons#PARTIAL_FAIL}: partial-failure share above {@code partial_fail_pct}.
 * </ul>
 *
 * <p><b>Evaluation.</b> Once per second of the clock, on the next {@code record…} call (or {@link
 * #status()}) after the second has passed; the guard has no thread of its own. Evaluations happen
 * at the whole seconds since the guard was built; a call that comes after a gap evaluates every
 * second it missed (an empty second adds nothing to the window). A trigger fires when its condition
 * has been true at every evaluation for its window ({@code *_window_sec}, as Prometheus {@code
 * for:}): a condition first true at evaluation {@code T} fires at evaluation {@code T + window} if
 * it never cleared in between; one evaluation at which it is false resets the timer. With chaos
 * disabled no condition holds. The window of the measures is one minute, so a degradation that
 * starts at {@code t0} and persists is seen by {@code t0 + 1 min} at the latest and trips no later
 * than {@code t0 + 1 min + window + 1 s}, and never before {@code t0 + window}.
 *
 * <p><b>Baseline.</b> {@code baseline_p95_ms} when configured; otherwise the p95 of every tick
 * recorded in a second that was free of chaos: chaos not in an active burst at the second's
 * evaluation, no burst or enable seen for the {@linkplain Builder#baselineSettle settling margin}
 * (default {@value #DEFAULT_SETTLE_SECONDS} s) before the second began, and no trigger measure over
 * its threshold at that evaluation (so degraded ticks never raise the baseline). Until at least
 * {@value #MIN_BASELINE_TICKS} such ticks over {@value #MIN_BASELINE_SECONDS} such seconds exist,
 * the p95 trigger cannot fire; {@link #status()} and the log say so.
 *
 * <p><b>Rollback.</b> When a trigger fires, the guard calls {@link ChaosInjector#disable} with the
 * trigger's reason code at once (the injector tells its listeners, chaos-metrics counts {@code
 * mm_chaos_rollbacks_total{reason}}), then logs one WARNING line with the measured value, the
 * threshold and how long the condition held. The guard then stays tripped ({@link
 * #trippedReason()}) and fires no more until chaos is enabled again explicitly (an {@link
 * ChaosInjector#update} from a disabled to an enabled configuration); that re-arms it with every
 * timer at zero. Thresholds come from {@code injector.config().rollback()} at each evaluation, so
 * they follow updates, unless {@link Builder#config} fixes them; {@code rollback.enabled: false}
 * disarms the triggers (measuring goes on).
 *
 * <p><b>Cost.</b> {@link #recordTick} reads the clock (one volatile load with the injector's
 * default clock), compares it with the next evaluation time and increments one histogram bin (plus
 * a {@code LongAdder} on a deadline miss): no lock, no allocation. Once a second one caller also
 * runs the evaluation (a few microseconds over the fixed {@value #WINDOW_SECONDS}-slot window; a
 * concurrent caller skips it rather than wait). Memory is fixed at construction, about 190 KB.
 *
 * <p><b>Accuracy.</b> Tick durations go into a log-linear histogram; a p95 it reports is within
 * {@link #P95_RELATIVE_ERROR} (1/64, about 1.6 %) of the exact p95 of the same ticks for durations
 * from 65.5 µs to 137 s, and within 0.5 µs below that.
 *
 * <p>Thread safety: safe for concurrent use.
 */
public final class RollbackGuard implements AutoCloseable {

  /** Evaluation step, in nanoseconds: one second of the clock. */
  public static final long EVALUATION_STEP_NANOS = 1_000_000_000L;

  /** Length of the window the three measures are computed over, in seconds. */
  public static final int WINDOW_SECONDS = GuardEngine.WINDOW_SECONDS;

  /** Fewest ticks in the window for the p95 condition to be judged. */
  public static final int MIN_P95_TICKS = 20;

  /** Fewest chaos-free ticks before a measured baseline is used. */
  public static final long MIN_BASELINE_TICKS = 100;

  /** Fewest chaos-free seconds (with ticks) before a measured baseline is used. */
  public static final long MIN_BASELINE_SECONDS = 60;

  /** Default settling margin after chaos was seen, in seconds, before ticks feed the baseline. */
  public static final int DEFAULT_SETTLE_SECONDS = 10;

  /** Upper bound of the p95's error relative to the exact p95 (durations of 65.5 µs or more). */
  public static final double P95_RELATIVE_ERROR = GuardEngine.P95_RELATIVE_ERROR;

  /** Records, evaluates and fails safe; this class declares the API and delegates to it. */
  private final GuardEngine engine;

  /** The engine's clock, read here so that recording is one load shorter. */
  private final LongSupplier clock;

  private RollbackGuard(Builder b) {
    GuardedInjector seam = new GuardedInjectorAdapter(b.injector);
    this.clock = b.clock != null ? b.clock : seam.nanoClock();
    this.engine = new GuardEngine(seam, b.config, clock, b.settle.toNanos());
  }

  /** A builder for a guard over {@code injector}. */
  public static Builder builder(ChaosInjector injector) {
    return new Builder(Objects.requireNonNull(injector, "injector"));
  }

  /**
   * Records one bot tick: how long it took and whether it missed its deadline. Takes no lock and
   * allocates nothing; once a second it also evaluates the triggers (see the class description).
   *
   * <p>Never throws into the tick loop. A negative duration (one taken across a wall-clock step
   * back, say) is recorded as 0 ns and counted in {@link Status#clampedTicks()}, the first one
   * logged; a clock that throws switches chaos off (reason {@link ChaosReasons#GUARD_ERROR}).
   */
  public void recordTick(long durationNanos, boolean deadlineMissed) {
    long now;
    try {
      now = clock.getAsLong();
    } catch (Throwable e) {
      engine.recordTickWithoutClock(e, durationNanos, deadlineMissed);
      return;
    }
    engine.recordTick(now, durationNanos, deadlineMissed);
  }

  /**
   * Records one operation (for example an order batch) and whether it failed partially. Takes no
   * lock and allocates nothing; once a second it also evaluates the triggers.
   */
  public void recordOperation(boolean partialFailure) {
    long now;
    try {
      now = clock.getAsLong();
    } catch (Throwable e) {
      engine.recordOperationWithoutClock(e, partialFailure);
      return;
    }
    engine.recordOperation(now, partialFailure);
  }

  /**
   * The reason code of the trigger that rolled chaos back ({@link ChaosReasons#P95_TICK}, {@link
   * ChaosReasons#DEADLINE_MISS} or {@link ChaosReasons#PARTIAL_FAIL}); null until a trigger fires
   * and again once chaos has been enabled after it.
   */
  public String trippedReason() {
    return engine.trippedReason();
  }

  /**
   * The guard's state now (evaluating any second that has passed): values, timers, baseline. Never
   * throws for a clock that does: the guard then switches chaos off, as {@link #recordTick} does,
   * and returns the state of its last evaluation.
   */
  public Status status() {
    return engine.status();
  }

  /** Stops evaluating and removes the guard's listener from the injector. Idempotent. */
  @Override
  public void close() {
    engine.close();
  }

  // ---------------------------------------------------------------- status types

  /**
   * The guard's state at its last evaluation.
   *
   * @param armed whether the triggers can fire now (rollback enabled, chaos enabled, not tripped)
   * @param trippedReason the reason of the trigger that rolled chaos back, or null
   * @param trippedAtNanos the clock time of that evaluation; 0 when not tripped
   * @param baseline the tick baseline
   * @param triggers P95_TICK, DEADLINE_MISS and PARTIAL_FAIL, in that order
   * @param windowSeconds the length of the window the measures are computed over
   * @param windowTicks ticks in that window
   * @param windowOperations operations in that window
   * @param totalTicks ticks recorded since the guard was built
   * @param totalDeadlineMisses deadline misses recorded since the guard was built
   * @param totalOperations operations recorded since the guard was built
   * @param totalPartialFailures partial failures recorded since the guard was built
   * @param clampedTicks ticks recorded with a negative duration (taken across a clock step back,
   *     say), counted as 0 ns
   */
  public record Status(
      boolean armed,
      String trippedReason,
      long trippedAtNanos,
      BaselineStatus baseline,
      List<Trigger> triggers,
      int windowSeconds,
      long windowTicks,
      long windowOperations,
      long totalTicks,
      long totalDeadlineMisses,
      long totalOperations,
      long totalPartialFailures,
      long clampedTicks) {

    /** The trigger with reason code {@code reason}. */
    public Trigger trigger(String reason) {
      for (Trigger t : triggers) {
        if (t.reason().equals(reason)) {
          return t;
        }
      }
      throw new IllegalArgumentException("no trigger " + reason);
    }
  }

  /**
   * One trigger at the last evaluation.
   *
   * @param reason its reason code
   * @param value the measure over the window: p95 in ms, or a share in percent; NaN without data
   * @param threshold the value the measure must exceed (p95: baseline plus the allowed increase);
   *     NaN while there is no baseline
   * @param holding whether the condition held at the last evaluation
   * @param heldFor how long it has held without a break (zero when not holding)
   * @param window how long it must hold to fire ({@code *_window_sec})
   */
  public record Trigger(
      String reason,
      double value,
      double threshold,
      boolean holding,
      Duration heldFor,
      Duration window) {}

  /**
   * The baseline of the p95 trigger.
   *
   * @param p95Ms the baseline p95 tick in ms; NaN while not ready
   * @param configured whether it is {@code baseline_p95_ms} rather than measured
   * @param ready whether the p95 trigger can fire
   * @param ticks chaos-free ticks measured so far
   * @param seconds chaos-free seconds measured so far
   * @param note a sentence on its state
   */
  public record BaselineStatus(
      double p95Ms, boolean configured, boolean ready, long ticks, long seconds, String note) {}

  /** Builds a {@link RollbackGuard}. Not thread-safe. */
  public static final class Builder {
    private final ChaosInjector injector;
    private RollbackConfig config;
    private LongSupplier clock;
    private Duration settle = Duration.ofSeconds(DEFAULT_SETTLE_SECONDS);

    private Builder(ChaosInjector injector) {
      this.injector = injector;
    }

    /** Fixed thresholds and windows, instead of following {@code injector.config().rollback()}. */
    public Builder config(RollbackConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The nanosecond time source (default: the injector's). Tests pass a virtual clock. */
    public Builder nanoClock(LongSupplier nanoClock) {
      this.clock = Objects.requireNonNull(nanoClock, "nanoClock");
      return this;
    }

    /**
     * How long after chaos was last seen (a burst, an enable, a disable) ticks are kept out of the
     * measured baseline, so that the bot's recovery does not count as normal; 0 to 10 min (default
     * {@value #DEFAULT_SETTLE_SECONDS} s).
     */
    public Builder baselineSettle(Duration settle) {
      Objects.requireNonNull(settle, "baselineSettle");
      if (settle.isNegative() || settle.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException(
            "baselineSettle = " + settle + " is out of range: must be in [PT0S, PT10M]");
      }
      this.settle = settle;
      return this;
    }

    /** Builds the guard and registers its listener on the injector. */
    public RollbackGuard build() {
      return new RollbackGuard(this);
    }
  }
}
