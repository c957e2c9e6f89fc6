package io.mmbot.chaos.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.testing.LoopbackWsServer;
import io.mmbot.chaos.testsupport.Await;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With chaos off, the wrapper changes nothing: the same listener, plain and wrapped, side by side
 * on a real server, ends the same way when it throws (same exception to {@code onError}, same
 * socket state, same close seen by the server).
 */
class ChaosWebSocketSideBySideTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private LoopbackWsServer server;
  private HttpClient http;

  @BeforeEach
  void start() throws InterruptedException {
    server = new LoopbackWsServer();
    http = HttpClient.newHttpClient();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Throws {@link #bug} from {@code onText} on the first message; records everything. */
  static final class Throwing implements WebSocket.Listener {
    final RuntimeException bug = new IllegalStateException("listener bug");
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      events.add("text " + data);
      throw bug;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      events.add("error " + error.getClass().getSimpleName());
      errors.add(error);
    }
  }

  record Outcome(List<String> events, boolean inputClosed, boolean outputClosed, Integer code) {}

  private Outcome run(boolean wrapped) throws Exception {
    Throwing listener = new Throwing();
    ChaosWebSocket chaos =
        ChaosWebSocket.builder(ChaosInjector.create(ChaosConfig.defaults())).build();
    WebSocket ws =
        (wrapped
                ? chaos.connect(http.newWebSocketBuilder(), server.uri(), listener)
                : http.newWebSocketBuilder().buildAsync(server.uri(), listener))
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    ws.sendText("send 3", true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    Await.until("onError", WAIT, () -> !listener.errors.isEmpty());
    assertThat(listener.errors).containsExactly(listener.bug);
    Integer code = server.nextCloseCode(WAIT.toMillis());
    return new Outcome(listener.events, ws.isInputClosed(), ws.isOutputClosed(), code);
  }

  @Test
  void aListenerThatThrowsEndsTheConnectionExactlyAsWithoutTheWrapper() throws Exception {
    Outcome plain = run(false);
    Outcome wrapped = run(true);
    assertThat(wrapped).isEqualTo(plain);
    assertThat(plain.events()).containsExactly("text m-0", "error IllegalStateException");
  }
}
