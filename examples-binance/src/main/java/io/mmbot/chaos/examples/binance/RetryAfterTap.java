package io.mmbot.chaos.examples.binance;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Reads {@code Retry-After} off every 429 and 418 the connector receives and closes the {@link
 * RateLimitGate} for it. binance-connector-java turns such an answer into a {@code
 * BinanceClientException} that keeps the status and the error code but drops the headers, so a bot
 * that wants to honour {@code Retry-After} has to look at the answer before the connector does.
 * Installed as the outermost interceptor of the connector's client, so it also sees the answers an
 * mm-chaos interceptor makes up. Never fails the call.
 */
final class RetryAfterTap implements Interceptor {

  private final RateLimitGate gate;

  RetryAfterTap(RateLimitGate gate) {
    this.gate = gate;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    int code = response.code();
    if (code == 429 || code == 418) {
      Long seconds = seconds(response.header("Retry-After"));
      if (seconds != null) {
        gate.retryAfter(seconds);
      }
    }
    return response;
  }

  /** The seconds of a {@code Retry-After} value, or null when it is absent or not a number. */
  static Long seconds(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Math.max(0, Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
