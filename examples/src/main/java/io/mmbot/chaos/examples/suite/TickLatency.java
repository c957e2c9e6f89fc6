package io.mmbot.chaos.examples.suite;

/**
 * How long the judged ticks of a run took (from the scrapes of the bot's tick histogram).
 *
 * @param ticks ticks judged (those starting at or after the warm-up)
 * @param burstTicks ticks that started inside a burst
 * @param p95BurstMs p95 of the in-burst ticks, ms (the judged p95)
 * @param p95BurstTrimmedMs the same without the slowest in-burst tick, ms (judged on loopback,
 *     where one stall of a real machine is otherwise the whole p95 of a short run)
 * @param p99BurstMs p99 of the in-burst ticks, ms
 * @param p95RunMs p95 over the whole run, ms
 * @param p99RunMs p99 over the whole run, ms
 * @param p95AfterRecoveryMs p95 of the ticks outside bursts, once 3 ticks past each burst's end, ms
 */
public record TickLatency(
    int ticks,
    int burstTicks,
    double p95BurstMs,
    double p95BurstTrimmedMs,
    double p99BurstMs,
    double p95RunMs,
    double p99RunMs,
    double p95AfterRecoveryMs) {}
