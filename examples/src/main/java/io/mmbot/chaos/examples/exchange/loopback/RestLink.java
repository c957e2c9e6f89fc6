package io.mmbot.chaos.examples.exchange.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmbot.chaos.exchange.RestCall;
import io.mmbot.chaos.http.ChaosHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;

/**
 * The loopback connector's REST side: sends a {@link RestCall} as a Binance request through {@link
 * ChaosHttpClient} (the faults strike there) over the emulated distance ({@link DistantHttpClient},
 * below the adapters), and records the answer or failure on the call. {@link #send} may be called
 * from the bot's thread only; {@link #complete} runs there too, so the server-clock estimate needs
 * no lock.
 */
final class RestLink {

  private static final long MS = 1_000_000L;

  private final ExchangeAccess server;
  private final ChaosHttpClient http;
  private final BinanceWire wire;
  private final Distance distance;
  private final LongSupplier time;

  RestLink(ExchangeAccess server, ChaosHttpClient http, Distance distance, LongSupplier time) {
    this.server = server;
    this.http = http;
    this.wire = new BinanceWire(server.apiSecret());
    this.distance = distance;
    this.time = time;
  }

  /**
   * A REST answer or failure as it arrived, with the machine's wall clock when the request was
   * handed to the adapters and when its answer arrived.
   */
  record Arrival(
      HttpResponse<String> response, Throwable error, long sentWallMs, long arrivalWallMs) {
    /** The middle of the round trip: where the exchange executed the request. */
    long midpointWallMs() {
      return sentWallMs + (arrivalWallMs - sentWallMs) / 2;
    }
  }

  /**
   * Sends {@code c} (through the adapters and the emulated distance below them) and completes with
   * its answer or failure; cancelling the result cancels the request.
   */
  CompletableFuture<Arrival> send(RestCall c, long giveUpAtNanos) {
    long timeout = Math.max(MS, giveUpAtNanos - time.getAsLong());
    long sentWallMs = System.currentTimeMillis();
    CompletableFuture<HttpResponse<String>> f =
        http.sendAsync(
            request(c, wire.query(c), Duration.ofNanos(timeout)),
            HttpResponse.BodyHandlers.ofString());
    CompletableFuture<Arrival> out = new CompletableFuture<>();
    f.whenComplete(
        (resp, err) ->
            out.complete(new Arrival(resp, err, sentWallMs, System.currentTimeMillis())));
    out.whenComplete(
        (a, err) -> {
          if (out.isCancelled()) {
            f.cancel(true);
          }
        });
    return out;
  }

  private HttpRequest request(RestCall c, String query, Duration timeout) {
    URI uri =
        URI.create(
            "http://"
                + c.address().getHostAddress()
                + ":"
                + server.restUri().getPort()
                + c.endpoint().path()
                + "?"
                + query);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .method(c.endpoint().method(), HttpRequest.BodyPublishers.noBody());
    if (BinanceWire.keyed(c.endpoint())) {
      b.header(BinanceWire.API_KEY_HEADER, server.apiKey());
    }
    return b.build();
  }

  /** Records an arrival on the call (the bot's thread). */
  void complete(RestCall c, Arrival a) {
    if (a.error() != null) {
      Throwable err = a.error();
      Throwable cause =
          err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
      c.fail(
          cause instanceof HttpTimeoutException || CutAnswer.isCut(cause)
              ? RestCall.Failure.TIMEOUT
              : RestCall.Failure.CONNECTION);
      return;
    }
    HttpResponse<String> resp = a.response();
    JsonNode body = BinanceWire.parse(resp.body());
    String usedWeight = resp.headers().firstValue(BinanceWire.USED_WEIGHT).orElse(null);
    long serverMs = 0;
    if (resp.statusCode() == 200) {
      long stated = BinanceWire.statedServerTime(body);
      serverMs = stated > 0 ? stated : a.midpointWallMs();
    }
    BinanceWire.answer(
        c,
        resp.statusCode(),
        resp.headers().firstValue(BinanceWire.RETRY_AFTER).orElse(null),
        usedWeight,
        body,
        serverMs);
  }

  /** Takes a listen key ({@code POST /api/v3/userDataStream}) for the user data stream. */
  static String openListenKey(HttpClient jdk, ExchangeAccess server) {
    HttpRequest req =
        HttpRequest.newBuilder(server.restUri().resolve("/api/v3/userDataStream"))
            .timeout(Duration.ofSeconds(5))
            .header(BinanceWire.API_KEY_HEADER, server.apiKey())
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      HttpResponse<String> resp = jdk.send(req, HttpResponse.BodyHandlers.ofString());
      String key = BinanceWire.parse(resp.body()).path("listenKey").asText("");
      if (resp.statusCode() != 200 || key.isEmpty()) {
        throw new IllegalStateException(
            "the exchange gave no listen key: " + resp.statusCode() + " " + resp.body());
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the exchange at " + server.restUri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while taking a listen key", e);
    }
  }
}
