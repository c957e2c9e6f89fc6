package io.mmbot.chaos.report;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The measured outcome of one run. The first three are required by the product contract; the rest
 * are optional extras that enable further acceptance criteria when the suite records them.
 *
 * @param p95TickMs p95 of the tick duration during the run, in milliseconds
 * @param deadlineMissPct share of ticks that missed their deadline, in percent [0, 100]
 * @param recoveryTicks ticks the bot needed to return to normal after the last fault
 * @param baselineP95TickMs p95 of chaos-free ticks, in milliseconds; when absent the product
 *     contract's measured baseline {@value #DEFAULT_BASELINE_P95_MS} ms is used
 * @param p99TickMs p99 of the tick duration, in milliseconds (judged for {@code lat_spike})
 * @param reconnectTicks ticks the WebSocket needed to reconnect (judged for {@code ws_disconnect})
 * @param cancelStorms number of cancel storms observed
 * @param retryStorms number of retry storms observed
 * @param duplicateOrders orders placed twice for one intent
 * @param orphanOrders orders left on the exchange that the bot no longer tracks
 * @param bans418 HTTP 418 bans earned by not backing off
 */
public record RunMetrics(
    double p95TickMs,
    double deadlineMissPct,
    long recoveryTicks,
    OptionalDouble baselineP95TickMs,
    OptionalDouble p99TickMs,
    OptionalLong reconnectTicks,
    OptionalLong cancelStorms,
    OptionalLong retryStorms,
    OptionalLong duplicateOrders,
    OptionalLong orphanOrders,
    OptionalLong bans418) {

  /** The product contract's chaos-free p95 tick ("before chaos p95 187 ms"). */
  public static final double DEFAULT_BASELINE_P95_MS = 187.0;

  /** The baseline p95 this run is judged against. */
  public double effectiveBaselineP95Ms() {
    return baselineP95TickMs.orElse(DEFAULT_BASELINE_P95_MS);
  }
}
