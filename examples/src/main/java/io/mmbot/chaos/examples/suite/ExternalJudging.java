package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import java.util.Locale;
import java.util.Map;

/**
 * The checks only a bot in another process has: its process ran as the contract asks, its metrics
 * were there, and (LAT_SPIKE) its in-burst p99 is below 250 ms as read from its histogram: with 250
 * ms a bucket edge, "p99 below 250 ms" is exactly "at most 1 % of the in-burst ticks above 250 ms".
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
}
