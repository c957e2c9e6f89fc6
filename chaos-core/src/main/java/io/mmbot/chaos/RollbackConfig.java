package io.mmbot.chaos;

import java.util.Objects;

/**
 * Thresholds and windows of the automatic rollback triggers: chaos is switched off when the bot
 * suffers for long enough. Each trigger fires when its condition has held continuously for its
 * window (as Prometheus {@code for:}):
 *
 * <ul>
 *   <li>p95 of the tick duration above the baseline by more than {@link #p95TickIncreasePct()}
 *       (default 15 %) for {@link #p95TickWindowSec()} (default 600 s);
 *   <li>deadline-miss share above {@link #deadlineMissPct()} (default 2 %) for {@link
 *       #deadlineMissWindowSec()} (default 300 s);
 *   <li>partial-failure rate above {@link #partialFailPct()} (default 5 %) for {@link
 *       #partialFailWindowSec()} (default 600 s).
 * </ul>
 *
 * <p>The baseline p95 is measured on chaos-off ticks unless {@link #baselineP95Ms()} sets it (0
 * means measured). Immutable; validated when built.
 */
public final class RollbackConfig {

  private static final RollbackConfig DEFAULTS = new Builder().build();

  private final boolean enabled;
  private final double p95TickIncreasePct;
  private final long p95TickWindowSec;
  private final double baselineP95Ms;
  private final double deadlineMissPct;
  private final long deadlineMissWindowSec;
  private final double partialFailPct;
  private final long partialFailWindowSec;

  private RollbackConfig(Builder b) {
    enabled = b.enabled;
    p95TickIncreasePct = b.p95TickIncreasePct;
    p95TickWindowSec = b.p95TickWindowSec;
    baselineP95Ms = b.baselineP95Ms;
    deadlineMissPct = b.deadlineMissPct;
    deadlineMissWindowSec = b.deadlineMissWindowSec;
    partialFailPct = b.partialFailPct;
    partialFailWindowSec = b.partialFailWindowSec;
  }

