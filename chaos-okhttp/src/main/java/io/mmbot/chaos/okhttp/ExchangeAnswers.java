package io.mmbot.chaos.okhttp;

import io.mmbot.chaos.http.FaultPlan;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The synthetic answers and failures of the OkHttp adapter, shaped like a large spot exchange's
 * REST API and the same as those of the JDK adapter ({@code io.mmbot.chaos.http.ChaosHttpClient}):
 * the same headers and values, byte for byte the same JSON body with a numeric error code and a
 * message, {@code Retry-After} in seconds and a used-weight header on 429 and 418.
 *
 * <p>Design: the JDK adapter keeps these facts in a package-private class of its own; they are
 * repeated here rather than shared, so that neither module's internals become API, and {@code
 * CrossAdapterTest} holds the two copies to the same answers, status, headers and body.
 */
final class ExchangeAnswers {

  /** The used-weight header sent with every synthetic 429 and 418. */
  static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";

  /** Used weight reported with a synthetic 429 or 418, as a client at its limit would see. */
  static final int USED_WEIGHT_WHEN_LIMITED = 1200;

  private static final MediaType JSON = MediaType.get("application/json;charset=UTF-8");

  private ExchangeAnswers() {}

  /**
   * The synthetic response {@code plan} calls for, answering {@code request} over {@code protocol};
   * the times are those of the exchange it stands for (now, for an answer made up before sending).
   */
  static Response response(
      Request request,
      FaultPlan plan,
      Protocol protocol,
      long sentAtMillis,
      long receivedAtMillis) {
    int status = plan.status();
    Response.Builder b =
        new Response.Builder()
            .request(request)
            .protocol(protocol)
            .code(status)
            .message(
                protocol == Protocol.HTTP_1_1 || protocol == Protocol.HTTP_1_0
                    ? reason(status)
                    : "")
            .header("Content-Type", JSON.toString())
            .sentRequestAtMillis(sentAtMillis)
            .receivedResponseAtMillis(receivedAtMillis)
            .body(ResponseBody.create(body(status, plan.retryAfterSeconds()), JSON));
    if (status == 429 || status == 418) {
      b.header("Retry-After", Long.toString(plan.retryAfterSeconds()))
          .header(USED_WEIGHT_HEADER, Integer.toString(USED_WEIGHT_WHEN_LIMITED));
    }
    return b.build();
  }

  /** NET_LOSS before sending: the connection failed, as OkHttp reports a refused connect. */
  static ConnectException lostBeforeSending(Request request) {
    return new ConnectException(
        "Failed to connect to "
            + request.url().host()
            + ':'
            + request.url().port()
            + " (net_loss: connection lost before the request was sent)");
  }

  /** NET_LOSS after sending: no response came, as OkHttp reports a read timeout. */
  static SocketTimeoutException lostAfterSending() {
    return new SocketTimeoutException(
        "timeout (net_loss: response lost after the request was sent)");
  }

  /** The HTTP/1.1 reason phrase of a synthetic status. */
  static String reason(int status) {
    switch (status) {
      case 429:
        return "Too Many Requests";
      case 418:
        return "I'm a teapot";
      case 500:
        return "Internal Server Error";
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Unavailable";
      case 504:
        return "Gateway Timeout";
      default:
        return "";
    }
  }

  /** The JSON body of a synthetic status, the same text as the JDK adapter's. */
  static String body(int status, long retryAfterSeconds) {
    switch (status) {
      case 429:
        return "{\"code\":-1003,\"msg\":\"Request rate limit exceeded; retry after "
            + retryAfterSeconds
            + " s.\"}";
      case 418:
        return "{\"code\":-1003,\"msg\":\"IP banned for ignoring rate limits; retry after "
            + retryAfterSeconds
            + " s.\"}";
      case 503:
        return "{\"code\":-1001,\"msg\":\"Service unavailable; execution status unknown.\"}";
      case 504:
        return "{\"code\":-1007,\"msg\":\"Timeout waiting for the matching engine; execution"
            + " status unknown.\"}";
      default:
        return "{\"code\":-1000,\"msg\":\"Internal error; execution status unknown.\"}";
    }
  }
}
