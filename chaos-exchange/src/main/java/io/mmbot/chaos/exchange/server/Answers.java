package io.mmbot.chaos.exchange.server;

import io.mmbot.chaos.exchange.Endpoint;
import io.mmbot.chaos.exchange.ExchangeRules;
import io.mmbot.chaos.exchange.Ledger;
import io.mmbot.chaos.exchange.OrderView;
import io.mmbot.chaos.exchange.RestCall;
import io.mmbot.chaos.reconcile.OrderViewChaos;
import java.util.List;

/**
 * The JSON of successful answers, field for field as Binance's Spot REST API documents them. Used
 * with {@link ExchangeCore#lock} held, right after the rules executed the request.
 */
final class Answers {
  private final ExchangeCore core;
  private final ExchangeRules rules;
  private final OrderViewChaos<OrderRow> views;

  Answers(ExchangeCore core, OrderViewChaos<OrderRow> views) {
    this.core = core;
    this.rules = core.rules;
    this.views = views;
  }

  Answer success(Endpoint ep, String method, Params p, RestCall call, long now) throws ApiError {
    int w = call.usedWeight();
    switch (ep) {
      case PLACE_ORDER:
        return placeOrder(p, call, now, w);
      case CANCEL_ORDER:
        return cancelOrder(p, call, now, w);
      case CANCEL_ALL:
        return cancelAll(p, call, now, w);
      case QUERY_ORDER:
        return queryOrder(call, w);
      case OPEN_ORDERS:
        return openOrders(call, w);
      case DEPTH_SNAPSHOT:
        return depth(p, w);
      case SERVER_TIME:
        return Answer.ok("{\"serverTime\":" + now + "}", w);
      case PING:
        return Answer.ok("{}", w);
      case EXCHANGE_INFO:
        return Answer.ok(ExchangeInfo.json(now), w);
      case BOOK_TICKER:
        return bookTicker(p, w);
      case PRICE_TICKER:
        return priceTicker(p, w);
      case ACCOUNT:
        return Answer.ok(account(now), w);
      case USER_STREAM:
        return userStream(method, p, w);
      default:
        throw new AssertionError(ep);
    }
  }

  /** A new order: its answer in the requested {@code newOrderRespType}. */
  private Answer placeOrder(Params p, RestCall call, long now, int w) {
    Ledger.Entry e = rules.latest(call.clientOrderId());
    core.placed(e, now);
    return new Answer(
        200, placed(e, p.get("newOrderRespType"), now), 0, w, rules.newOrdersIn10s(now));
  }

  /** One cancelled order. */
  private Answer cancelOrder(Params p, RestCall call, long now, int w) {
    Ledger.Entry e = rules.latest(call.clientOrderId());
    core.cancelled(e, now);
    return Answer.ok(cancelled(new Json(512).open(), e, p, now).close().toString(), w);
  }

  /** Every open order, cancelled. */
  private Answer cancelAll(Params p, RestCall call, long now, int w) {
    Json j = new Json(512).openArray();
    for (OrderView v : call.orders()) {
      Ledger.Entry e = rules.latest(v.clientOrderId());
      core.cancelled(e, now);
      cancelled(j.element(), e, p, now).close();
    }
    return Answer.ok(j.closeArray().toString(), w);
  }

  /** One order as queried, through the order-view chaos when it is on. */
  private Answer queryOrder(RestCall call, int w) throws ApiError {
    List<OrderRow> one = List.of(OrderRow.of(rules.latest(call.clientOrderId())));
    if (views != null) {
      List<OrderRow> seen = views.view(one).orders();
      // A missing order reads as unknown; a ghost beside the real one is not shown.
      if (seen.isEmpty()) {
        throw new ApiError(400, ExchangeRules.ERR_NO_SUCH_ORDER, "Order does not exist.");
      }
      one = seen.subList(0, 1);
    }
    return Answer.ok(one.get(0).writeQuery(new Json(512).open()).close().toString(), w);
  }

  /** The open orders, through the order-view chaos when it is on. */
  private Answer openOrders(RestCall call, int w) {
    List<OrderRow> rows = BinanceRest.rows(call.orders(), rules);
    if (views != null) {
      rows = views.view(rows).orders();
    }
    Json j = new Json(256 + 400 * rows.size()).openArray();
    for (OrderRow r : rows) {
      r.writeQuery(j.element()).close();
    }
    return Answer.ok(j.closeArray().toString(), w);
  }

  /** A depth snapshot of at most {@code limit} levels. */
  private Answer depth(Params p, int w) throws ApiError {
    int limit = 100;
    String l = p.get("limit");
    if (l != null) {
      limit = (int) Math.max(1, Math.min(5000, p.requiredLong("limit")));
    }
    return Answer.ok(Book.depth(core, Math.min(limit, ExchangeCore.BOOK_LEVELS), true), w);
  }

