package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import java.util.Locale;
import java.util.Map;

/**
 * The checks only a bot in another process has: its process ran as the contract asks, its metrics
 * were there, and (LAT_SPIKE) its in-burst p99 is below 250 ms as read from its histogram: with 250
 * ms a bucket edge, "p99 below 250 ms" is exactly "at most 1 % of the in-burst ticks above 250 ms".
 *
 * <p>And one reading of a shared check: the in-burst p95 may rise above the baseline's by 15 % of
 * the baseline p95 or of the declared tick deadline, whichever is larger (plus the loopback's
 * scheduling slack). The exchange answers over loopback without any network distance, so a bot's
 * baseline tick can be a few milliseconds, where 15 % of it is less than the cost of waiting once
 * for an answer that does not come; the seed's own figures (187 ms baseline, 210 ms under NET_LOSS)
 * allow a rise of about 15 % of its 210 ms deadline. A bot whose ticks are near its deadline keeps
 * the relative rule.
 */
final class ExternalJudging {

  private ExternalJudging() {}

  static void judge(RunResult.Builder b, Map<Check, String> f) {
    ExternalFacts x = b.external;
    if (x.processFailure() != null) {
      f.put(Check.BOT_PROCESS, x.processFailure());
    }
    if (x.metricsFailure() != null) {
      f.put(Check.BOT_METRICS, x.metricsFailure());
    }
    if (f.containsKey(Check.P95_TICK)) {
      p95(b, f);
    }
    if (b.plan.scenario() == Scenario.LAT_SPIKE && !(x.burstAbove250Pct() <= 1.0)) {
      f.put(
          Check.P99_TICK,
          String.format(
              Locale.ROOT,
              "%.1f %% of in-burst ticks above 250 ms (p99 %.1f ms from the buckets)",
              x.burstAbove250Pct(),
              x.bucketP99BurstMs()));
    }
  }

  /** Re-judges the in-burst p95 with the rise allowed for a bot judged from outside. */
  private static void p95(RunResult.Builder b, Map<Check, String> f) {
    double deadline = b.external.deadlineMs();
    double rise = 0.15 * Math.max(b.baselineP95, deadline);
    double limit = b.baselineP95 + rise + RunResult.LOOPBACK_P95_SLACK_MS;
    double p95 = b.p95BurstTrimmed;
    f.remove(Check.P95_TICK);
    if (!(p95 < limit)) {
      f.put(
          Check.P95_TICK,
          String.format(
              Locale.ROOT,
              "in-burst p95 without the slowest tick %.1f ms not below baseline %.1f ms + %.1f ms"
                  + " (15 %% of the %s) + %.0f ms = %.1f ms",
              p95,
              b.baselineP95,
              rise,
              deadline > b.baselineP95
                  ? String.format(Locale.ROOT, "%.0f ms deadline", deadline)
                  : "baseline",
              RunResult.LOOPBACK_P95_SLACK_MS,
              limit));
    }
  }
}
