package com.example.connector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A user's connector: reads a ticker price, retrying server errors a few times. */
public final class PriceClient {

  /** How the connector waits between attempts. */
  public interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  private final HttpClient http;
  private final URI base;
  private final Pause pause;
  private int attempts;

  public PriceClient(HttpClient http, URI base, Pause pause) {
    this.http = http;
    this.base = base;
    this.pause = pause;
  }

  public String price(String symbol) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/v3/ticker/price?symbol=" + symbol))
            .timeout(Duration.ofSeconds(5))
            .build();
    for (int attempt = 1; ; attempt++) {
      attempts++;
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        return r.body();
      }
      if (r.statusCode() < 500 || attempt == 6) {
        throw new IOException("HTTP " + r.statusCode() + ": " + r.body());
      }
      pause.pause(Duration.ofMillis(100L << attempt));
    }
  }

  /** Requests sent so far, retries included. */
  public int attempts() {
    return attempts;
  }
}
