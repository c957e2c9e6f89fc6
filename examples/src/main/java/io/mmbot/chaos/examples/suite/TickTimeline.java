package io.mmbot.chaos.examples.suite;

import java.util.List;

/**
 * A run's ticks in fixed windows, for the report's timeline: each window is {@code {start_sec,
 * p95_tick_ms, deadline_misses, burst (1 or 0), injections}}.
 *
 * @param windowSec the length of a window, seconds
 * @param windows the windows in time order
 */
public record TickTimeline(double windowSec, List<double[]> windows) {}
