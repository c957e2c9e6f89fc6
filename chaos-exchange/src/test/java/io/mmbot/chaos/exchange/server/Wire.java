package io.mmbot.chaos.exchange.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A JDK HTTP client that signs requests as Binance wants, for the wire tests. */
final class Wire {
  final ExchangeServer ex;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Signatures signer;

  Wire(ExchangeServer ex) {
    this.ex = ex;
    this.signer = new Signatures(ex.apiKey(), ex.apiSecret());
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return send("GET", pathAndQuery, null, Duration.ofSeconds(10));
  }

  /** A signed request: {@code query} gets a fresh timestamp and the signature. */
  HttpResponse<String> signed(String method, String path, String query)
      throws IOException, InterruptedException {
    return signed(method, path, query, Duration.ofSeconds(10));
  }

  HttpResponse<String> signed(String method, String path, String query, Duration timeout)
      throws IOException, InterruptedException {
    String q = (query.isEmpty() ? "" : query + "&") + "timestamp=" + System.currentTimeMillis();
    return send(method, path + "?" + q + "&signature=" + signer.sign(q), ex.apiKey(), timeout);
  }

  HttpResponse<String> send(String method, String pathAndQuery, String key, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(ex.restUri() + pathAndQuery))
            .timeout(timeout)
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (key != null) {
      b.header("X-MBX-APIKEY", key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