  /** The best bid and ask; an array unless one symbol was asked for. */
  private Answer bookTicker(Params p, int w) {
    Json j = new Json(160).open();
    Book.bookTicker(j, core, false);
    String one = j.close().toString();
    return Answer.ok(
        p.get("symbol") == null && p.get("symbols") == null ? "[" + one + "]" : one, w);
  }

  /** The last price; an array unless one symbol was asked for. */
  private Answer priceTicker(Params p, int w) {
    String one =
        new Json(64)
            .open()
            .str("symbol", Amounts.SYMBOL)
            .str("price", Amounts.price(core.lastTrade()))
            .close()
            .toString();
    return Answer.ok(
        p.get("symbol") == null && p.get("symbols") == null ? "[" + one + "]" : one, w);
  }

  private String placed(Ledger.Entry e, String respType, long now) {
    Json j = new Json(512).open();
    if ("ACK".equals(respType)) {
      j.str("symbol", Amounts.SYMBOL)
          .num("orderId", e.orderId())
          .num("orderListId", -1)
          .str("clientOrderId", e.clientOrderId())
          .num("transactTime", now);
      return j.close().toString();
    }
    OrderRow r = OrderRow.of(e);
    j.str("symbol", Amounts.SYMBOL)
        .num("orderId", r.orderId())
        .num("orderListId", -1)
        .str("clientOrderId", r.clientOrderId())
        .num("transactTime", now)
        .str("price", Amounts.price(r.priceTicks()))
        .str("origQty", Amounts.qty(r.origLots()))
        .str("executedQty", Amounts.qty(r.executedLots()))
        .str("origQuoteOrderQty", "0.00000000")
        .str("cummulativeQuoteQty", "0.00000000")
        .str("status", r.status())
        .str("timeInForce", "GTC")
        .str("type", "LIMIT")
        .str("side", r.side().name())
        .num("workingTime", now)
        .str("selfTradePreventionMode", "NONE");
    if (!"RESULT".equals(respType)) {
      j.openArray("fills").closeArray();
    }
    return j.close().toString();
  }

  private Json cancelled(Json j, Ledger.Entry e, Params p, long now) {
    OrderRow r = OrderRow.of(e);
    String cancelId = p.get("newClientOrderId");
    j.str("symbol", Amounts.SYMBOL)
        .str("origClientOrderId", r.clientOrderId())
        .num("orderId", r.orderId())
        .num("orderListId", -1)
        .str("clientOrderId", cancelId != null ? cancelId : "cancel" + r.orderId())
        .num("transactTime", now)
        .str("price", Amounts.price(r.priceTicks()))
        .str("origQty", Amounts.qty(r.origLots()))
        .str("executedQty", Amounts.qty(r.executedLots()))
        .str("origQuoteOrderQty", "0.00000000")
        .str(
            "cummulativeQuoteQty",
            Amounts.format(r.executedLots() * r.priceTicks(), Amounts.QUOTE_SCALE))
        .str("status", r.status())
        .str("timeInForce", "GTC")
        .str("type", "LIMIT")
        .str("side", r.side().name())
        .str("selfTradePreventionMode", "NONE");
    return j;
  }

  private String account(long now) {
    Json j =
        new Json(768)
            .open()
            .num("makerCommission", 10)
            .num("takerCommission", 10)
            .num("buyerCommission", 0)
            .num("sellerCommission", 0)
            .openObject("commissionRates")
            .str("maker", "0.00100000")
            .str("taker", "0.00100000")
            .str("buyer", "0.00000000")
            .str("seller", "0.00000000")
            .close()
            .bool("canTrade", true)
            .bool("canWithdraw", false)
            .bool("canDeposit", false)
            .bool("brokered", false)
            .bool("requireSelfTradePrevention", false)
            .bool("preventSor", false)
            .num("updateTime", core.accountUpdateMs())
            .str("accountType", "SPOT");
    j.openArray("balances");
    core.writeBalances(j, false);
    j.closeArray();
    j.openArray("permissions").value("SPOT").closeArray();
    return j.num("uid", 1).close().toString();
  }

  private Answer userStream(String method, Params p, int w) throws ApiError {
    long now = core.wallMs();
    if (method.equals("POST")) {
      return Answer.ok("{\"listenKey\":\"" + core.newListenKey(now) + "\"}", w);
    }
    String key = p.required("listenKey");
    boolean known = method.equals("PUT") ? core.keepAlive(key, now) : core.closeListenKey(key);
    if (!known) {
      throw new ApiError(400, -1125, "This listenKey does not exist.");
    }
    return Answer.ok("{}", w);
  }
}
