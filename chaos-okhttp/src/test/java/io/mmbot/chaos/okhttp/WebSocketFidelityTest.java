package io.mmbot.chaos.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.testsupport.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With chaos off, a wrapped WebSocket listener behaves exactly as the bot's own listener handed to
 * OkHttp directly: the same socket, side by side, on a real server. In particular a bot listener
 * that throws fails the socket, as OkHttp does, instead of the exception being swallowed.
 */
class WebSocketFidelityTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Fixture fx = new Fixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  /** A bot listener that throws {@code failure} from the callback named {@code where}. */
  static final class Throwing extends WebSocketListener {
    final String where;
    final RuntimeException failure;
    final CompletableFuture<WebSocket> opened = new CompletableFuture<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();

    Throwing(String where, RuntimeException failure) {
      this.where = where;
      this.failure = failure;
    }

    private void maybeThrow(String event) {
      events.add(event);
      if (event.startsWith(where)) {
        throw failure;
      }
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      opened.complete(webSocket);
      maybeThrow("open");
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      maybeThrow("text " + text);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      maybeThrow("bytes " + bytes.utf8());
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      maybeThrow("closing " + code);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      events.add("failure " + t.getClass().getSimpleName());
      failures.add(t);
    }
  }

  /** What one run of a scenario looked like to the bot, the peer and the socket. */
  record Outcome(List<String> bot, Throwable failure, List<String> peer, boolean sendAfter) {}

  private Outcome run(boolean wrapped, String where, String peerSends) throws Exception {
    RuntimeException bug = new IllegalStateException("listener bug");
    Throwing bot = new Throwing(where, bug);
    ChaosWebSocketListenerTest.Peer peer = new ChaosWebSocketListenerTest.Peer();
    fx.server.acceptWebSocket(peer);
    ChaosOkHttp chaos =
        fx.adapter(fx.injector(ChaosConfig.defaults()))
            .disconnectCheckInterval(Duration.ZERO)
            .build();
    OkHttpClient http =
        wrapped ? chaos.decorate(fx.plainBuilder()).build() : fx.plainBuilder().build();
    WebSocket ws =
        wrapped
            ? chaos.newWebSocket(http, fx.get("/ws"), bot)
            : http.newWebSocket(fx.get("/ws"), bot);
    bot.opened.get(10, TimeUnit.SECONDS);
    WebSocket server = peer.ws();
    if (peerSends.equals("close")) {
      server.close(1000, "bye");
    } else {
      server.send(peerSends);
    }
    Await.until("the bot's failure", WAIT, () -> !bot.failures.isEmpty());
    Await.until("the peer to see the end", WAIT, () -> !peer.events.isEmpty());
    Throwable failure = bot.failures.get(0);
    assertThat(failure).isSameAs(bug);
    return new Outcome(bot.events, failure, peer.events, ws.send("after"));
  }

  private void sameSideBySide(String where, String peerSends) throws Exception {
    Outcome plain = run(false, where, peerSends);
    Outcome wrapped = run(true, where, peerSends);
    assertThat(wrapped.bot()).isEqualTo(plain.bot());
    assertThat(wrapped.failure()).hasSameClassAs(plain.failure());
    assertThat(wrapped.peer()).isEqualTo(plain.peer());
    assertThat(wrapped.sendAfter()).isEqualTo(plain.sendAfter()).isFalse();
  }

  @Test
  void aListenerThatThrowsOnATextMessageFailsTheSocketAsWithoutTheWrapper() throws Exception {
    sameSideBySide("text", "boom");
  }

  @Test
  void aListenerThatThrowsOnOpenFailsTheSocketAsWithoutTheWrapper() throws Exception {
    sameSideBySide("open", "unused");
  }

  @Test
  void aListenerThatThrowsOnClosingFailsTheSocketAsWithoutTheWrapper() throws Exception {
    sameSideBySide("closing", "close");
  }

  @Test
  void aListenerThatThrowsOnALaggedMessageFailsTheSocketWithThatException() throws Exception {
    RuntimeException bug = new IllegalStateException("listener bug");
    Throwing bot = new Throwing("text", bug);
    ChaosWebSocketListenerTest.Peer peer = new ChaosWebSocketListenerTest.Peer();
    fx.server.acceptWebSocket(peer);
    io.mmbot.chaos.ChaosInjector injector =
        fx.injector(Fixture.chaos().wsLagMs(100).wsLagProbability(1.0).build());
    ChaosOkHttp chaos = fx.adapter(injector).disconnectCheckInterval(Duration.ZERO).build();
    WebSocket ws =
        chaos.newWebSocket(chaos.decorate(fx.plainBuilder()).build(), fx.get("/ws"), bot);
    bot.opened.get(10, TimeUnit.SECONDS);
    peer.ws().send("boom");
    peer.ws().send("later");
    Await.until(
        "both lagged", WAIT, () -> injector.injections(io.mmbot.chaos.Scenario.WS_LAG) == 2);
    fx.timing.advance(100);
    Await.until("the bot's failure", WAIT, () -> !bot.failures.isEmpty());
    assertThat(bot.failures).containsExactly(bug);
    assertThat(bot.events).containsExactly("open", "text boom", "failure IllegalStateException");
    Await.until("the peer to see the end", WAIT, () -> !peer.events.isEmpty());
    assertThat(peer.events).containsExactly("failure");
    assertThat(ws.send("after")).isFalse();
  }
}
