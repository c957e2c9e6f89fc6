package io.mmbot.chaos.examples.suite;

/**
 * How the bot's connections fared: market data after WebSocket closes, stale data, gaps between
 * market-data messages, and requests that found no address.
 *
 * @param reconnectTicks the longest time from an abnormal WebSocket close to fresh data, in ticks
 *     (rounded up)
 * @param reconnectMs the same in ms
 * @param staleUnguardedTicks ticks with WS_STALE clear although no fresh market data backed it
 * @param wsGapP95BurstMs p95 of the longest WebSocket gap per tick, in bursts, ms
 * @param wsGapP95AfterMs the same after recovery, ms
 * @param dnsFailures requests that failed for want of an address
 */
public record ConnectionFigures(
    int reconnectTicks,
    double reconnectMs,
    int staleUnguardedTicks,
    double wsGapP95BurstMs,
    double wsGapP95AfterMs,
    int dnsFailures) {}
