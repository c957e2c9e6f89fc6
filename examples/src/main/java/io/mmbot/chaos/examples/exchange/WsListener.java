package io.mmbot.chaos.examples.exchange;

import io.mmbot.chaos.exchange.OrderView;

/**
 * Receives the events of one WebSocket connection to the exchange: the market-data stream (best bid
 * and ask) and the user-data stream (fills of the bot's orders) on one connection, plus keep-alive
 * pings and the end of the connection. Every event is delivered on the bot's own thread, inside
 * {@link Exchange#execute} or {@link Exchange#idleUntil}, so the bot needs no locks.
 */
public interface WsListener {

  /** The connection is open; market data follows. */
  void onOpen(WsConnection connection);

  /** The connection attempt was refused (server unavailable or attempt limit). */
  void onRefused(String reason);

  /**
   * A book-ticker message: the best bid and ask at {@code eventTimeMs} (server time), with the
   * stream's sequence number.
   */
  void onBookTicker(long bidTicks, long askTicks, long eventTimeMs, long sequence);

  /**
   * A depth-diff event: the book levels that changed at one market step, delivered right after the
   * step's book ticker on the same message. An exchange whose stream carries no diffs never calls
   * it. Not a default method: a listener that wraps another must pass it on, and the compiler says
   * so.
   */
  void onDepthDiff(DepthDiff diff);

  /** One of the bot's orders was filled (user-data stream). */
  void onExecution(OrderView filled);

  /** The server pinged; answer with {@link WsConnection#pong()}. */
  void onPing();

  /**
   * The connection ended: {@code abnormal} when it was lost without a close frame (as the JDK
   * reports an {@code IOException} in {@code onError}), false for a close by the server (for
   * example the 24 h lifetime).
   */
  void onClosed(boolean abnormal, String reason);
}
