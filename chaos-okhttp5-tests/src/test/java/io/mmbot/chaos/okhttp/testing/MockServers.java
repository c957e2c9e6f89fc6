package io.mmbot.chaos.okhttp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.WebSocketListener;

/** {@link LoopbackServer} on mockwebserver3 5.x, for chaos-okhttp's tests on OkHttp 5. */
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
      paths.add(request.getTarget());
      Supplier<MockResponse> special = next.poll();
      return special != null ? special.get() : ok().build();
    }

    private static MockResponse.Builder ok() {
      return new MockResponse.Builder()
          .code(200)
          .setHeader("Content-Type", "application/json")
          .body(BODY);
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
      next.add(() -> ok().onResponseStart(new SocketEffect.CloseSocket()).build());
    }

    @Override
    public void redirectNext(String location) {
      next.add(() -> new MockResponse.Builder().code(302).setHeader("Location", location).build());
    }

    @Override
    public void nextWithHeader(String headerName, String headerValue) {
      next.add(() -> ok().setHeader(headerName, headerValue).build());
    }

    @Override
    public void acceptWebSocket(WebSocketListener serverListener) {
      next.add(() -> new MockResponse.Builder().webSocketUpgrade(serverListener).build());
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
