package io.mmbot.chaos.examples.suite;

import java.util.Locale;

/**
 * The readings of two checks for a bot in another process, which is judged from outside.
 *
 * <p>{@code P99_TICK} (LAT_SPIKE): the in-burst p99 below 250 ms as read from its histogram: with
 * 250 ms a bucket edge, "p99 below 250 ms" is exactly "at most 1 % of the in-burst ticks above 250
 * ms".
 *
 * <p>{@code P95_TICK}: the in-burst p95 may rise above the baseline's by 15 % of the baseline p95
 * or of the declared tick deadline, whichever is larger (plus the loopback's scheduling slack). The
 * exchange answers over loopback without any network distance, so a bot's baseline tick can be a
 * few milliseconds, where 15 % of it is less than the cost of waiting once for an answer that does
 * not come; the seed's own figures (187 ms baseline, 210 ms under NET_LOSS) allow a rise of about
 * 15 % of its 210 ms deadline. A bot whose ticks are near its deadline keeps the relative rule.
 */
final class ExternalJudging {

  private ExternalJudging() {}

  /**
   * The in-burst p95 of {@code run} (a bot in another process) judged with the rise allowed for a
   * bot judged from outside; null when it passes.
   */
  static String p95Tick(RunFigures run) {
    double baselineP95 = run.baseline().p95Ms();
    double deadline = run.external().deadlineMs();
    double rise = 0.15 * Math.max(baselineP95, deadline);
    double limit = baselineP95 + rise + Verdict.LOOPBACK_P95_SLACK_MS;
    double p95 = run.latency().p95BurstTrimmedMs();
    if (p95 < limit) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "in-burst p95 without the slowest tick %.1f ms not below baseline %.1f ms + %.1f ms"
            + " (15 %% of the %s) + %.0f ms = %.1f ms",
        p95,
        baselineP95,
        rise,
        deadline > baselineP95
            ? String.format(Locale.ROOT, "%.0f ms deadline", deadline)
            : "baseline",
        Verdict.LOOPBACK_P95_SLACK_MS,
        limit);
  }

  /** The in-burst p99 of a bot in another process from its histogram; null when it passes. */
  static String p99Tick(ExternalFacts external) {
    if (external.burstAbove250Pct() <= 1.0) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "%.1f %% of in-burst ticks above 250 ms (p99 %.1f ms from the buckets)",
        external.burstAbove250Pct(),
        external.bucketP99BurstMs());
  }
}
