package io.mmbot.chaos.metrics;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback {@code /metrics} endpoint on the JDK HTTP server, as a bot would serve its registry:
 * the exposition format follows the scraper's {@code Accept} header (protobuf for a Prometheus with
 * native histograms, OpenMetrics or text 0.0.4 otherwise).
 */
final class MetricsEndpoint implements AutoCloseable {

  private final HttpServer server;

  /** Content types served so far, to show which format each Prometheus asked for. */
  final Set<String> servedContentTypes = ConcurrentHashMap.newKeySet();

  MetricsEndpoint(PrometheusMeterRegistry registry) throws IOException {
    ExpositionFormats formats = ExpositionFormats.init();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext(
        "/metrics",
        exchange -> {
          try (exchange) {
            ExpositionFormatWriter writer =
                formats.findWriter(exchange.getRequestHeaders().getFirst("Accept"));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            writer.write(body, registry.getPrometheusRegistry().scrape());
            servedContentTypes.add(writer.getContentType());
            exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
            exchange.sendResponseHeaders(200, body.size());
            try (OutputStream out = exchange.getResponseBody()) {
              body.writeTo(out);
            }
          }
        });
    server.start();
  }

  /** host:port of the endpoint. */
  String target() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
