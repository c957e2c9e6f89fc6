package io.mmbot.chaos.junit.example;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 that accepts orders as an exchange does: a client order id it has
 * already seen returns the existing order instead of creating a second one.
 */
public final class LoopbackExchange implements AutoCloseable {

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY every exchange
    // waits for the client's delayed ACK.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final Map<String, String> orders = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger nextOrderId = new AtomicInteger();

  private LoopbackExchange() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext(
        "/api/v3/order",
        exchange -> {
          try (exchange) {
            requests.incrementAndGet();
            String id = clientOrderId(exchange.getRequestURI().getRawQuery());
            String order =
                orders.computeIfAbsent(
                    id,
                    k ->
                        "{\"orderId\":"
                            + nextOrderId.incrementAndGet()
                            + ",\"clientOrderId\":\""
                            + k
                            + "\",\"status\":\"NEW\"}");
            byte[] body = order.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    server.start();
  }

  public static LoopbackExchange start() throws IOException {
    return new LoopbackExchange();
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Orders the exchange holds: one per client order id. */
  public int orders() {
    return orders.size();
  }

  /** Order requests that really reached the exchange. */
  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static String clientOrderId(String query) {
    for (String pair : query.split("&")) {
      if (pair.startsWith("newClientOrderId=")) {
        return pair.substring("newClientOrderId=".length());
      }
    }
    return "";
  }
}
