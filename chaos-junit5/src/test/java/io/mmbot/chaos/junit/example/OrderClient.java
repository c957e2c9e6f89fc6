package io.mmbot.chaos.junit.example;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small exchange connector: places limit orders over REST and retries what is worth retrying: a
 * 429 after its {@code Retry-After} (up to 20 times per order, since rate limits come in waves), a
 * 5xx with exponential backoff (up to 8 times). The client order id stays the same across the
 * attempts of one order, so an attempt whose answer was replaced after the exchange executed it is
 * not placed a second time.
 */
public final class OrderClient {

  /** Waits between attempts: a real connector sleeps, a test advances its virtual clock. */
  public interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  private static final int MAX_SERVER_ERRORS = 8;
  private static final int MAX_RATE_LIMITS = 20;
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

  private final HttpClient http;
  private final URI base;
  private final Pause pause;
  private final AtomicLong ids = new AtomicLong();
  private final AtomicInteger retries = new AtomicInteger();

  public OrderClient(HttpClient http, URI base, Pause pause) {
    this.http = http;
    this.base = base;
    this.pause = pause;
  }

  /** Places one order and returns the exchange's answer, or fails when its retries run out. */
  public String placeLimitOrder(String symbol, String side, String qty, String price)
      throws IOException, InterruptedException {
    String clientOrderId = "mm-" + ids.incrementAndGet();
    URI uri =
        base.resolve(
            "/api/v3/order?symbol="
                + symbol
                + "&side="
                + side
                + "&type=LIMIT&quantity="
                + qty
                + "&price="
                + price
                + "&newClientOrderId="
                + clientOrderId);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    Duration backoff = FIRST_BACKOFF;
    int serverErrors = 0;
    int rateLimits = 0;
    while (true) {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status == 200) {
        return response.body();
      }
      Duration wait;
      if (status == 429 && ++rateLimits < MAX_RATE_LIMITS) {
        wait = Duration.ofSeconds(response.headers().firstValueAsLong("Retry-After").orElse(1));
      } else if (status >= 500 && ++serverErrors < MAX_SERVER_ERRORS) {
        wait = backoff;
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      } else {
        throw new IOException(
            "order " + clientOrderId + " failed: HTTP " + status + " " + response.body());
      }
      retries.incrementAndGet();
      pause.pause(wait);
    }
  }

  /** Attempts repeated so far, over all orders. */
  public int retries() {
    return retries.get();
  }
}
