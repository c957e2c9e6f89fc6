package io.mmbot.chaos.examples.suite;

import java.util.ArrayList;
import java.util.List;

/** Turns the ticks a {@link Measurement} recorded into the figures of a {@link RunResult}. */
final class Analysis {

  /** Ticks after a burst's end that recovery may take before "after recovery" figures start. */
  static final int RECOVERY_ALLOWANCE = 3;

  private Analysis() {}

  static void fill(RunResult.Builder b, Measurement m, RunResult baseline) {
    int n = m.n;
    double[] burst = new double[n];
    double[] after = new double[n];
    double[] gapBurst = new double[n];
    double[] gapAfter = new double[n];
    int nb = 0;
    int na = 0;
    int missAll = 0;
    int missBurst = 0;
    int missAfter = 0;
    int quotingBurst = 0;
    int guards = 0;
    boolean[] recovering = recoveryWindow(m);
    for (int i = 0; i < n; i++) {
      guards |= m.guards[i];
      if (m.missed[i]) {
        missAll++;
      }
      if (m.burst[i]) {
        gapBurst[nb] = m.gapMs[i];
        burst[nb++] = m.durMs[i];
        if (m.missed[i]) {
          missBurst++;
        }
        if (m.quoting[i]) {
          quotingBurst++;
        }
      } else if (!recovering[i]) {
        gapAfter[na] = m.gapMs[i];
        after[na++] = m.durMs[i];
        if (m.missed[i]) {
          missAfter++;
        }
      }
    }
    b.burstTicks = nb;
    double[] burstSorted = Stats.sorted(burst, nb);
    double[] runSorted = Stats.sorted(m.durMs, n);
    b.p95Burst = Stats.quantile(burstSorted, 0.95);
    // Without the slowest tick (what the loopback exchange judges): one stall of a real machine
    // is then not the whole in-burst p95 of a short run.
    b.p95BurstTrimmed =
        nb > 1 ? Stats.quantile(java.util.Arrays.copyOf(burstSorted, nb - 1), 0.95) : b.p95Burst;
    b.p99Burst = Stats.quantile(burstSorted, 0.99);
    b.p95Run = Stats.quantile(runSorted, 0.95);
    b.p99Run = Stats.quantile(runSorted, 0.99);
    b.p95After = Stats.percentile(after, na, 0.95);
    b.missPct = pct(missAll, n);
    b.missBurstPct = pct(missBurst, nb);
    b.missAfterPct = pct(missAfter, na);
    b.quotingBurst = pct(quotingBurst, nb);
    b.gapBurst = Stats.percentile(gapBurst, nb, 0.95);
    b.gapAfter = Stats.percentile(gapAfter, na, 0.95);
    b.guardsSeen = guards;
    b.maxOpen = m.maxOpen;
    b.dnsFailures = m.dnsFailures;
    if (baseline == null) {
      b.baselineP95 = b.p95Run;
      b.baselineMiss = b.missPct;
      b.baselineGap = m.chaos() ? 0 : Stats.percentile(m.gapMs, n, 0.95);
    } else {
      b.baselineP95 = baseline.p95RunMs;
      b.baselineMiss = baseline.deadlineMissPct;
      b.baselineGap = baseline.baselineWsGapP95Ms;
    }
    recovery(b, m);
    b.timeline = timeline(m);
  }

  /**
   * For each burst's end: the ticks from the first one after it, up to the first healthy tick (no
   * guard raised and no longer than the baseline p95 + 15 %) or the next burst.
   */
  private static void recovery(RunResult.Builder b, Measurement m) {
    if (!m.chaos()) {
      return;
    }
    double limit = b.baselineP95 * 1.15;
    int i = 0;
    while (i < m.n) {
      while (i < m.n && !m.burst[i]) {
        i++;
      }
      while (i < m.n && m.burst[i]) {
        i++;
      }
      if (i >= m.n) {
        break;
      }
      int unhealthy = 0;
      while (i < m.n && !m.burst[i] && (m.guards[i] != 0 || m.durMs[i] > limit)) {
        unhealthy++;
        i++;
      }
      b.recovery.add(unhealthy);
    }
  }

  /** Ticks within {@value #RECOVERY_ALLOWANCE} of a burst's end. */
  private static boolean[] recoveryWindow(Measurement m) {
    boolean[] r = new boolean[m.n];
    int left = 0;
    for (int i = 0; i < m.n; i++) {
      if (m.burst[i]) {
        left = RECOVERY_ALLOWANCE;
      } else if (left > 0) {
        r[i] = true;
        left--;
      }
    }
    return r;
  }

  private static RunResult.Timeline timeline(Measurement m) {
    long durationSec = Math.max(1, m.n * m.tickNanos() / 1_000_000_000L);
    long window = Math.max(10, (durationSec + 119) / 120);
    int perWindow = (int) Math.max(1, window * 1_000_000_000L / m.tickNanos());
    List<double[]> windows = new ArrayList<>();
    double[] buf = new double[perWindow];
    long previousInjections = 0;
    for (int start = 0; start < m.n; start += perWindow) {
      int end = Math.min(m.n, start + perWindow);
      int k = 0;
      int misses = 0;
      boolean anyBurst = false;
      for (int i = start; i < end; i++) {
        buf[k++] = m.durMs[i];
        misses += m.missed[i] ? 1 : 0;
        anyBurst |= m.burst[i];
      }
      long inj = m.injectionsAt[end - 1];
      windows.add(
          new double[] {
            (double) start * m.tickNanos() / 1e9,
            Stats.percentile(buf, k, 0.95),
            misses,
            anyBurst ? 1 : 0,
            inj - previousInjections
          });
      previousInjections = inj;
    }
    return new RunResult.Timeline(window, windows);
  }

  private static double pct(int k, int n) {
    return n == 0 ? 0 : 100.0 * k / n;
  }
}
