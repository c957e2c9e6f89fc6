package io.mmbot.chaos.exchange;

import java.util.Objects;

/**
 * An order as the exchange reports it (an answer to place, cancel, query or open-orders).
 *
 * @param clientOrderId the client order id the order was placed with
 * @param side bid or ask
 * @param priceTicks the limit price in ticks of the symbol (0.01)
 * @param qty the remaining quantity, in lots
 * @param status the order's state
 * @param updateTimeMs server time of the order's last change, in epoch milliseconds
 */
public record OrderView(
    String clientOrderId,
    Side side,
    long priceTicks,
    long qty,
    OrderStatus status,
    long updateTimeMs) {

  /** Checks for nulls. */
  public OrderView {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(status, "status");
  }

  /** This order with another status. */
  public OrderView withStatus(OrderStatus s) {
    return new OrderView(clientOrderId, side, priceTicks, qty, s, updateTimeMs);
  }

  /** This order with another remaining quantity. */
  public OrderView withQty(long q) {
    return new OrderView(clientOrderId, side, priceTicks, q, status, updateTimeMs);
  }
}
