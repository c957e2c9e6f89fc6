package io.mmbot.chaos.examples.suite;

import java.util.List;

/**
 * What a run of a bot in another process adds to its record: how it was run, how the process ended,
 * what its metrics showed, and why it failed outside the checks of the judge (the process or its
 * metrics), if it did.
 *
 * @param command the {@code --bot-cmd} line as given
 * @param inject {@code exchange} or {@code bot}
 * @param compression how the timing was compressed, in words
 * @param limits the declared limits ({@code --bot-limits}, defaults filled in)
 * @param deadlineMs the declared tick deadline, ms
 * @param restMarketData the bot declared that it polls its market data over REST ({@code
 *     market_data=rest}): staleness is judged from the market-data answers it got
 * @param cancelsPerSec the declared cancel limit (a second with more is a cancel storm)
 * @param runDir the run's directory (the bot's logs)
 * @param ending how the process ended, in words
 * @param processFailure why the process failed its run (exited early, never ready, hung, refused
 *     control), or null
 * @param metricsFailure why its metrics failed the run (missing names, deadline or 250 ms not a
 *     bucket edge, no scrapes), or null
 * @param missingMetrics required metric names no scrape contained
 * @param scrapes scrapes taken
 * @param scrapeFailures scrapes that failed
 * @param crowdedIntervals scrape intervals in which more than one tick ended
 * @param bucketP95BurstMs in-burst p95 from the histogram buckets, ms (NaN without ticks)
 * @param bucketP99BurstMs in-burst p99 from the histogram buckets, ms
 * @param burstAbove250Pct share of in-burst ticks above 250 ms, from the buckets, percent
 * @param ordersLeftOpen the bot's orders still open on the exchange after it stopped (reported, not
 *     judged)
 * @param replay the command line that replays this run
 */
public record ExternalFacts(
    String command,
    String inject,
    String compression,
    String limits,
    double deadlineMs,
    boolean restMarketData,
    double cancelsPerSec,
    String runDir,
    String ending,
    String processFailure,
    String metricsFailure,
    List<String> missingMetrics,
    int scrapes,
    int scrapeFailures,
    int crowdedIntervals,
    double bucketP95BurstMs,
    double bucketP99BurstMs,
    double burstAbove250Pct,
    int ordersLeftOpen,
    String replay) {

  /** Copies the list. */
  public ExternalFacts {
    missingMetrics = List.copyOf(missingMetrics);
  }
}
