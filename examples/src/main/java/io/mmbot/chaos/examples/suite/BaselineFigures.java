package io.mmbot.chaos.examples.suite;

/**
 * The baseline run's figures a scenario run is judged against (a baseline run's are its own).
 *
 * @param p95Ms the baseline's whole-run p95 tick, ms
 * @param deadlineMissPct the baseline's deadline misses, percent of its ticks
 * @param wsGapP95Ms the baseline's p95 of the longest WebSocket gap per tick, whole run, ms
 */
public record BaselineFigures(double p95Ms, double deadlineMissPct, double wsGapP95Ms) {}
