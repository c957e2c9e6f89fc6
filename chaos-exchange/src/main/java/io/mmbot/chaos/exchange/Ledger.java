package io.mmbot.chaos.exchange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The exchange's own record of every order it ever accepted, in acceptance order. The suite checks
 * its invariants (duplicates, orphans, open-order limit) against this ledger, never against what
 * the bot believes. Not thread-safe: owned by {@link ExchangeRules}, which serialises access.
 */
public final class Ledger {

  /** One accepted order and what became of it. */
  public static final class Entry {
    final String clientOrderId;
    final Side side;
    final long priceTicks;
    final long qty;
    final long acceptedAtMs;
    OrderStatus status = OrderStatus.NEW;
    long closedAtMs;

    Entry(String clientOrderId, Side side, long priceTicks, long qty, long acceptedAtMs) {
      this.clientOrderId = clientOrderId;
      this.side = side;
      this.priceTicks = priceTicks;
      this.qty = qty;
      this.acceptedAtMs = acceptedAtMs;
    }

    /** The client order id it was placed with. */
    public String clientOrderId() {
      return clientOrderId;
    }

    /** Its side. */
    public Side side() {
      return side;
    }

    /** Its limit price in ticks. */
    public long priceTicks() {
      return priceTicks;
    }

    /** When the exchange accepted it, server epoch ms. */
    public long acceptedAtMs() {
      return acceptedAtMs;
    }

    /** Its current status. */
    public OrderStatus status() {
      return status;
    }

    /** When it was filled or cancelled, server epoch ms; 0 while open. */
    public long closedAtMs() {
      return closedAtMs;
    }

    OrderView view(long nowMs) {
      return new OrderView(
          clientOrderId,
          side,
          priceTicks,
          status == OrderStatus.FILLED ? 0 : qty,
          status,
          closedAtMs != 0 ? closedAtMs : acceptedAtMs);
    }
  }

  private final List<Entry> all = new ArrayList<>();

  /** An empty ledger. */
  Ledger() {}

  Entry add(String clientOrderId, Side side, long priceTicks, long qty, long nowMs) {
    Entry e = new Entry(clientOrderId, side, priceTicks, qty, nowMs);
    all.add(e);
    return e;
  }

  /** Every order ever accepted, in acceptance order (unmodifiable view). */
  public List<Entry> entries() {
    return Collections.unmodifiableList(all);
  }

  /** Number of orders ever accepted. */
  public int size() {
    return all.size();
  }
}