  /** The defaults of the product contract: 15 %/10 min, 2 %/5 min, 5 %/10 min, triggers on. */
  public static RollbackConfig defaults() {
    return DEFAULTS;
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialised from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Whether the automatic triggers are armed. */
  public boolean enabled() {
    return enabled;
  }

  /** Allowed p95 tick increase over the baseline, in percent. */
  public double p95TickIncreasePct() {
    return p95TickIncreasePct;
  }

  /** How long the p95 condition must hold, in seconds. */
  public long p95TickWindowSec() {
    return p95TickWindowSec;
  }

  /** Configured baseline p95 tick in ms; 0 means it is measured on chaos-off ticks. */
  public double baselineP95Ms() {
    return baselineP95Ms;
  }

  /** Allowed share of ticks that miss their deadline, in percent. */
  public double deadlineMissPct() {
    return deadlineMissPct;
  }

  /** How long the deadline-miss condition must hold, in seconds. */
  public long deadlineMissWindowSec() {
    return deadlineMissWindowSec;
  }

  /** Allowed partial-failure rate, in percent. */
  public double partialFailPct() {
    return partialFailPct;
  }

  /** How long the partial-failure condition must hold, in seconds. */
  public long partialFailWindowSec() {
    return partialFailWindowSec;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RollbackConfig)) {
      return false;
    }
    RollbackConfig r = (RollbackConfig) o;
    return enabled == r.enabled
        && Double.compare(p95TickIncreasePct, r.p95TickIncreasePct) == 0
        && p95TickWindowSec == r.p95TickWindowSec
        && Double.compare(baselineP95Ms, r.baselineP95Ms) == 0
        && Double.compare(deadlineMissPct, r.deadlineMissPct) == 0
        && deadlineMissWindowSec == r.deadlineMissWindowSec
        && Double.compare(partialFailPct, r.partialFailPct) == 0
        && partialFailWindowSec == r.partialFailWindowSec;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        enabled,
        p95TickIncreasePct,
        p95TickWindowSec,
        baselineP95Ms,
        deadlineMissPct,
        deadlineMissWindowSec,
        partialFailPct,
        partialFailWindowSec);
  }

  @Override
  public String toString() {
    return "RollbackConfig{enabled="
        + enabled
        + ", p95_tick_increase_pct="
        + p95TickIncreasePct
        + " for "
        + p95TickWindowSec
        + "s, baseline_p95_ms="
        + (baselineP95Ms == 0 ? "measured" : Double.toString(baselineP95Ms))
        + ", deadline_miss_pct="
        + deadlineMissPct
        + " for "
        + deadlineMissWindowSec
        + "s, partial_fail_pct="
        + partialFailPct
        + " for "
        + partialFailWindowSec
        + "s}";
  }

  /** Builds a {@link RollbackConfig}. Not thread-safe. */
  public static final class Builder {
    private boolean enabled = true;
    private double p95TickIncreasePct = 15;
    private long p95TickWindowSec = 600;
    private double baselineP95Ms = 0;
    private double deadlineMissPct = 2;
    private long deadlineMissWindowSec = 300;
    private double partialFailPct = 5;
    private long partialFailWindowSec = 600;

    private Builder() {}

    private Builder(RollbackConfig r) {
      enabled = r.enabled;
      p95TickIncreasePct = r.p95TickIncreasePct;
      p95TickWindowSec = r.p95TickWindowSec;
      baselineP95Ms = r.baselineP95Ms;
      deadlineMissPct = r.deadlineMissPct;
      deadlineMissWindowSec = r.deadlineMissWindowSec;
      partialFailPct = r.partialFailPct;
      partialFailWindowSec = r.partialFailWindowSec;
    }

    /** Arms or disarms the automatic triggers ({@code chaos.rollback.enabled}, default true). */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** Allowed p95 increase in percent ({@code chaos.rollback.p95_tick_increase_pct}). */
    public Builder p95TickIncreasePct(double pct) {
      this.p95TickIncreasePct = pct;
      return this;
    }

    /** Window of the p95 trigger in seconds ({@code chaos.rollback.p95_tick_window_sec}). */
    public Builder p95TickWindowSec(long sec) {
      this.p95TickWindowSec = sec;
      return this;
    }

    /** Fixed baseline p95 in ms; 0 = measured ({@code chaos.rollback.baseline_p95_ms}). */
    public Builder baselineP95Ms(double ms) {
      this.baselineP95Ms = ms;
      return this;
    }

    /** Allowed deadline-miss share in percent ({@code chaos.rollback.deadline_miss_pct}). */
    public Builder deadlineMissPct(double pct) {
      this.deadlineMissPct = pct;
      return this;
    }

    /** Window of the deadline-miss trigger ({@code chaos.rollback.deadline_miss_window_sec}). */
    public Builder deadlineMissWindowSec(long sec) {
      this.deadlineMissWindowSec = sec;
      return this;
    }

    /** Allowed partial-failure rate in percent ({@code chaos.rollback.partial_fail_pct}). */
    public Builder partialFailPct(double pct) {
      this.partialFailPct = pct;
      return this;
    }

    /** Window of the partial-failure trigger ({@code chaos.rollback.partial_fail_window_sec}). */
    public Builder partialFailWindowSec(long sec) {
      this.partialFailWindowSec = sec;
      return this;
    }

    /**
     * Checks every value and builds the configuration.
     *
     * @throws IllegalArgumentException naming the first bad field, its value and the allowed range
     */
    public RollbackConfig build() {
      pct(
          "p95TickIncreasePct",
          "p95_tick_increase_pct",
          p95TickIncreasePct,
          ChaosLimits.MAX_P95_TICK_INCREASE_PCT);
      window("p95TickWindowSec", "p95_tick_window_sec", p95TickWindowSec);
      pct("baselineP95Ms", "baseline_p95_ms", baselineP95Ms, ChaosLimits.MAX_BASELINE_P95_MS);
      pct("deadlineMissPct", "deadline_miss_pct", deadlineMissPct, ChaosLimits.MAX_PCT);
      window("deadlineMissWindowSec", "deadline_miss_window_sec", deadlineMissWindowSec);
      pct("partialFailPct", "partial_fail_pct", partialFailPct, ChaosLimits.MAX_PCT);
      window("partialFailWindowSec", "partial_fail_window_sec", partialFailWindowSec);
      return new RollbackConfig(this);
    }

    private static void pct(String field, String key, double v, double max) {
      ConfigChecks.finiteUpTo(field, "chaos.rollback." + key, v, max, "number");
    }

    private static void window(String field, String key, long v) {
      ConfigChecks.inRange(
          field, "chaos.rollback." + key, v, 1, ChaosLimits.MAX_WINDOW_SEC, "seconds");
    }
  }
}
