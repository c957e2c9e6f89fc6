package io.mmbot.chaos.exchange;

/** Order states as a spot exchange reports them. */
public enum OrderStatus {
  /** Received but not yet acknowledged by the matching engine (never left open in this model). */
  PENDING_NEW,
  /** Open on the book. */
  NEW,
  /** Filled completely. */
  FILLED,
  /** Cancelled by the client. */
  CANCELED;

  /** Whether the order is still on the book. */
  public boolean open() {
    return this == NEW || this == PENDING_NEW;
  }
}
