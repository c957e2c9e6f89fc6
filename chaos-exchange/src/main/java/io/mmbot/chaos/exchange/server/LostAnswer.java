package io.mmbot.chaos.exchange.server;

/**
 * How the exchange loses the answer to a request it executed (NET_LOSS striking after the request
 * reached it): the caller's outcome is unknown in every case, but connectors notice each one
 * differently.
 */
public enum LostAnswer {
  /** No answer at all: the connection stays open and silent until the client gives up. */
  SILENCE,
  /** The connection is reset (TCP RST) instead of an answer. */
  RESET,
  /** The status line, the headers and half of the body are sent, then the connection closes. */
  CUT_BODY
}
