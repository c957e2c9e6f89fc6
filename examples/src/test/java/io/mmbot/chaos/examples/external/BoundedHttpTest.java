package io.mmbot.chaos.examples.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.mmbot.chaos.testsupport.Await;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Requests to a real JDK HTTP server on 127.0.0.1, as most bots' /metrics are served. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BoundedHttpTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final byte[] PAGE =
      "# TYPE m counter\nm_total 1\n".repeat(50).getBytes(StandardCharsets.UTF_8);

  private HttpServer server;
  private final List<String> connectionHeaders = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/metrics",
        x -> {
          connectionHeaders.add(String.valueOf(x.getRequestHeaders().getFirst("Connection")));
          // Headers and body in two writes, as the JDK server always sends them.
          x.sendResponseHeaders(200, PAGE.length);
          try (OutputStream out = x.getResponseBody()) {
            out.write(PAGE);
          }
        });
    server.createContext(
        "/trickle",
        x -> {
          x.sendResponseHeaders(200, 0);
          try (OutputStream out = x.getResponseBody()) {
            for (int i = 0; i < 20; i++) {
              out.write('x');
              out.flush();
              Thread.sleep(300);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (java.io.IOException clientLeft) {
            // the client gave up, as it should
          }
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  /**
   * On a kept-alive connection the JDK server's second write (the body) waits for the ACK of the
   * first, which the client delays by up to 40 ms: every scrape would stall that long. Each request
   * has a connection of its own, so it does not.
   */
  @Test
  void requestsInARowDoNotStallOnDelayedAcknowledgements() throws Exception {
    long[] nanos = new long[30];
    for (int i = 0; i < nanos.length; i++) {
      long t = System.nanoTime();
      BoundedHttp.Response r = BoundedHttp.get(uri("/metrics"), null, TIMEOUT);
      nanos[i] = System.nanoTime() - t;
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).hasSize(PAGE.length);
    }
    Arrays.sort(nanos);
    assertThat(Duration.ofNanos(nanos[nanos.length / 2])).isLessThan(Duration.ofMillis(20));
    assertThat(connectionHeaders).containsOnly("close");
  }

  @Test
  void aServerThatTricklesItsAnswerIsCutOffAtTheDeadline() {
    long start = Await.mark();
    assertThatThrownBy(() -> BoundedHttp.get(uri("/trickle"), null, TIMEOUT))
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessageContaining("did not finish its answer in time");
    assertThat(Await.elapsedMillis(start)).isBetween(900L, 2500L);
  }

  @Test
  void theJvmsProxySettingsAreIgnored() throws Exception {
    String before = System.getProperty("http.proxyHost");
    String beforePort = System.getProperty("http.proxyPort");
    String beforeNon = System.getProperty("http.nonProxyHosts");
    System.setProperty("http.proxyHost", "127.0.0.1");
    System.setProperty("http.proxyPort", Integer.toString(Ports.freePort()));
    System.setProperty("http.nonProxyHosts", "");
    try {
      assertThat(BoundedHttp.get(uri("/metrics"), null, TIMEOUT).status()).isEqualTo(200);
    } finally {
      restore("http.proxyHost", before);
      restore("http.proxyPort", beforePort);
      restore("http.nonProxyHosts", beforeNon);
    }
  }

  @Test
  void anErrorStatusComesWithItsBody() throws Exception {
    BoundedHttp.Response r = BoundedHttp.get(uri("/nothing-here"), null, TIMEOUT);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body()).contains("Not Found");
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }
}
