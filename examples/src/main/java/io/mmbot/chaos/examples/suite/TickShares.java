package io.mmbot.chaos.examples.suite;

/**
 * Shares of the judged ticks, in percent: deadline misses (over the run, in bursts, after recovery)
 * and the in-burst ticks in which the bot quoted.
 *
 * @param deadlineMissPct deadline misses in percent of all ticks (the judged figure)
 * @param deadlineMissBurstPct deadline misses in percent of the in-burst ticks
 * @param deadlineMissAfterPct deadline misses in percent of the ticks after recovery
 * @param quotingBurstPct in-burst ticks in which the bot quoted, percent
 */
public record TickShares(
    double deadlineMissPct,
    double deadlineMissBurstPct,
    double deadlineMissAfterPct,
    double quotingBurstPct) {}
