package io.mmbot.chaos.exchange.server;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.exchange.Endpoint;
import io.mmbot.chaos.exchange.ExchangeRules;
import io.mmbot.chaos.exchange.Ledger;
import io.mmbot.chaos.exchange.OrderView;
import io.mmbot.chaos.exchange.RestCall;
import io.mmbot.chaos.exchange.Side;
import io.mmbot.chaos.reconcile.OrderViewChaos;
import java.util.ArrayList;
import java.util.List;

/**
 * Binance's Spot REST API on top of the shared {@link ExchangeRules}: reads a request as Binance
 * does (API key, signature, parameters, symbol), lets the rules charge and execute it, and writes
 * the answer in Binance's JSON with Binance's error codes. Safe for concurrent use: the rules and
 * the state are used under {@link ExchangeCore#lock}.
 */
final class BinanceRest {

  /** Largest {@code recvWindow} Binance accepts, ms. */
  static final long MAX_RECV_WINDOW_MS = 60_000;

  private static final String NO_SUCH_ID = "\u0000unknown";

  private final ExchangeCore core;
  private final Signatures signatures;
  private final OrderViewChaos<OrderRow> views;
  private long generatedIds;

  BinanceRest(ExchangeCore core, Signatures signatures, ChaosInjector injector) {
    this.core = core;
    this.signatures = signatures;
    this.views = injector == null ? null : OrderViewChaos.of(injector, new StaleRows());
  }

  /** The endpoint a method and path name, or null. */
  static Endpoint route(String method, String path) {
    switch (path) {
      case "/api/v3/order":
        return method.equals("POST")
            ? Endpoint.PLACE_ORDER
            : method.equals("DELETE")
                ? Endpoint.CANCEL_ORDER
                : method.equals("GET") ? Endpoint.QUERY_ORDER : null;
      case "/api/v3/openOrders":
        return method.equals("GET")
            ? Endpoint.OPEN_ORDERS
            : method.equals("DELETE") ? Endpoint.CANCEL_ALL : null;
      case "/api/v3/userDataStream":
        return method.equals("POST") || method.equals("PUT") || method.equals("DELETE")
            ? Endpoint.USER_STREAM
            : null;
      default:
        for (Endpoint e : Endpoint.values()) {
          if (e.path().equals(path) && e.method().equals(method)) {
            return e;
          }
        }
        return null;
    }
  }

  /** Answers one request; the rules execute it if it passes the checks. */
  Answer handle(String method, String path, String query, String body, String apiKey) {
    Endpoint ep = route(method, path);
    if (ep == null) {
      return new Answer(404, "{}", 0, -1, -1);
    }
    RestCall call;
    Params p;
    try {
      p = Params.parse(query, body);
      if (ep.signed() || ep == Endpoint.USER_STREAM) {
        signatures.checkKey(apiKey);
      }
      if (ep.signed()) {
        signatures.checkSignature(p);
      }
      call = request(ep, p);
    } catch (ApiError e) {
      synchronized (core.lock) {
        return Answer.error(e, core.rules.usedWeight(core.serverTimeMs()));
      }
    }
    synchronized (core.lock) {
      long now = core.serverTimeMs();
      boolean duplicate = ep == Endpoint.PLACE_ORDER && core.rules.isOpen(call.clientOrderId());
      core.rules.handle(call, now);
      if (!call.ok()) {
        return refusal(call, duplicate, now);
      }
      try {
        return new Answers(core, views).success(ep, method, p, call, now);
      } catch (ApiError e) {
        return Answer.error(e, call.usedWeight());
      }
    }
  }

  private RestCall request(Endpoint ep, Params p) throws ApiError {
    RestCall call;
    switch (ep) {
      case PLACE_ORDER:
        call = place(p);
        break;
      case CANCEL_ORDER:
      case QUERY_ORDER:
        symbol(p, true);
        call = RestCall.byId(ep, clientOrderIdOf(p));
        break;
      case CANCEL_ALL:
      case DEPTH_SNAPSHOT:
        symbol(p, true);
        call = RestCall.of(ep);
        break;
      case OPEN_ORDERS:
      case BOOK_TICKER:
      case PRICE_TICKER:
      case EXCHANGE_INFO:
        symbol(p, false);
        call = RestCall.of(ep);
        break;
      default:
        call = RestCall.of(ep);
        break;
    }
    if (ep.signed()) {
      long ts = p.requiredLong("timestamp");
      long window = ExchangeRules.DEFAULT_RECV_WINDOW_MS;
      String w = p.get("recvWindow");
      if (w != null) {
        try {
          window = (long) Double.parseDouble(w);
        } catch (NumberFormatException e) {
          throw ApiError.mandatory("recvWindow");
        }
        if (window > MAX_RECV_WINDOW_MS || window <= 0) {
          throw new ApiError(400, -1131, "recvWindow must be less than 60000");
        }
      }
      call.signed(ts, window);
    }
    return call;
  }

