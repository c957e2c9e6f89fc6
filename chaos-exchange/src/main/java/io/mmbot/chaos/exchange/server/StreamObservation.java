package io.mmbot.chaos.exchange.server;

/**
 * One WebSocket session event as the exchange saw it.
 *
 * @param atNanos when, on the observer clock
 * @param session the connection's number on this server, from 1 (each upgrade request is one)
 * @param kind what happened
 * @param clientOrderId for {@link Kind#EXECUTION}: the order's client id; else null
 */
public record StreamObservation(long atNanos, long session, Kind kind, String clientOrderId) {

  /** Kinds of session events. */
  public enum Kind {
    /** An upgrade request arrived (a connection attempt). */
    ATTEMPT,
    /** The upgrade was accepted: the session is open and subscribed. */
    OPEN,
    /** The attempt was refused (bad path or stream, or the connection limit). */
    REFUSED,
    /** A market-data message was written to the session. */
    MARKET_DATA,
    /** An execution report of the user data stream was written to the session. */
    EXECUTION,
    /** The exchange ended the session without a close frame (WS_DISCONNECT). */
    ABNORMAL_CLOSE,
    /** The session ended with a close handshake or the client went away. */
    CLOSE
  }
}
