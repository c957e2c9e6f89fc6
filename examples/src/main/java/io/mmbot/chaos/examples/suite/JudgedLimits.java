package io.mmbot.chaos.examples.suite;

/**
 * The limits a run is judged against: what the bot declared, and its tick.
 *
 * @param maxOpenOrders most orders the bot may hold open
 * @param maxOrdersPerSide most orders it may hold open on one side
 * @param failingRequestsPer10s requests it may send within 10 s while the exchange fails
 * @param cancelsPerSecond cancels it may send within one second
 * @param retriedPlacesPer10s places repeating a failed one it may send within 10 s
 * @param wsAttemptsPerSecond WebSocket connection attempts it may make within one second
 * @param backoffCapMs its longest backoff, ms
 * @param tickMs its tick interval, ms
 */
public record JudgedLimits(
    int maxOpenOrders,
    int maxOrdersPerSide,
    int failingRequestsPer10s,
    int cancelsPerSecond,
    int retriedPlacesPer10s,
    int wsAttemptsPerSecond,
    long backoffCapMs,
    double tickMs) {}
