package io.mmbot.chaos.examples.exchange.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmbot.chaos.exchange.Endpoint;
import io.mmbot.chaos.exchange.OrderStatus;
import io.mmbot.chaos.exchange.OrderView;
import io.mmbot.chaos.exchange.RestCall;
import io.mmbot.chaos.exchange.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binance's Spot wire as the loopback connector speaks it: a {@link RestCall} written as a query
 * string (prices in ticks of 0.01 and quantities in lots of 0.001 written as decimals, client order
 * ids as {@code newClientOrderId} or {@code origClientOrderId}), signed with HMAC-SHA256 of that
 * query string; Binance's JSON answers ({@code {"code":…,"msg":…}} errors, order objects, {@code
 * depth}, {@code time}) read back into the call; and the combined stream's messages ({@code
 * bookTicker} and the user data stream's {@code executionReport}). Stateless but for the key.
 */
final class BinanceWire {

  /** The symbol the bot trades. */
  static final String SYMBOL = "BTCUSDT";

  /** The header that carries the API key. */
  static final String API_KEY_HEADER = "X-MBX-APIKEY";

  static final String USED_WEIGHT = "X-MBX-USED-WEIGHT-1M";
  static final String RETRY_AFTER = "Retry-After";

  /** Decimals of a price tick (0.01). */
  private static final int PRICE_SCALE = 2;

  /** Decimals of a quantity lot (0.001). */
  private static final int QTY_SCALE = 3;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretKeySpec secret;

  BinanceWire(String apiSecret) {
    this.secret = new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  // ---------------------------------------------------------------- requests

  /** The query string of {@code c} as Binance reads it, signed when the endpoint is signed. */
  String query(RestCall c) {
    StringBuilder q = new StringBuilder("symbol=").append(SYMBOL);
    Endpoint e = c.endpoint();
    if (e == Endpoint.PLACE_ORDER) {
      q.append("&side=").append(c.side().name());
      q.append("&type=LIMIT&timeInForce=GTC");
      q.append("&quantity=").append(decimal(c.qty(), QTY_SCALE));
      q.append("&price=").append(decimal(c.priceTicks(), PRICE_SCALE));
      q.append("&newClientOrderId=").append(c.clientOrderId());
      q.append("&newOrderRespType=RESULT");
    } else if (c.clientOrderId() != null) {
      q.append("&origClientOrderId=").append(c.clientOrderId());
    }
    if (e == Endpoint.DEPTH_SNAPSHOT) {
      q.append("&limit=5");
    }
    if (e.signed()) {
      q.append("&recvWindow=").append(c.recvWindowMs());
      q.append("&timestamp=").append(c.timestampMs());
      String signature = sign(q.toString());
      q.append("&signature=").append(signature);
    }
    return q.toString();
  }

  /** HMAC-SHA256 of {@code payload} with the API secret, in lower-case hex. */
  String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      byte[] h = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder(64);
      for (byte b : h) {
        sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return sb.toString();
    } catch (GeneralSecurityException ex) {
      throw new IllegalStateException("HmacSHA256 is not available", ex);
    }
  }

  /** Whether the endpoint's request carries the API key header. */
  static boolean keyed(Endpoint e) {
    return e.signed() || e == Endpoint.USER_STREAM;
  }

  static String decimal(long units, int scale) {
    return BigDecimal.valueOf(units, scale).toPlainString();
  }

  // ---------------------------------------------------------------- answers

  /** The server time a Binance answer body states, or 0 when it states none. */
  static long statedServerTime(JsonNode body) {
    if (body.has("transactTime")) {
      return body.get("transactTime").asLong();
    }
    if (body.has("serverTime")) {
      return body.get("serverTime").asLong();
    }
    return 0;
  }

