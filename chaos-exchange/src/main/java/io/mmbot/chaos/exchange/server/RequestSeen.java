package io.mmbot.chaos.exchange.server;

import io.mmbot.chaos.exchange.Endpoint;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the REST server noted about one request while serving it, for its {@link ExchangeObserver}:
 * the answer it wrote (if any) and how the request ended. Only servers with an observer make one.
 */
final class RequestSeen {
  private static final Pattern CLIENT_ID =
      Pattern.compile("\"clientOrderId\"\\s*:\\s*\"([^\"]*)\"");

  private int status;
  private String body;
  private long retryAfterSec;
  private RestObservation.Ending ending;

  void answer(int status, String body, long retryAfterSec) {
    this.status = status;
    this.body = body;
    this.retryAfterSec = retryAfterSec;
  }

  static void end(RequestSeen seen, RestObservation.Ending how) {
    if (seen != null) {
      seen.ending = how;
    }
  }

  /** The observation of request {@code r}; never throws. */
  RestObservation observation(
      HttpRequest r, long arrived, long ended, LongFunction<String> orderIds) {
    RestObservation.Ending how = ending == null ? RestObservation.Ending.BROKEN : ending;
    boolean answered = how == RestObservation.Ending.ANSWERED;
    Endpoint ep = BinanceRest.route(r.method, r.path);
    String cid = null;
    char side = 0;
    long ticks = 0;
    if (ep == Endpoint.PLACE_ORDER || ep == Endpoint.CANCEL_ORDER || ep == Endpoint.QUERY_ORDER) {
      try {
        Params p = Params.parse(r.query, r.body);
        if (ep == Endpoint.PLACE_ORDER) {
          cid = p.get("newClientOrderId");
          String sd = p.get("side");
          side = "BUY".equals(sd) ? 'B' : "SELL".equals(sd) ? 'S' : 0;
          String price = p.get("price");
          if (price != null) {
            ticks = Amounts.parse("price", price, Amounts.PRICE_SCALE, "PRICE_FILTER");
          }
          if (cid == null && answered && body != null) {
            Matcher m = CLIENT_ID.matcher(body);
            cid = m.find() ? m.group(1) : null;
          }
        } else {
          cid = p.get("origClientOrderId");
          String orderId = p.get("orderId");
          if (cid == null && orderId != null && orderIds != null) {
            cid = orderIds.apply(Long.parseLong(orderId.strip()));
          }
        }
      } catch (ApiError | RuntimeException e) {
        // a malformed request still counts, without its order fields
      }
    }
    return new RestObservation(
        arrived,
        ended,
        ep == null ? "UNKNOWN" : ep.name(),
        how,
        answered || how == RestObservation.Ending.BROKEN ? status : 0,
        answered && body != null && status != 200 ? Observing.code(body) : 0,
        answered ? retryAfterSec : 0,
        cid,
        side,
        ticks);
  }
}
