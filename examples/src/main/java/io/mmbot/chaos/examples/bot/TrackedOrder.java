package io.mmbot.chaos.examples.bot;

import io.mmbot.chaos.exchange.Side;

/** One order as the bot tracks it. Mutable; owned by the bot's thread. */
final class TrackedOrder {

  /** What the bot knows about the order. */
  enum State {
    /** Acknowledged by the exchange and, as far as the bot knows, open. */
    LIVE,
    /** Placed, but the answer was lost or a 5xx: it may or may not exist. Query before anything. */
    UNKNOWN,
    /** A cancel was sent and its outcome is unknown. Query before anything. */
    CANCEL_UNKNOWN,
    /** The exchange's view disagreed with the bot's: query to learn the truth. */
    VERIFY
  }

  final String id;
  final Side side;
  final long priceTicks;
  final long qty;
  State state;
  long ackServerMs;

  TrackedOrder(String id, Side side, long priceTicks, long qty, State state, long ackServerMs) {
    this.id = id;
    this.side = side;
    this.priceTicks = priceTicks;
    this.qty = qty;
    this.state = state;
    this.ackServerMs = ackServerMs;
  }

  boolean pending() {
    return state != State.LIVE;
  }
}
