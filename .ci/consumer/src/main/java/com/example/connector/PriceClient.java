package com.example.connector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A user's connector: reads a ticker price, retrying server errors a few times. It runs over the
 * JDK client or over OkHttp, as connectors do.
 */
public final class PriceClient {

  /** How the connector waits between attempts. */
  public interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  /** One GET: the status and the body text. */
  interface Transport {
    Reply get(URI uri) throws IOException, InterruptedException;
  }

  record Reply(int status, String body) {}

  private final Transport transport;
  private final URI base;
  private final Pause pause;
  private int attempts;

  private PriceClient(Transport transport, URI base, Pause pause) {
    this.transport = transport;
    this.base = base;
    this.pause = pause;
  }

  /** A connector over the JDK {@code HttpClient}. */
  public static PriceClient overJdk(HttpClient http, URI base, Pause pause) {
    return new PriceClient(
        uri -> {
          HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
          HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
          return new Reply(r.statusCode(), r.body());
        },
        base,
        pause);
  }

  /** A connector over an {@code OkHttpClient}. */
  public static PriceClient overOkHttp(OkHttpClient http, URI base, Pause pause) {
    return new PriceClient(
        uri -> {
          Request request = new Request.Builder().url(uri.toString()).build();
          try (Response r = http.newCall(request).execute()) {
            ResponseBody body = r.body();
            return new Reply(r.code(), body == null ? "" : body.string());
          }
        },
        base,
        pause);
  }

  public String price(String symbol) throws IOException, InterruptedException {
    URI uri = base.resolve("/api/v3/ticker/price?symbol=" + symbol);
    for (int attempt = 1; ; attempt++) {
      attempts++;
      Reply r = transport.get(uri);
      if (r.status() == 200) {
        return r.body();
      }
      if (r.status() < 500 || attempt == 6) {
        throw new IOException("HTTP " + r.status() + ": " + r.body());
      }
      pause.pause(Duration.ofMillis(100L << attempt));
    }
  }

  /** Requests sent so far, retries included. */
  public int attempts() {
    return attempts;
  }
}
