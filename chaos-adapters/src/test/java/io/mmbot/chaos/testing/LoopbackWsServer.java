package io.mmbot.chaos.testing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A real WebSocket server on 127.0.0.1 and a free port. A client that sends {@code "send N"} gets N
 * text messages {@code "m-0" … "m-(N-1)"} in order; the server records the close code of every
 * connection that ends.
 */
public final class LoopbackWsServer implements AutoCloseable {

  private final Server server = new Server();
  private final CountDownLatch started = new CountDownLatch(1);
  private final AtomicInteger opened = new AtomicInteger();
  private final BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();

  public LoopbackWsServer() throws InterruptedException {
    server.setReuseAddr(true);
    server.start();
    if (!started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("WebSocket server did not start");
    }
  }

  public URI uri() {
    return URI.create("ws://127.0.0.1:" + server.getPort() + "/stream");
  }

  public int opened() {
    return opened.get();
  }

  /** The close code of the next connection to end, or null after the timeout. */
  public Integer nextCloseCode(long timeoutMs) throws InterruptedException {
    return closeCodes.poll(timeoutMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    try {
      server.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Server extends WebSocketServer {
    Server() {
      super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      opened.incrementAndGet();
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
      closeCodes.add(code);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      if (message.startsWith("send ")) {
        int n = Integer.parseInt(message.substring(5));
        for (int i = 0; i < n; i++) {
          conn.send("m-" + i);
        }
      }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }
  }
}
