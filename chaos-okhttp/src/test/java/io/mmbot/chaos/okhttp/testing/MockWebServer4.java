package io.mmbot.chaos.okhttp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/** {@link MockServers}' script on mockwebserver 4.12 (package {@code okhttp3.mockwebserver}). */
final class MockWebServer4 extends MockServers.Scripted<MockResponse> {
  private final MockWebServer server = new MockWebServer();

  MockWebServer4(boolean h2PriorKnowledge) {
    if (h2PriorKnowledge) {
      server.setProtocols(java.util.List.of(okhttp3.Protocol.H2_PRIOR_KNOWLEDGE));
    }
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer(request.getPath());
          }
        });
    server.setServerSocketFactory(new NoDelayServerSockets());
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected MockResponse ok() {
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody(BODY);
  }

  @Override
  protected MockResponse okWithHeader(String name, String value) {
    return ok().setHeader(name, value);
  }

  @Override
  protected MockResponse disconnectAfterRequest() {
    return ok().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
  }

  @Override
  protected MockResponse redirect(String location) {
    return new MockResponse().setResponseCode(302).setHeader("Location", location);
  }

  @Override
  protected MockResponse webSocketUpgrade(WebSocketListener serverListener) {
    return new MockResponse().withWebSocketUpgrade(serverListener);
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
  public void close() {
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
