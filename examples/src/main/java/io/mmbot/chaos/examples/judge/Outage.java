package io.mmbot.chaos.examples.judge;

/**
 * A WebSocket endpoint of the exchange refusing connections (failing over), as the exchange's
 * journal recorded it.
 *
 * @param endpoint the endpoint (host address)
 * @param fromNanos when it went down, harness nanoseconds
 * @param untilNanos when it accepts connections again
 */
public record Outage(String endpoint, long fromNanos, long untilNanos) {}
