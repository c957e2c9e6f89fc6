package io.mmbot.chaos.examples.suite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code external} block of a run record of a bot in another process. */
final class ExternalRecords {

  private ExternalRecords() {}

  static void put(ObjectNode o, ExternalFacts x) {
    o.put("command", x.command());
    o.put("inject", x.inject());
    o.put("compression", x.compression());
    o.put("limits", x.limits());
    o.put("market_data", x.restMarketData() ? "rest" : "ws");
    o.put("run_dir", x.runDir());
    o.put("ending", x.ending());
    o.put("process_failure", x.processFailure());
    o.put("metrics_failure", x.metricsFailure());
    ArrayNode missing = o.putArray("missing_metrics");
    x.missingMetrics().forEach(missing::add);
    o.put("scrapes", x.scrapes());
    o.put("scrape_failures", x.scrapeFailures());
    o.put("scrape_intervals_with_several_ticks", x.crowdedIntervals());
    putNumber(o, "bucket_p95_burst_ms", x.bucketP95BurstMs());
    putNumber(o, "bucket_p99_burst_ms", x.bucketP99BurstMs());
    putNumber(o, "burst_ticks_above_250ms_pct", x.burstAbove250Pct());
    o.put("orders_left_open_not_judged", x.ordersLeftOpen());
  }

  private static void putNumber(ObjectNode o, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      o.putNull(key);
    } else {
      o.put(key, Stats.round2(v));
    }
  }
}
