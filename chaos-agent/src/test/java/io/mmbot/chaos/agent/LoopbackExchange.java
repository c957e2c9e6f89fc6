package io.mmbot.chaos.agent;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A stand-in exchange on 127.0.0.1: REST answers a Binance-shaped order book to any path (or a
 * chosen status), counting requests; WebSocket connections get a trade message every 20 ms.
 */
final class LoopbackExchange implements AutoCloseable {

  static final String ORDER_BOOK =
      "{\"lastUpdateId\":1027024,\"bids\":[[\"29999.00\",\"1.5\"]],\"asks\":[[\"30001.00\",\"2.5\"]]}";

  private final HttpServer rest;
  private final WebSocketServer ws;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger wsConnections = new AtomicInteger();
  private final AtomicInteger wsMessagesSent = new AtomicInteger();
  private final CountDownLatch bound = new CountDownLatch(1);
  private final java.util.List<Integer> wsCloseCodes =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile int status = 200;

  LoopbackExchange() throws Exception {
    rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    rest.createContext(
        "/",
        exchange -> {
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            int st = status;
            byte[] body =
                (st == 200 ? ORDER_BOOK : "{\"code\":-1000,\"msg\":\"stand-in error\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(st, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    rest.setExecutor(Executors.newFixedThreadPool(4));
    rest.start();
    ws =
        new WebSocketServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)) {
          @Override
          public void onOpen(WebSocket conn, ClientHandshake handshake) {
            wsConnections.incrementAndGet();
          }

          @Override
          public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            wsCloseCodes.add(code);
          }

          @Override
          public void onMessage(WebSocket conn, String message) {}

          @Override
          public void onError(WebSocket conn, Exception ex) {}

          @Override
          public void onStart() {
            bound.countDown();
          }
        };
    ws.setReuseAddr(true);
    ws.start();
    AtomicInteger seq = new AtomicInteger();
    ticker.scheduleAtFixedRate(
        () -> {
          try {
            if (!ws.getConnections().isEmpty()) {
              ws.broadcast(
                  "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":" + seq.incrementAndGet() + "}");
              wsMessagesSent.incrementAndGet();
            }
          } catch (RuntimeException e) {
            // no connection yet
          }
        },
        20,
        20,
        TimeUnit.MILLISECONDS);
  }

  String restUrl() {
    return "http://127.0.0.1:" + rest.getAddress().getPort();
  }

  /**
   * The WebSocket base URL; it waits until the server is bound. The server's {@code getPort()} is 0
   * before its channel exists and -1 after it exists but before it is bound, so only the server's
   * own signal that it listens ({@code onStart}) is waited on.
   */
  String wsUrl() throws InterruptedException {
    if (!bound.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the WebSocket server did not bind within 10 s");
    }
    return "ws://127.0.0.1:" + ws.getPort();
  }

  int requests() {
    return requests.get();
  }

  int wsConnections() {
    return wsConnections.get();
  }

  /** Trade messages broadcast while at least one WebSocket connection was open. */
  int wsMessagesSent() {
    return wsMessagesSent.get();
  }

  /** The close code the server saw for each ended WebSocket connection (1006: no close frame). */
  java.util.List<Integer> wsCloseCodes() {
    return java.util.List.copyOf(wsCloseCodes);
  }

  void answerStatus(int status) {
    this.status = status;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    rest.stop(0);
    ((java.util.concurrent.ExecutorService) rest.getExecutor()).shutdownNow();
    try {
      ws.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
