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
    long orderId;
    OrderStatus status = OrderStatus.NEW;
    long closedAtMs;
    long midAtAcceptTicks;

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

    /** The order id the exchange gave it: its place in the ledger, from 1. */
    public long orderId() {
      return orderId;
    }

    /** The quantity it was placed with, in lots. */
    public long qty() {
      return qty;
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

    /**
     * The exchange's mid price (best bid plus best ask, halved) when it accepted the order, ticks.
     */
    public long midAtAcceptTicks() {
      return midAtAcceptTicks;
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
    e.orderId = all.size();
    return e;
  }

  /** Every order ever accepted, in acceptance order (unmodifiable view). */
  public List<Entry> entries() {
    return Collections.unmodifiableList(all);
  }

  /** The order with this {@link Entry#orderId()}, or null. */
  public Entry byOrderId(long orderId) {
    return orderId >= 1 && orderId <= all.size() ? all.get((int) (orderId - 1)) : null;
  }

  /** Number of orders ever accepted. */
  public int size() {
    return all.size();
  }
}
