package io.mmbot.chaos.examples.judge;

/**
 * One scrape at the end of a bot tick: the bot's exported metrics (the tick's duration from {@code
 * mm_tick_total_ms}, a deadline miss from {@code mm_tick_deadline_miss_total}, the guards from
 * {@code mm_bot_guard_active{reason}}) and what the harness saw at the same moment (the chaos
 * injections so far, the orders open on the exchange, the longest market-data gap on the wire).
 *
 * @param atNanos when the scrape was taken (the tick's end), harness nanoseconds
 * @param tickMs the tick's duration, ms (the increase of the tick summary's sum)
 * @param missed whether the tick missed its deadline (the miss counter increased)
 * @param guards the guard reasons active (a mask in {@code GuardReason} order)
 * @param injections the run's scenario's injections so far ({@code mm_chaos_injections_total})
 * @param exchangeOpen orders of this client open on the exchange
 * @param wsMaxGapMs the longest gap between market-data messages delivered since the last scrape
 * @param lastDataBeforeStartNanos the last market-data delivery at or before the tick's start
 * @param discrepancies reconcile discrepancies the bot counted so far ({@code
 *     mm_reconcile_discrepancies_total}, all types)
 */
public record TickSample(
    long atNanos,
    double tickMs,
    boolean missed,
    int guards,
    long injections,
    int exchangeOpen,
    double wsMaxGapMs,
    long lastDataBeforeStartNanos,
    double discrepancies) {

  /** When the tick started: the scrape's time less the tick's duration. */
  public long startNanos() {
    return atNanos - Math.round(tickMs * 1e6);
  }
}
