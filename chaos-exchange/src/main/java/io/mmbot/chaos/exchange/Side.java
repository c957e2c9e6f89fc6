package io.mmbot.chaos.exchange;

/** The side of an order. */
public enum Side {
  /** A bid. */
  BUY,
  /** An ask. */
  SELL
}
