package io.mmbot.chaos.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mmbot.chaos.metrics.ChaosMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * Serves the chaos metrics in the Prometheus text format 0.0.4 at {@code GET /metrics} on
 * 127.0.0.1, on one daemon thread. Anything else is answered 404.
 */
final class MetricsEndpoint {

  private final HttpServer server;

  private MetricsEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Starts serving {@code metrics} on 127.0.0.1:{@code port} (0: any free port). */
  static MetricsEndpoint start(ChaosMetrics metrics, int port) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
      server.createContext("/", exchange -> answer(exchange, metrics));
      server.setExecutor(
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "mm-chaos-agent-metrics");
                t.setDaemon(true);
                return t;
              }));
      server.start();
      return new MetricsEndpoint(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on 127.0.0.1:" + port, e);
    }
  }

  private static void answer(HttpExchange exchange, ChaosMetrics metrics) throws IOException {
    try (exchange) {
      boolean ok =
          "GET".equals(exchange.getRequestMethod())
              && "/metrics".equals(exchange.getRequestURI().getPath());
      byte[] body =
          (ok ? metrics.exportToPrometheus() : "not found\n").getBytes(StandardCharsets.UTF_8);
      exchange
          .getResponseHeaders()
          .set("Content-Type", ok ? ChaosMetrics.TEXT_FORMAT_004 : "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(ok ? 200 : 404, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The port it listens on. */
  int port() {
    return server.getAddress().getPort();
  }
}
