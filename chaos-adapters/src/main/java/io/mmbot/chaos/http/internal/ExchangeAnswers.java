package io.mmbot.chaos.http.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every mm-chaos HTTP transport answers for a synthetic status, shaped like a large spot
 * exchange's REST API: a JSON body with a numeric error code and a message, {@code Retry-After} in
 * seconds and a used-weight header on 429 and 418, and the HTTP/1.1 reason phrase.
 *
 * <p>Not API: the module exports this package only to the OkHttp adapter and to the stand-in
 * exchange (chaos-exchange), so that the JDK and OkHttp adapters and the exchange's server-side
 * faults give byte for byte the same answers from one source.
 */
public final class ExchangeAnswers {

  /** The used-weight header sent with every synthetic 429 and 418. */
  public static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";

  /** Used weight reported with a synthetic 429 or 418, as a client at its limit would see. */
  public static final int USED_WEIGHT_WHEN_LIMITED = 1200;

  /** The media type of every synthetic body. */
  public static final String CONTENT_TYPE = "application/json;charset=UTF-8";

  private ExchangeAnswers() {}

  /**
   * The headers of a synthetic {@code status}, in their usual spelling and in the order a server
   * sends them: {@code Content-Type}, and on 429 and 418 {@code Retry-After} and the used weight.
   */
  public static Map<String, String> headers(int status, long retryAfterSeconds) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", CONTENT_TYPE);
    if (status == 429 || status == 418) {
      headers.put("Retry-After", Long.toString(retryAfterSeconds));
      headers.put(USED_WEIGHT_HEADER, Integer.toString(USED_WEIGHT_WHEN_LIMITED));
    }
    return headers;
  }

  /** The JSON body of a synthetic {@code status}. */
  public static String body(int status, long retryAfterSeconds) {
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

  /** The HTTP/1.1 reason phrase of a synthetic {@code status}, empty for any other. */
  public static String reason(int status) {
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
}
