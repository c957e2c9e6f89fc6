package io.mmbot.chaos.examples.exchange;

/** The bot's handle on one open WebSocket connection. */
public interface WsConnection {

  /** Answers the server's ping. */
  void pong();

  /** Closes the connection from the bot's side (no further events). */
  void close();
}