  private RestCall place(Params p) throws ApiError {
    symbol(p, true);
    String side = p.required("side");
    Side s;
    if (side.equals("BUY")) {
      s = Side.BUY;
    } else if (side.equals("SELL")) {
      s = Side.SELL;
    } else {
      throw new ApiError(400, -1117, "Invalid side.");
    }
    String type = p.required("type");
    if (!type.equals("LIMIT")) {
      if (type.equals("MARKET")) {
        throw new ApiError(400, -2010, "Market orders are not supported for this symbol.");
      }
      throw new ApiError(400, -1116, "Invalid orderType.");
    }
    String tif = p.required("timeInForce");
    if (!tif.equals("GTC")) {
      throw new ApiError(400, -1115, "Invalid timeInForce.");
    }
    long lots = Amounts.parse("quantity", p.required("quantity"), Amounts.QTY_SCALE, "LOT_SIZE");
    long ticks = Amounts.parse("price", p.required("price"), Amounts.PRICE_SCALE, "PRICE_FILTER");
    String resp = p.get("newOrderRespType");
    if (resp != null && !resp.equals("ACK") && !resp.equals("RESULT") && !resp.equals("FULL")) {
      throw new ApiError(400, -1100, "Illegal characters found in parameter 'newOrderRespType'.");
    }
    String id = p.get("newClientOrderId");
    if (id == null) {
      synchronized (core.lock) {
        id = "mmchaos" + Long.toString(++generatedIds, 36);
      }
    }
    return RestCall.place(id, s, ticks, lots);
  }

  private String clientOrderIdOf(Params p) throws ApiError {
    String orderId = p.get("orderId");
    String orig = p.get("origClientOrderId");
    if (orderId == null && orig == null) {
      throw new ApiError(
          400,
          -1102,
          "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
    }
    if (orderId == null) {
      return orig;
    }
    long id = p.requiredLong("orderId");
    synchronized (core.lock) {
      Ledger.Entry e = core.rules.ledger().byOrderId(id);
      if (e == null || (orig != null && !orig.equals(e.clientOrderId()))) {
        return NO_SUCH_ID;
      }
      return e.clientOrderId();
    }
  }

  private static void symbol(Params p, boolean required) throws ApiError {
    String s = required ? p.required("symbol") : p.get("symbol");
    if (s != null && !s.equals(Amounts.SYMBOL)) {
      throw ApiError.badSymbol();
    }
    String list = p.get("symbols");
    if (list != null && !list.replace(" ", "").equals("[\"" + Amounts.SYMBOL + "\"]")) {
      throw ApiError.badSymbol();
    }
  }

  private Answer refusal(RestCall call, boolean duplicate, long now) {
    int w = call.usedWeight();
    int status = call.httpStatus();
    if (status == 418) {
      return new Answer(
          418,
          error(
              -1003,
              "Way too much request weight used; IP banned until "
                  + (now + call.retryAfterSec() * 1000)
                  + ". Please use WebSocket Streams for live updates to avoid bans."),
          call.retryAfterSec(),
          w,
          -1);
    }
    if (status == 429 && call.errorCode() == ExchangeRules.ERR_TOO_MANY_ORDERS) {
      return new Answer(
          429,
          error(
              -1015,
              "Too many new orders; current limit is "
                  + ExchangeRules.MAX_NEW_ORDERS_PER_10S
                  + " orders per 10 SECOND."),
          0,
          w,
          -1);
    }
    if (status == 429) {
      return new Answer(
          429,
          error(
              -1003,
              "Too much request weight used; current limit is "
                  + ExchangeRules.WEIGHT_LIMIT_PER_MINUTE
                  + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates"
                  + " to avoid polling the API."),
          call.retryAfterSec(),
          w,
          -1);
    }
    String msg = rejectionMessage(call, duplicate, now);
    return new Answer(status, error(call.errorCode(), msg), 0, w, -1);
  }

  /** The message of a 400 the rules answered with {@code call.errorCode()}, as Binance words it. */
  private static String rejectionMessage(RestCall call, boolean duplicate, long now) {
    switch (call.errorCode()) {
      case ExchangeRules.ERR_TIMESTAMP:
        return call.timestampMs() > now
            ? "Timestamp for this request was 1000ms ahead of the server's time."
            : "Timestamp for this request is outside of the recvWindow.";
      case ExchangeRules.ERR_REJECTED:
        return duplicate ? "Duplicate order sent." : "Filter failure: MAX_NUM_ORDERS";
      case ExchangeRules.ERR_CANCEL_UNKNOWN:
        return "Unknown order sent.";
      case ExchangeRules.ERR_NO_SUCH_ORDER:
        return "Order does not exist.";
      default:
        return "An unknown error occurred while processing the request.";
    }
  }

  static String error(int code, String msg) {
    return new Json(128).open().num("code", code).str("msg", msg).close().toString();
  }

  /** RECONCILE_MISMATCH on the wire: how a row looks when the exchange's view is wrong. */
  private static final class StaleRows implements OrderViewChaos.Perturber<OrderRow> {
    private long ghosts;

    @Override
    public OrderRow ghost(List<OrderRow> view) {
      long price = view.isEmpty() ? 100 : view.get(0).priceTicks();
      long n;
      synchronized (this) {
        n = ++ghosts;
      }
      return new OrderRow(1_000_000_000L + n, "ghost" + n, Side.BUY, price, 1, 0, "NEW", 0, 0);
    }

    @Override
    public OrderRow stale(OrderRow o) {
      return o.withStatus(o.status().equals("NEW") ? "PENDING_NEW" : "NEW");
    }

    @Override
    public OrderRow quantityDiff(OrderRow o) {
      return o.withOrigLots(o.origLots() + 1);
    }
  }

  static List<OrderRow> rows(List<OrderView> views, ExchangeRules rules) {
    List<OrderRow> out = new ArrayList<>(views.size());
    for (OrderView v : views) {
      out.add(OrderRow.of(rules.latest(v.clientOrderId())));
    }
    return out;
  }
}