  /**
   * Records an HTTP answer on {@code c}: the status, the headers, the error code of a {@code
   * {"code":…,"msg":…}} body, the server time ({@code serverTimeMs}) and, on success, the payload
   * the endpoint carries. A body that is not JSON (or not Binance's) leaves the payload empty.
   */
  static void answer(
      RestCall c, int status, String retryAfter, String usedWeight, JsonNode n, long serverTimeMs) {
    int code = status == 200 ? 0 : n.path("code").asInt(0);
    int weight = (int) parseLong(usedWeight);
    if (retryAfter != null && retryAfter.indexOf('.') >= 0) {
      c.answerMs(status, code, decimalSecondsToMs(retryAfter), weight, serverTimeMs);
    } else {
      c.answer(status, code, parseLong(retryAfter), weight, serverTimeMs);
    }
    if (status != 200) {
      return;
    }
    switch (c.endpoint()) {
      case PLACE_ORDER:
      case CANCEL_ORDER:
      case QUERY_ORDER:
        if (n.isObject() && n.has("status")) {
          c.order(order(n));
        }
        break;
      case OPEN_ORDERS:
      case CANCEL_ALL:
        if (n.isArray()) {
          List<OrderView> list = new ArrayList<>(n.size());
          for (JsonNode o : n) {
            list.add(order(o));
          }
          c.orders(list);
        }
        break;
      case DEPTH_SNAPSHOT:
        JsonNode bid = n.path("bids").path(0).path(0);
        JsonNode ask = n.path("asks").path(0).path(0);
        if (bid.isTextual() && ask.isTextual()) {
          c.book(units(bid.asText(), PRICE_SCALE), units(ask.asText(), PRICE_SCALE));
        }
        break;
      default:
        break;
    }
  }

  /** An order as Binance writes it ({@code GET/POST/DELETE order}, {@code openOrders}). */
  static OrderView order(JsonNode o) {
    // A cancel's answer names the cancelled order by origClientOrderId (clientOrderId is the
    // cancel request's own id).
    String id = o.has("origClientOrderId") ? o.get("origClientOrderId").asText() : null;
    if (id == null) {
      id = o.path("clientOrderId").asText();
    }
    long at = o.has("updateTime") ? o.get("updateTime").asLong() : o.path("transactTime").asLong();
    return new OrderView(
        id,
        Side.valueOf(o.path("side").asText()),
        units(o.path("price").asText(), PRICE_SCALE),
        units(o.path("origQty").asText(), QTY_SCALE),
        OrderStatus.valueOf(o.path("status").asText()),
        at);
  }

  static long units(String decimal, int scale) {
    return new BigDecimal(decimal).movePointRight(scale).longValue();
  }

  // ---------------------------------------------------------------- streams

  /** The combined-stream path for the book ticker and the user data stream of {@code listenKey}. */
  static String streamPath(String listenKey) {
    return "/stream?streams="
        + SYMBOL.toLowerCase(java.util.Locale.ROOT)
        + "@bookTicker/"
        + listenKey;
  }

  /**
   * A parsed stream message: a book ticker (bid and ask in ticks, its update id), a fill from an
   * {@code executionReport} with {@code x} = {@code TRADE}, or nothing the bot uses.
   */
  record Message(Kind kind, long bid, long ask, long seq, OrderView fill) {
    enum Kind {
      BOOK_TICKER,
      FILL,
      OTHER
    }
  }

  static Message message(String text) {
    JsonNode root = parse(text);
    JsonNode d = root.has("data") ? root.get("data") : root;
    String e = d.path("e").asText("");
    if (e.equals("executionReport")) {
      if (!"TRADE".equals(d.path("x").asText())) {
        return new Message(Message.Kind.OTHER, 0, 0, 0, null);
      }
      OrderView fill =
          new OrderView(
              d.path("c").asText(),
              Side.valueOf(d.path("S").asText()),
              units(d.path("p").asText(), PRICE_SCALE),
              units(d.path("q").asText(), QTY_SCALE),
              OrderStatus.valueOf(d.path("X").asText()),
              d.path("T").asLong());
      return new Message(Message.Kind.FILL, 0, 0, 0, fill);
    }
    if (e.isEmpty() && d.has("u") && d.has("b") && d.has("a")) {
      return new Message(
          Message.Kind.BOOK_TICKER,
          units(d.get("b").asText(), PRICE_SCALE),
          units(d.get("a").asText(), PRICE_SCALE),
          d.get("u").asLong(),
          null);
    }
    return new Message(Message.Kind.OTHER, 0, 0, 0, null);
  }

  static JsonNode parse(String s) {
    try {
      JsonNode n = s == null || s.isEmpty() ? null : JSON.readTree(s);
      return n == null ? JSON.createObjectNode() : n;
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  /**
   * A decimal {@code Retry-After} ({@code 1.350}, as some exchanges write a fractional wait; HTTP's
   * own form is whole seconds) in milliseconds, digits finer than a millisecond rounded up so the
   * wait is never shorter than told; 0 when it is not a plain non-negative decimal.
   */
  private static long decimalSecondsToMs(String s) {
    String t = s.trim();
    if (!t.matches("[0-9]{1,12}\\.[0-9]{1,9}")) {
      return 0;
    }
    return new BigDecimal(t)
        .movePointRight(3)
        .setScale(0, java.math.RoundingMode.CEILING)
        .longValue();
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
