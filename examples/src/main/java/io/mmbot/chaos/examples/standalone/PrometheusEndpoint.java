package io.mmbot.chaos.examples.standalone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmbot.chaos.metrics.ChaosMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A registry served as Prometheus text (format 0.0.4) at {@code http://127.0.0.1:PORT/metrics} by
 * the JDK's HTTP server on one daemon thread; other paths are 404, other methods 405.
 */
final class PrometheusEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final PrometheusMeterRegistry registry;

  private PrometheusEndpoint(HttpServer server, PrometheusMeterRegistry registry) {
    this.server = server;
    this.registry = registry;
  }

  static PrometheusEndpoint start(int port, PrometheusMeterRegistry registry) throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    PrometheusEndpoint p = new PrometheusEndpoint(http, registry);
    http.createContext("/", p::handle);
    http.setExecutor(null);
    http.start();
    return p;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (!ex.getRequestURI().getPath().equals("/metrics")) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      if (!ex.getRequestMethod().equals("GET")) {
        ex.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = registry.scrape(ChaosMetrics.TEXT_FORMAT_004).getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", ChaosMetrics.TEXT_FORMAT_004);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
