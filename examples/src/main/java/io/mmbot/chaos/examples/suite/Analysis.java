package io.mmbot.chaos.examples.suite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the ticks a {@link Measurement} recorded into the tick figures of a {@link RunResult}:
 * latency, shares, WebSocket gaps, recovery after bursts and the timeline. "After recovery" are the
 * ticks outside bursts once {@value #RECOVERY_ALLOWANCE} ticks past each burst's end.
 */
final class Analysis {

  /** Ticks after a burst's end that recovery may take before "after recovery" figures start. */
  static final int RECOVERY_ALLOWANCE = 3;

  private final Measurement measured;
  private final boolean[] afterRecovery;

  Analysis(Measurement measured) {
    this.measured = measured;
    this.afterRecovery = afterRecoveryMask(measured);
  }

  /** Tick durations: in bursts, over the run and after recovery. */
  TickLatency latency() {
    return latency(false);
  }

  /**
   * Tick durations: in bursts, over the run and after recovery; with {@code withoutStartUps}, the
   * first tick of each start of the process (after a span without scrapes, {@link
   * Measurement#startUp}) is not one of the in-burst ticks of the p95 and p99.
   */
  TickLatency latency(boolean withoutStartUps) {
    double[] inBursts =
        withoutStartUps ? select(measured.durMs, burstNotStartUp()) : inBursts(measured.durMs);
    double[] burstSorted = Stats.sorted(inBursts, inBursts.length);
    double[] runSorted = Stats.sorted(measured.durMs, measured.n);
    int nb = burstSorted.length;
    double p95Burst = Stats.quantile(burstSorted, 0.95);
    // Without the slowest tick (what the loopback exchange judges): one stall of a real machine
    // is then not the whole in-burst p95 of a short run.
    double p95BurstTrimmed =
        nb > 1 ? Stats.quantile(Arrays.copyOf(burstSorted, nb - 1), 0.95) : p95Burst;
    double[] after = afterRecovery(measured.durMs);
    return new TickLatency(
        measured.n,
        nb,
        p95Burst,
        p95BurstTrimmed,
        Stats.quantile(burstSorted, 0.99),
        Stats.quantile(runSorted, 0.95),
        Stats.quantile(runSorted, 0.99),
        Stats.percentile(after, after.length, 0.95));
  }

  /** Deadline misses over the run, in bursts and after recovery, and in-burst quoting. */
  TickShares shares() {
    int missAll = 0;
    int missBurst = 0;
    int missAfter = 0;
    int quotingBurst = 0;
    int after = 0;
    for (int i = 0; i < measured.n; i++) {
      boolean missed = measured.missed[i];
      missAll += missed ? 1 : 0;
      if (measured.burst[i]) {
        missBurst += missed ? 1 : 0;
        quotingBurst += measured.quoting[i] ? 1 : 0;
      } else if (afterRecovery[i]) {
        after++;
        missAfter += missed ? 1 : 0;
      }
    }
    int burst = burstTicks();
    return new TickShares(
        pct(missAll, measured.n),
        pct(missBurst, burst),
        pct(missAfter, after),
        pct(quotingBurst, burst));
  }

  /** p95 of the longest WebSocket gap per tick in bursts, ms. */
  double wsGapP95BurstMs() {
    double[] gaps = inBursts(measured.gapMs);
    return Stats.percentile(gaps, gaps.length, 0.95);
  }

  /** p95 of the longest WebSocket gap per tick after recovery, ms. */
  double wsGapP95AfterMs() {
    double[] gaps = afterRecovery(measured.gapMs);
    return Stats.percentile(gaps, gaps.length, 0.95);
  }

  /** Guard reasons raised at least once (mask). */
  int guardsSeen() {
    int guards = 0;
    for (int i = 0; i < measured.n; i++) {
      guards |= measured.guards[i];
    }
    return guards;
  }

  /**
   * The figures this run is judged against: {@code baseline}'s, or for a baseline run (null) its
   * own ({@code latency} and {@code shares} of this run).
   */
  BaselineFigures baseline(RunResult baseline, TickLatency latency, TickShares shares) {
    if (baseline != null) {
      return new BaselineFigures(
          baseline.latency().p95RunMs(),
          baseline.shares().deadlineMissPct(),
          baseline.baseline().wsGapP95Ms());
    }
    double gap = measured.chaos() ? 0 : Stats.percentile(measured.gapMs, measured.n, 0.95);
    return new BaselineFigures(latency.p95RunMs(), shares.deadlineMissPct(), gap);
  }

  /**
   * For each burst's end: the ticks from the first one after it, up to the first healthy tick (no
   * guard raised and no longer than the baseline p95 + 15 %) or the next burst.
   */
  List<Integer> recoveryPerBurst(double baselineP95Ms) {
    List<Integer> recovery = new ArrayList<>();
    if (!measured.chaos()) {
      return recovery;
    }
    double limit = baselineP95Ms * 1.15;
    int i = 0;
    while (i < measured.n) {
      while (i < measured.n && !measured.burst[i]) {
        i++;
      }
      while (i < measured.n && measured.burst[i]) {
        i++;
      }
      if (i >= measured.n) {
        break;
      }
      int unhealthy = 0;
      while (i < measured.n
          && !measured.burst[i]
          && (measured.guards[i] != 0 || measured.durMs[i] > limit)) {
        unhealthy++;
        i++;
      }
      recovery.add(unhealthy);
    }
    return recovery;
  }

  /** The ticks in windows of at least 10 s, at most about 120 windows. */
  TickTimeline timeline() {
    long durationSec = Math.max(1, measured.n * measured.tickNanos() / 1_000_000_000L);
    long window = Math.max(10, (durationSec + 119) / 120);
    int perWindow = (int) Math.max(1, window * 1_000_000_000L / measured.tickNanos());
    List<double[]> windows = new ArrayList<>();
    double[] buf = new double[perWindow];
    long previousInjections = 0;
    for (int start = 0; start < measured.n; start += perWindow) {
      int end = Math.min(measured.n, start + perWindow);
      int k = 0;
      int misses = 0;
      boolean anyBurst = false;
      for (int i = start; i < end; i++) {
        buf[k++] = measured.durMs[i];
        misses += measured.missed[i] ? 1 : 0;
        anyBurst |= measured.burst[i];
      }
      long injections = measured.injectionsAt[end - 1];
      windows.add(
          new double[] {
            (double) start * measured.tickNanos() / 1e9,
            Stats.percentile(buf, k, 0.95),
            misses,
            anyBurst ? 1 : 0,
            injections - previousInjections
          });
      previousInjections = injections;
    }
    return new TickTimeline(window, windows);
  }

  private boolean[] burstNotStartUp() {
    boolean[] keep = new boolean[measured.n];
    for (int i = 0; i < measured.n; i++) {
      keep[i] = measured.burst[i] && !measured.startUp[i];
    }
    return keep;
  }

  private int burstTicks() {
    int burst = 0;
    for (int i = 0; i < measured.n; i++) {
      burst += measured.burst[i] ? 1 : 0;
    }
    return burst;
  }

  /** The values of the in-burst ticks, in tick order. */
  private double[] inBursts(double[] series) {
    return select(series, measured.burst);
  }

  /** The values of the ticks after recovery, in tick order. */
  private double[] afterRecovery(double[] series) {
    return select(series, afterRecovery);
  }

  private double[] select(double[] series, boolean[] keep) {
    double[] out = new double[measured.n];
    int k = 0;
    for (int i = 0; i < measured.n; i++) {
      if (keep[i]) {
        out[k++] = series[i];
      }
    }
    return Arrays.copyOf(out, k);
  }

  /** Ticks outside bursts and past the {@value #RECOVERY_ALLOWANCE} after each burst's end. */
  private static boolean[] afterRecoveryMask(Measurement measured) {
    boolean[] after = new boolean[measured.n];
    int left = 0;
    for (int i = 0; i < measured.n; i++) {
      if (measured.burst[i]) {
        left = RECOVERY_ALLOWANCE;
      } else if (left > 0) {
        left--;
      } else {
        after[i] = true;
      }
    }
    return after;
  }

  private static double pct(int k, int n) {
    return n == 0 ? 0 : 100.0 * k / n;
  }
}
