package io.mmbot.chaos.okhttp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.WebSocketListener;

/**
 * {@link MockServers}' script on mockwebserver3 5.x, for chaos-okhttp's tests on OkHttp 5;
 * registered as the {@link MockServers.Binding} in {@code META-INF/services}.
 */
public final class MockWebServer3 extends MockServers.Scripted<MockResponse> {
  private final MockWebServer server = new MockWebServer();

  /** The service that starts these servers. */
  public static final class Binding implements MockServers.Binding {
    @Override
    public LoopbackServer start(boolean h2PriorKnowledge) {
      return new MockWebServer3(h2PriorKnowledge);
    }
  }

  MockWebServer3(boolean h2PriorKnowledge) {
    if (h2PriorKnowledge) {
      server.setProtocols(java.util.List.of(okhttp3.Protocol.H2_PRIOR_KNOWLEDGE));
    }
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer(request.getTarget());
          }
        });
    server.setServerSocketFactory(new NoDelayServerSockets());
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MockResponse.Builder okBuilder() {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(BODY);
  }

  @Override
  protected MockResponse ok() {
    return okBuilder().build();
  }

  @Override
  protected MockResponse okWithHeader(String name, String value) {
    return okBuilder().setHeader(name, value).build();
  }

  @Override
  protected MockResponse disconnectAfterRequest() {
    return okBuilder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  @Override
  protected MockResponse redirect(String location) {
    return new MockResponse.Builder().code(302).setHeader("Location", location).build();
  }

  @Override
  protected MockResponse webSocketUpgrade(WebSocketListener serverListener) {
    return new MockResponse.Builder().webSocketUpgrade(serverListener).build();
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
    server.close();
  }
}
