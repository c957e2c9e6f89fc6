package io.mmbot.chaos.okhttp;

import static io.mmbot.chaos.okhttp.Fixture.chaos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.okhttp.testing.LoopbackServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Injected losses read exactly as OkHttp's own failures: each test makes the real failure on a
 * loopback socket (a refused connect, a server that reads the request and never answers) and the
 * injected one with the same client settings, and compares exception class, message and cause. Real
 * time, with a 300 ms read timeout.
 */
class InjectedMessagesTest {

  private static final int READ_TIMEOUT_MS = 300;

  private final Fixture fx = new Fixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  private OkHttpClient.Builder plain() {
    return fx.plainBuilder().readTimeout(READ_TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  /** An injector switched on for {@code netLoss} with all losses before or after sending. */
  private ChaosInjector lossInjector(boolean afterSend) {
    return fx.injector(chaos().netLoss(1.0).unknownOutcomeShare(afterSend ? 1 : 0).build());
  }

  private static Throwable call(OkHttpClient http, HttpUrl url) {
    return catchThrowable(() -> Fixture.status(http, new Request.Builder().url(url).build()));
  }

  private static String describe(Throwable t) {
    StringBuilder b = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      b.append(c.getClass().getName()).append(": ").append(c.getMessage()).append(" <- ");
    }
    return b.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static HttpUrl url(String host, int port) {
    return HttpUrl.get("http://" + host + ":" + port + "/order");
  }

  @Test
  void lossBeforeSendingReadsAsOkHttpsRefusedConnect() throws Exception {
    int closed = freePort();
    Throwable real = call(plain().build(), url(LoopbackServer.HOST, closed));

    ChaosInjector injector = lossInjector(false);
    OkHttpClient http = fx.adapter(injector).build().decorate(plain()).build();
    injector.disable("a first call looks the name up, as the real one did");
    assertThat(Fixture.status(http, fx.get("/warm-up"))).isEqualTo(200);
    injector.update(chaos().netLoss(1.0).unknownOutcomeShare(0).build());
    int port = fx.server.port();
    Throwable injected = call(http, url(LoopbackServer.HOST, port));

    assertThat(describe(injected)).isEqualTo(describe(real).replace(":" + closed, ":" + port));
    assertThat(injected.getMessage())
        .isEqualTo("Failed to connect to api.exchange.test/127.0.0.1:" + port);
  }

  @Test
  void beforeTheFirstLookupTheNameIsShownUnresolvedAndNothingIsLookedUp() {
    OkHttpClient http = fx.adapter(lossInjector(false)).build().decorate(plain()).build();
    Throwable injected = call(http, fx.server.url("/order"));
    assertThat(injected)
        .hasMessage("Failed to connect to api.exchange.test/<unresolved>:" + fx.server.port());
    assertThat(fx.lookups).hasValue(0);
  }

  @Test
  void lossBeforeSendingToAnIpLiteralReadsAsOkHttpsRefusedConnect() throws Exception {
    int closed = freePort();
    Throwable real = call(plain().build(), url("127.0.0.1", closed));

    OkHttpClient http = fx.adapter(lossInjector(false)).build().decorate(plain()).build();
    int port = fx.server.port();
    Throwable injected = call(http, url("127.0.0.1", port));

    assertThat(describe(injected)).isEqualTo(describe(real).replace(":" + closed, ":" + port));
  }

  @Test
  void lossAfterSendingReadsAsOkHttpsReadTimeout() throws Exception {
    Throwable real;
    try (ServerSocket silent = new ServerSocket()) {
      silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      Thread reader =
          new Thread(
              () -> {
                try (Socket s = silent.accept();
                    InputStream in = s.getInputStream()) {
                  while (in.read() >= 0) {
                    // read the request, never answer
                  }
                } catch (IOException e) {
                  // closed by the client or the test
                }
              });
      reader.setDaemon(true);
      reader.start();
      real = call(plain().build(), url(LoopbackServer.HOST, silent.getLocalPort()));
    }

    OkHttpClient http = ChaosOkHttp.builder(lossInjector(true)).build().decorate(plain()).build();
    Throwable injected = call(http, fx.server.url("/order"));

    // OkHttp words a real read timeout one of three ways, by which of its two timers (okio's,
    // closing the socket, or the socket's own) wins the race, and whether okio wraps the socket's;
    // the injected failure always reads as the first.
    String okioTimeout =
        "java.net.SocketTimeoutException: timeout <- java.net.SocketException: Socket closed <- ";
    String socketTimeout = "java.net.SocketTimeoutException: Read timed out <- ";
    String wrappedTimeout =
        "java.net.SocketTimeoutException: timeout <- java.net.SocketTimeoutException: Read timed"
            + " out <- ";
    assertThat(describe(real)).isIn(okioTimeout, socketTimeout, wrappedTimeout);
    assertThat(describe(injected)).isEqualTo(okioTimeout);
    assertThat(fx.server.requestCount()).isEqualTo(1);
  }
}
