package io.mmbot.chaos.http;

import java.util.List;
import java.util.Map;

/**
 * Headers and bodies of the synthetic answers, shaped like a large spot exchange's REST API: JSON
 * bodies with a numeric error code and a message, {@code Retry-After} in seconds on 429 and 418,
 * and a used-weight header as rate-limited exchanges report it.
 */
final class ExchangeResponses {

  /** The used-weight header sent with every synthetic answer. */
  static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";

  private ExchangeResponses() {}

  static Map<String, List<String>> headers(int status, long retryAfterSeconds, int usedWeight) {
    if (status == 429 || status == 418) {
      return Map.of(
          "content-type",
          List.of("application/json;charset=UTF-8"),
          "retry-after",
          List.of(Long.toString(retryAfterSeconds)),
          USED_WEIGHT_HEADER.toLowerCase(java.util.Locale.ROOT),
          List.of(Integer.toString(usedWeight)));
    }
    return Map.of("content-type", List.of("application/json;charset=UTF-8"));
  }

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
