package io.mmbot.chaos.exchange.server;

/**
 * Hears what the exchange saw on its wire: every REST request with how it ended, and every
 * WebSocket session event. This is the evidence a judge needs about a client in another process,
 * taken on the server's side of the connection.
 *
 * <p>Calls come from the exchange's connection threads, several at once: an implementation must be
 * thread-safe and quick (it runs on the path of the answer). Whatever it throws is caught and
 * ignored, so an observer can never change what a client sees. A server built without an observer
 * does no observation work at all.
 */
public interface ExchangeObserver {

  /** One REST request has ended (answered, reset, cut off, or given up by the client). */
  void onRequest(RestObservation request);

  /** One WebSocket session event. */
  void onStream(StreamObservation event);
}
