package io.mmbot.chaos.examples.binance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mmbot.chaos.metrics.ChaosMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves Prometheus text at {@code GET http://127.0.0.1:PORT/metrics} with the JDK's HTTP server on
 * one daemon thread. Other paths answer 404, other methods 405.
 */
final class MetricsHttpEndpoint implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;

  private MetricsHttpEndpoint(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving {@code text} on 127.0.0.1:{@code port} (0: any free port). */
  static MetricsHttpEndpoint start(int port, Supplier<String> text) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "mm-binance-bot-metrics");
              t.setDaemon(true);
              return t;
            });
    server.createContext("/", exchange -> answer(exchange, text));
    server.setExecutor(executor);
    server.start();
    return new MetricsHttpEndpoint(server, executor);
  }

  private static void answer(HttpExchange exchange, Supplier<String> text) throws IOException {
    try (exchange) {
      if (!"/metrics".equals(exchange.getRequestURI().getPath())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = text.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", ChaosMetrics.TEXT_FORMAT_004);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The bound port. */
  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
