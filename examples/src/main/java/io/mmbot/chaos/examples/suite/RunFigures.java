package io.mmbot.chaos.examples.suite;

/**
 * Every figure of one run, grouped by what it measures, with what the run is judged against. Each
 * part has a type of its own, so no two can be swapped where a run's figures are put together.
 *
 * @param plan the run
 * @param stress the stress scenario it ran, or null
 * @param external for a bot in another process ({@code --bot-cmd}): how it ran; null otherwise
 * @param limits the bot's declared limits and tick
 * @param latency tick durations
 * @param shares deadline misses and in-burst quoting, percent of ticks
 * @param baseline the baseline's figures (for a baseline run: its own)
 * @param recovery unhealthy ticks after each burst
 * @param connection reconnects, stale data, WebSocket gaps, DNS failures
 * @param storms bursts of cancels, retries and connection attempts
 * @param orders open orders, duplicates, places while failing or guarded, abandoned orders
 * @param unknowns order requests of unknown outcome
 * @param reconcile queries after counted discrepancies
 * @param tally what the exchange counted
 * @param guards guard reasons raised and explained
 * @param timeline the ticks in windows, for the report
 */
public record RunFigures(
    RunPlan plan,
    StressScenario stress,
    ExternalFacts external,
    JudgedLimits limits,
    TickLatency latency,
    TickShares shares,
    BaselineFigures baseline,
    RecoveryFigures recovery,
    ConnectionFigures connection,
    StormFigures storms,
    OrderFigures orders,
    UnknownOutcomeFigures unknowns,
    ReconcileFigures reconcile,
    ExchangeTally tally,
    GuardFigures guards,
    TickTimeline timeline) {

  /** Whether the run was on the loopback exchange (real sockets, real time). */
  boolean loopback() {
    return plan.exchange().equals("loopback");
  }
}
