package io.mmbot.chaos.okhttp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/** {@link LoopbackServer} on mockwebserver 4.12 (package {@code okhttp3.mockwebserver}). */
final class MockServers {
  private MockServers() {}

  static LoopbackServer start() {
    return new Server();
  }

  private static final class Server extends Dispatcher implements LoopbackServer {
    private final MockWebServer server = new MockWebServer();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Supplier<MockResponse>> next =
        new ConcurrentLinkedQueue<>();

    Server() {
      server.setDispatcher(this);
      server.setServerSocketFactory(new NoDelayServerSockets());
      try {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      paths.add(request.getPath());
      Supplier<MockResponse> special = next.poll();
      return special != null ? special.get() : ok();
    }

    private static MockResponse ok() {
      return new MockResponse()
          .setResponseCode(200)
          .setHeader("Content-Type", "application/json")
          .setBody(BODY);
    }

    @Override
    public int port() {
      return server.getPort();
    }

    @Override
    public int requestCount() {
      return server.getRequestCount();
    }

    @Override
    public List<String> paths() {
      return List.copyOf(paths);
    }

    @Override
    public void dropConnectionAfterNextRequest() {
      next.add(() -> ok().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    }

    @Override
    public void redirectNext(String location) {
      next.add(() -> new MockResponse().setResponseCode(302).setHeader("Location", location));
    }

    @Override
    public void nextWithHeader(String headerName, String headerValue) {
      next.add(() -> ok().setHeader(headerName, headerValue));
    }

    @Override
    public void acceptWebSocket(WebSocketListener serverListener) {
      next.add(() -> new MockResponse().withWebSocketUpgrade(serverListener));
    }

    @Override
    public void close() {
      try {
        server.shutdown();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
