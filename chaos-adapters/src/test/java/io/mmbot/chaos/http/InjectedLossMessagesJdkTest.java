package io.mmbot.chaos.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.testing.LoopbackHttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Injected losses read exactly as the JDK client's own failures: each test makes the real failure
 * on a loopback socket (a refused connect; a server that reads the request and never answers) and
 * the injected one with the same request, through {@code send} and {@code sendAsync}, and compares
 * the exception's class and message and those of its causes. Real time, with a 300 ms request
 * timeout.
 */
class InjectedLossMessagesJdkTest {

  private static final Duration TIMEOUT = Duration.ofMillis(300);

  private final HttpClient plain = HttpClient.newHttpClient();
  private final LoopbackHttpServer answering;
  private final ServerSocket silent;
  private final List<Socket> held = new ArrayList<>();

  InjectedLossMessagesJdkTest() throws IOException {
    answering = new LoopbackHttpServer();
    silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Thread t =
        new Thread(
            () -> {
              try {
                while (true) {
                  Socket s = silent.accept(); // read nothing, answer nothing
                  synchronized (held) {
                    held.add(s);
                  }
                }
              } catch (IOException e) {
                // closed
              }
            },
            "silent-server");
    t.setDaemon(true);
    t.start();
  }

  @AfterEach
  void stop() throws IOException {
    answering.close();
    silent.close();
    synchronized (held) {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  private HttpClient chaos(boolean afterSend) {
    ChaosInjector injector =
        ChaosInjector.create(
            ChaosConfig.builder()
                .enabled(true)
                .dryRun(false)
                .burstOffSec(0)
                .netLoss(1.0)
                .unknownOutcomeShare(afterSend ? 1.0 : 0.0)
                .netLossCutShare(0.0)
                .seed(3L)
                .build());
    return ChaosHttpClient.builder(plain, injector).build();
  }

  private static HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(TIMEOUT).build();
  }

  private static String describe(Throwable t) {
    StringBuilder b = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      b.append(c.getClass().getName()).append(": ").append(c.getMessage()).append(" <- ");
    }
    return b.toString();
  }

  private static String sendFailure(HttpClient client, URI uri) {
    Throwable t = catchThrowable(() -> client.send(get(uri), BodyHandlers.ofString()));
    assertThat(t).isNotNull();
    return describe(t);
  }

  private static String asyncFailure(HttpClient client, URI uri) {
    Throwable t =
        catchThrowable(
            () -> client.sendAsync(get(uri), BodyHandlers.ofString()).get(30, TimeUnit.SECONDS));
    assertThat(t).isInstanceOf(ExecutionException.class);
    return describe(t.getCause());
  }

  private static URI refusing() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = free.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port + "/api/v3/order");
  }

  @Test
  void aLossBeforeSendingReadsAsARefusedConnect() throws IOException {
    URI closed = refusing();
    String realSend = sendFailure(plain, closed);
    String realAsync = asyncFailure(plain, closed);

    assertThat(realSend).startsWith("java.net.ConnectException");
    assertThat(sendFailure(chaos(false), answering.uri("/api/v3/order"))).isEqualTo(realSend);
    assertThat(asyncFailure(chaos(false), answering.uri("/api/v3/order"))).isEqualTo(realAsync);
    assertThat(answering.received()).isZero();
  }

  @Test
  void aLostAnswerReadsAsARealTimeout() {
    URI silentUri = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/api/v3/order");
    String realSend = outermost(sendFailure(plain, silentUri));
    String realAsync = outermost(asyncFailure(plain, silentUri));

    // Only the outermost exception: on JDK 25 the real timeout sometimes carries the connection's
    // own close as causes (its timer and the connection race), sometimes not.
    assertThat(realSend).isEqualTo("java.net.http.HttpTimeoutException: request timed out");
    assertThat(outermost(sendFailure(chaos(true), answering.uri("/api/v3/order"))))
        .isEqualTo(realSend);
    assertThat(outermost(asyncFailure(chaos(true), answering.uri("/api/v3/order"))))
        .isEqualTo(realAsync);
    assertThat(answering.received()).isEqualTo(2);
  }

  private static String outermost(String described) {
    return described.substring(0, described.indexOf(" <- "));
  }
}
