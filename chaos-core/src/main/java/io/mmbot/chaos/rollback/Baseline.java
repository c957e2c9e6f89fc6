package io.mmbot.chaos.rollback;

import io.mmbot.chaos.RollbackGuard;

/**
 * The measured tick baseline of the rollback guard: a histogram of every chaos-free tick, added a
 * second at a time, whose p95 is the baseline. It only ever receives seconds that the guard judged
 * chaos-free and healthy, so a degraded period cannot raise it. Fixed size; used by the guard's
 * evaluating thread only.
 */
final class Baseline {

  private final long[] bins = new long[LatencyBins.COUNT];
  private long ticks;
  private long seconds;
  private double p95Ms = Double.NaN;

  /** Adds one chaos-free second holding {@code n} ticks in {@code secondBins}. */
  void learn(int[] secondBins, long n) {
    for (int i = 0; i < bins.length; i++) {
      bins[i] += secondBins[i];
    }
    ticks += n;
    seconds++;
    p95Ms = LatencyBins.quantileNanos(bins, ticks, 0.95) / 1e6;
  }

  /** Whether enough has been measured for the p95 trigger. */
  boolean ready() {
    return ticks >= RollbackGuard.MIN_BASELINE_TICKS
        && seconds >= RollbackGuard.MIN_BASELINE_SECONDS;
  }

  /** The p95 of the chaos-free ticks in ms; NaN before the first one. */
  double p95Ms() {
    return p95Ms;
  }

  long ticks() {
    return ticks;
  }

  long seconds() {
    return seconds;
  }

  /** A sentence on the baseline's state, for the status and the log. */
  String describe() {
    if (ready()) {
      return "measured on " + ticks + " chaos-free ticks over " + seconds + " s";
    }
    return "baseline not ready: "
        + ticks
        + " of "
        + RollbackGuard.MIN_BASELINE_TICKS
        + " chaos-free ticks, "
        + seconds
        + " of "
        + RollbackGuard.MIN_BASELINE_SECONDS
        + " chaos-free seconds measured";
  }
}
