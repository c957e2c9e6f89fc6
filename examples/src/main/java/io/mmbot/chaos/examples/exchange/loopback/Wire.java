package io.mmbot.chaos.examples.exchange.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mmbot.chaos.exchange.OrderStatus;
import io.mmbot.chaos.exchange.OrderView;
import io.mmbot.chaos.exchange.RestCall;
import io.mmbot.chaos.exchange.Side;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loopback exchange's wire format, both sides of it: request parameters in the query string,
 * JSON answer bodies shaped like a large spot exchange's ({@code code}, {@code serverTime}, {@code
 * order}, {@code orders}, {@code bid}/{@code ask}), the {@code Retry-After} and {@code
 * X-MBX-USED-WEIGHT-1M} headers, and the WebSocket's JSON messages ({@code bookTicker} and {@code
 * executionReport}). Stateless.
 */
final class Wire {

  static final String USED_WEIGHT = "X-MBX-USED-WEIGHT-1M";
  static final String RETRY_AFTER = "Retry-After";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Wire() {}

  // ---------------------------------------------------------------- requests

  /** The query string of {@code c}'s request fields. */
  static String query(RestCall c) {
    StringBuilder q = new StringBuilder("symbol=BTCUSDT");
    if (c.clientOrderId() != null) {
      q.append("&origClientOrderId=").append(c.clientOrderId());
    }
    if (c.side() != null) {
      q.append("&side=").append(c.side().name());
      q.append("&price=").append(c.priceTicks());
      q.append("&quantity=").append(c.qty());
    }
    if (c.endpoint().signed()) {
      q.append("&timestamp=").append(c.timestampMs());
      q.append("&recvWindow=").append(c.recvWindowMs());
    }
    return q.toString();
  }

  /** The request fields of a call parsed from its query string (server side). */
  static RestCall request(io.mmbot.chaos.exchange.Endpoint e, String rawQuery) {
    Map<String, String> p = params(rawQuery);
    String id = p.get("origClientOrderId");
    RestCall c;
    if (p.containsKey("side")) {
      c =
          RestCall.place(
              id,
              Side.valueOf(p.get("side")),
              Long.parseLong(p.get("price")),
              Long.parseLong(p.get("quantity")));
    } else if (id != null) {
      c = RestCall.byId(e, id);
    } else {
      c = RestCall.of(e);
    }
    if (p.containsKey("timestamp")) {
      c.signed(Long.parseLong(p.get("timestamp")), Long.parseLong(p.get("recvWindow")));
    }
    return c;
  }

  private static Map<String, String> params(String rawQuery) {
    Map<String, String> m = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return m;
    }
    for (String kv : rawQuery.split("&", 32)) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        m.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  // ---------------------------------------------------------------- answers

  /** The JSON body of the answer the rules recorded on {@code c}. */
  static String body(RestCall c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("code", c.errorCode());
    o.put("serverTime", c.serverTimeMs());
    if (c.order() != null) {
      o.set("order", order(c.order()));
    }
    if (c.httpStatus() == 200) {
      switch (c.endpoint()) {
        case OPEN_ORDERS:
          ArrayNode a = o.putArray("orders");
          for (OrderView v : c.orders()) {
            a.add(order(v));
          }
          break;
        case DEPTH_SNAPSHOT:
          o.put("bid", c.bidTicks());
          o.put("ask", c.askTicks());
          break;
        default:
          break;
      }
    }
    return o.toString();
  }

  /**
   * Records an HTTP answer on {@code c} (client side): the status, the headers and whatever the
   * body carries. A body that is not the exchange's JSON (a synthetic answer's, or garbage) leaves
   * the payload empty.
   */
  static void answer(RestCall c, int status, String retryAfter, String usedWeight, String body) {
    long ra = parseLong(retryAfter);
    int weight = (int) parseLong(usedWeight);
    JsonNode n = parse(body);
    int code = n.path("code").asInt(0);
    long serverTime = n.path("serverTime").asLong(0);
    c.answer(status, code, ra, weight, serverTime);
    if (n.has("order")) {
      c.order(order(n.get("order")));
    }
    if (n.has("orders")) {
      List<OrderView> list = new ArrayList<>();
      for (JsonNode o : n.get("orders")) {
        list.add(order(o));
      }
      c.orders(list);
    }
    if (n.has("bid")) {
      c.book(n.get("bid").asLong(), n.get("ask").asLong());
    }
  }

  // ---------------------------------------------------------------- WebSocket

  static String bookTicker(long bid, long ask, long eventMs, long seq) {
    return "{\"e\":\"bookTicker\",\"u\":"
        + seq
        + ",\"E\":"
        + eventMs
        + ",\"b\":"
        + bid
        + ",\"a\":"
        + ask
        + "}";
  }

  static String execution(OrderView fill) {
    ObjectNode o = JSON.createObjectNode();
    o.put("e", "executionReport");
    o.set("order", order(fill));
    return o.toString();
  }

  /** A parsed WebSocket message. */
  record Message(String type, long bid, long ask, long eventMs, long seq, OrderView fill) {}

  static Message message(String text) {
    JsonNode n = parse(text);
    String e = n.path("e").asText("");
    if (e.equals("executionReport")) {
      return new Message(e, 0, 0, 0, 0, order(n.get("order")));
    }
    return new Message(
        e,
        n.path("b").asLong(),
        n.path("a").asLong(),
        n.path("E").asLong(),
        n.path("u").asLong(),
        null);
  }

  // ---------------------------------------------------------------- orders

  private static ObjectNode order(OrderView v) {
    ObjectNode o = JSON.createObjectNode();
    o.put("clientOrderId", v.clientOrderId());
    o.put("side", v.side().name());
    o.put("price", v.priceTicks());
    o.put("qty", v.qty());
    o.put("status", v.status().name());
    o.put("updateTime", v.updateTimeMs());
    return o;
  }

  private static OrderView order(JsonNode o) {
    return new OrderView(
        o.get("clientOrderId").asText(),
        Side.valueOf(o.get("side").asText()),
        o.get("price").asLong(),
        o.get("qty").asLong(),
        OrderStatus.valueOf(o.get("status").asText()),
        o.get("updateTime").asLong());
  }

  private static JsonNode parse(String s) {
    try {
      return s == null || s.isEmpty() ? JSON.createObjectNode() : JSON.readTree(s);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static long parseLong(String s) {
    if (s == null) {
      return 0;
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
