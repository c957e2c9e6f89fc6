package io.mmbot.chaos.examples.suite;

/**
 * Bursts of requests the wire shows: cancels, retries while failing, repeated places, WebSocket
 * connection attempts, and requests sent inside a received Retry-After.
 *
 * @param maxCancelsPerSecond most cancels sent within one second
 * @param cancelStorms 1 when a second held more cancels than the declared limit, else 0
 * @param maxRetriesPerSecond most attempts within 10 s while the client's last answer had failed
 * @param retryStorms 1 when those attempts exceeded the declared budget within some 10 s, else 0
 * @param maxRetriedPlaces most places repeating a failed one within 10 s
 * @param maxWsAttempts most WebSocket connection attempts within one second
 * @param retryAfterViolations requests sent while a received Retry-After was running
 */
public record StormFigures(
    int maxCancelsPerSecond,
    int cancelStorms,
    int maxRetriesPerSecond,
    int retryStorms,
    int maxRetriedPlaces,
    int maxWsAttempts,
    long retryAfterViolations) {}
