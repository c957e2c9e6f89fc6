package io.mmbot.chaos.exchange.server;

import io.mmbot.chaos.exchange.Ledger;
import io.mmbot.chaos.exchange.OrderStatus;
import io.mmbot.chaos.exchange.Side;

/**
 * An order as one answer shows it, so that RECONCILE_MISMATCH can show it wrong without touching
 * the ledger.
 *
 * @param orderId the exchange's order id
 * @param clientOrderId the client order id
 * @param side BUY or SELL
 * @param priceTicks limit price in ticks
 * @param origLots quantity placed, in lots
 * @param executedLots quantity filled, in lots
 * @param status the status as Binance spells it
 * @param timeMs when the order was accepted
 * @param updateTimeMs when it last changed
 */
record OrderRow(
    long orderId,
    String clientOrderId,
    Side side,
    long priceTicks,
    long origLots,
    long executedLots,
    String status,
    long timeMs,
    long updateTimeMs) {

  static OrderRow of(Ledger.Entry e) {
    boolean filled = e.status() == OrderStatus.FILLED;
    return new OrderRow(
        e.orderId(),
        e.clientOrderId(),
        e.side(),
        e.priceTicks(),
        e.qty(),
        filled ? e.qty() : 0,
        e.status().name(),
        e.acceptedAtMs(),
        e.closedAtMs() != 0 ? e.closedAtMs() : e.acceptedAtMs());
  }

  OrderRow withStatus(String s) {
    return new OrderRow(
        orderId, clientOrderId, side, priceTicks, origLots, executedLots, s, timeMs, updateTimeMs);
  }

  OrderRow withOrigLots(long lots) {
    return new OrderRow(
        orderId, clientOrderId, side, priceTicks, lots, executedLots, status, timeMs, updateTimeMs);
  }

  /** The fields every order answer shares (place RESULT, query, open orders, cancel). */
  Json write(Json j) {
    j.str("symbol", Amounts.SYMBOL)
        .num("orderId", orderId)
        .num("orderListId", -1)
        .str("clientOrderId", clientOrderId)
        .str("price", Amounts.price(priceTicks))
        .str("origQty", Amounts.qty(origLots))
        .str("executedQty", Amounts.qty(executedLots))
        .str("cummulativeQuoteQty", Amounts.format(executedLots * priceTicks, Amounts.QUOTE_SCALE))
        .str("status", status)
        .str("timeInForce", "GTC")
        .str("type", "LIMIT")
        .str("side", side.name());
    return j;
  }

  /** An order as {@code GET /api/v3/order} and {@code GET /api/v3/openOrders} show it. */
  Json writeQuery(Json j) {
    write(j)
        .str("stopPrice", "0.00000000")
        .str("icebergQty", "0.00000000")
        .num("time", timeMs)
        .num("updateTime", updateTimeMs)
        .bool("isWorking", true)
        .num("workingTime", timeMs)
        .str("origQuoteOrderQty", "0.00000000")
        .str("selfTradePreventionMode", "NONE");
    return j;
  }
}
