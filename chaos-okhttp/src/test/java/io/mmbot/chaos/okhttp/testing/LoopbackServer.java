package io.mmbot.chaos.okhttp.testing;

import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.WebSocketListener;

/**
 * A real OkHttp MockWebServer on 127.0.0.1 and a free port, behind the few operations the tests
 * need, so the same tests run on mockwebserver 4.12 and on mockwebserver3 5.x (see {@code
 * MockServers}, with one binding per mockwebserver version). By default every request is answered
 * 200 with {@link #BODY}; special answers are queued and used in order.
 */
public interface LoopbackServer extends AutoCloseable {

  /** The body of an ordinary answer. */
  String BODY = "{\"orderId\":1,\"status\":\"NEW\"}";

  /** The host name the tests' resolver maps to 127.0.0.1 (never a real name). */
  String HOST = "api.exchange.test";

  /** A started server. */
  static LoopbackServer start() {
    return MockServers.start(false);
  }

  /** A started server that speaks HTTP/2 over cleartext only ({@code h2_prior_knowledge}). */
  static LoopbackServer startH2PriorKnowledge() {
    return MockServers.start(true);
  }

  int port();

  /** {@code http://api.exchange.test:port/path}: needs a {@code Dns} that maps {@link #HOST}. */
  default HttpUrl url(String path) {
    return HttpUrl.get("http://" + HOST + ":" + port() + path);
  }

  /** {@code http://127.0.0.1:port/path}. */
  default HttpUrl ipUrl(String path) {
    return HttpUrl.get("http://127.0.0.1:" + port() + path);
  }

  /** Requests the server really received. */
  int requestCount();

  /** The targets (path and query) of the requests received, in order. */
  List<String> paths();

  /** The next request is read, then its connection closed without an answer. */
  void dropConnectionAfterNextRequest();

  /** The next request is answered 302 to {@code location}. */
  void redirectNext(String location);

  /** The next request is answered with {@code headerName: headerValue} added. */
  void nextWithHeader(String headerName, String headerValue);

  /** The next request is upgraded to a WebSocket served by {@code serverListener}. */
  void acceptWebSocket(WebSocketListener serverListener);

  @Override
  void close();
}
