package io.mmbot.chaos.examples.suite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmbot.chaos.metrics.ChaosMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A bot's Prometheus registry on {@code http://HOST:PORT/metrics} (text format 0.0.4, as a
 * Prometheus scrape expects), served by the JDK's HTTP server on one daemon thread: the suite's
 * {@code --serve-metrics}, and the metrics endpoint of the example bot run as a process of its own.
 * Any other path is 404, any method but GET 405.
 */
public final class MetricsServer implements AutoCloseable {

  private final HttpServer server;
  private final PrometheusMeterRegistry registry;

  private MetricsServer(HttpServer server, PrometheusMeterRegistry registry) {
    this.server = server;
    this.registry = registry;
  }

  /** Binds {@code address} and starts serving a registry of its own. */
  static MetricsServer start(InetSocketAddress address) throws IOException {
    return start(address, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** Binds {@code address} and starts serving {@code registry}. */
  public static MetricsServer start(InetSocketAddress address, PrometheusMeterRegistry registry)
      throws IOException {
    if (address.isUnresolved()) {
      throw new IOException("unknown host " + address.getHostString());
    }
    HttpServer http = HttpServer.create(address, 16);
    MetricsServer m = new MetricsServer(http, registry);
    http.createContext("/", m::handle);
    http.setExecutor(null);
    http.start();
    return m;
  }

  PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The scrape URL. */
  String url() {
    InetSocketAddress a = server.getAddress();
    return "http://" + a.getHostString() + ":" + a.getPort() + "/metrics";
  }

  /** The bound port. */
  int port() {
    return server.getAddress().getPort();
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

  /** Stops serving at once. */
  @Override
  public void close() {
    server.stop(0);
  }
}
