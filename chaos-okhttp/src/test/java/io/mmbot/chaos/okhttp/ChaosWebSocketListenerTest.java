package io.mmbot.chaos.okhttp;

import static io.mmbot.chaos.okhttp.Fixture.chaos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.testsupport.Await;
import io.mmbot.chaos.testsupport.Binomial;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
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

/** The WebSocket listener wrapper on a real OkHttp WebSocket server on loopback. */
class ChaosWebSocketListenerTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Fixture fx = new Fixture();
  private final Peer peer = new Peer();
  private final Bot bot = new Bot();
  private final List<Double> gaps = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    fx.close();
  }

  /** The exchange's end: records what it saw and sends on demand. */
  static final class Peer extends WebSocketListener {
    final CompletableFuture<WebSocket> socket = new CompletableFuture<>();
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      socket.complete(webSocket);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      events.add("closing " + code);
      webSocket.close(1000, null);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      events.add("failure");
    }

    WebSocket ws() throws Exception {
      return socket.get(10, TimeUnit.SECONDS);
    }
  }

  /** The bot's listener: records every callback in order. */
  static final class Bot extends WebSocketListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    final CompletableFuture<WebSocket> opened = new CompletableFuture<>();

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      opened.complete(webSocket);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      events.add(text);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      events.add("bin:" + bytes.utf8());
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      events.add("closing " + code);
      webSocket.close(1000, null);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      events.add("failure");
      failures.add(t);
    }

    long messages() {
      return events.stream().filter(e -> !e.startsWith("closing") && !e.equals("failure")).count();
    }
  }

  private ChaosOkHttp adapter(ChaosInjector injector, Duration checkInterval) {
    return fx.adapter(injector)
        .gapListener(gaps::add)
        .disconnectCheckInterval(checkInterval)
        .build();
  }

  private WebSocket connect(ChaosOkHttp chaos) throws Exception {
    OkHttpClient http = chaos.decorate(fx.plainBuilder()).build();
    fx.server.acceptWebSocket(peer);
    chaos.newWebSocket(http, fx.get("/ws"), bot);
    WebSocket ws = bot.opened.get(10, TimeUnit.SECONDS);
    peer.ws();
    return ws;
  }

  @Test
  void messagesPassThroughInOrderWhenChaosIsOff() throws Exception {
    connect(adapter(fx.injector(ChaosConfig.defaults()), Duration.ofSeconds(1)));
    for (int i = 0; i < 10; i++) {
      peer.ws().send("m" + i);
    }
    peer.ws().send(ByteString.encodeUtf8("raw"));
    Await.until("11 messages", WAIT, () -> bot.events.size() == 11);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      expected.add("m" + i);
    }
    expected.add("bin:raw");
    assertThat(bot.events).containsExactlyElementsOf(expected);
    assertThat(fx.timing.pendingDelaysMillis()).containsExactly(1000L); // the disconnect check
  }

  @Test
  void wsLagDeliversEachMessageTheLagLateInArrivalOrder() throws Exception {
    ChaosInjector injector = fx.injector(chaos().wsLagMs(150).wsLagProbability(1.0).build());
    connect(adapter(injector, Duration.ZERO));
    for (int i = 0; i < 5; i++) {
      peer.ws().send("m" + i);
    }
    Await.until("5 lagged arrivals", WAIT, () -> injector.injections(Scenario.WS_LAG) == 5);
    assertThat(bot.events).isEmpty();
    fx.timing.advance(149);
    assertThat(bot.events).isEmpty();
    fx.timing.advance(1);
    assertThat(bot.events).containsExactly("m0", "m1", "m2", "m3", "m4");
  }

  @Test
  void aLaggedMessageHoldsBackTheUnlaggedOnesBehindItAndTheClose() throws Exception {
    ChaosInjector injector = fx.injector(chaos().wsLagMs(150).wsLagProbability(0.5).build());
    connect(adapter(injector, Duration.ZERO));
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      sent.add("m" + i);
      peer.ws().send("m" + i);
    }
    peer.ws().close(1000, "bye");
    Await.until(
        "every message and the close",
        WAIT,
        () -> {
          fx.timing.advance(10);
          return bot.events.contains("closing 1000");
        });
    List<String> expected = new ArrayList<>(sent);
    expected.add("closing 1000");
    assertThat(bot.events).containsExactlyElementsOf(expected);
    assertThat(injector.injections(Scenario.WS_LAG))
        .isBetween(Binomial.lower(40, 0.5), Binomial.upper(40, 0.5));
  }

  @Test
  void wsDisconnectCancelsTheConnectionSoThePeerSeesAnAbnormalClose() throws Exception {
    ChaosInjector injector = fx.injector(chaos().wsDisconnect(60).build());
    WebSocket ws = connect(adapter(injector, Duration.ofSeconds(1)));
    fx.timing.advance(60_000); // one check a second at 60 per minute: it fires in the first few
    Await.until("the bot to hear of the drop", WAIT, () -> bot.events.contains("failure"));
    assertThat(bot.failures)
        .singleElement()
        .isInstanceOf(SocketException.class)
        .extracting(Throwable::getMessage)
        .asString()
        .contains("ws_disconnect");
    Await.until("the peer to see the socket close", WAIT, () -> !peer.events.isEmpty());
    assertThat(peer.events).containsExactly("failure"); // no close frame: no onClosing
    assertThat(ws.send("after")).isFalse();
    assertThat(injector.injections(Scenario.WS_DISCONNECT)).isEqualTo(1);
    assertThat(fx.timing.pending()).isZero(); // checks stop with the connection
    assertThat(bot.events).containsExactly("failure"); // OkHttp's own failure is not passed on
  }

  @Test
  void wsDisconnectIsAlsoCheckedWhenAMessageArrives() throws Exception {
    ChaosInjector injector = fx.injector(chaos().wsDisconnect(60).build());
    connect(adapter(injector, Duration.ZERO));
    fx.clock.advance(Duration.ofMinutes(1)); // no timer: only the next message checks
    peer.ws().send("tick");
    Await.until("the drop", WAIT, () -> bot.events.contains("failure"));
    assertThat(bot.events).containsExactly("failure");
  }

  @Test
  void wsDisconnectFiresAtItsPoissonRatePerMinuteOfEachConnectionsOwnTime() {
    int n = 2000;
    double ratePerMinute = 6;
    ChaosInjector injector = fx.injector(chaos().wsDisconnect(ratePerMinute).build());
    ChaosOkHttp chaos = adapter(injector, Duration.ZERO);
    int dropped = 0;
    for (int i = 0; i < n; i++) {
      FakeWebSocket ws = new FakeWebSocket();
      WebSocketListener wrapped = chaos.webSocketListener(new Bot());
      wrapped.onOpen(ws, null);
      fx.clock.advance(Duration.ofSeconds(1));
      wrapped.onMessage(ws, "tick"); // one check after 1 s of this connection's own time
      dropped += ws.cancelled ? 1 : 0;
    }
    double p = -Math.expm1(-ratePerMinute / 60.0);
    assertThat((long) dropped).isBetween(Binomial.lower(n, p), Binomial.upper(n, p));
    assertThat(injector.injections(Scenario.WS_DISCONNECT)).isEqualTo(dropped);
  }

  @Test
  void netLossDropsWholeMessagesAtTheConfiguredRate() throws Exception {
    int n = 600;
    double p = 0.3;
    ChaosInjector injector = fx.injector(chaos().netLoss(p).build());
    connect(adapter(injector, Duration.ZERO));
    for (int i = 0; i < n; i++) {
      peer.ws().send("m" + i);
    }
    peer.ws().close(1000, "bye");
    Await.until("the close", WAIT, () -> bot.events.contains("closing 1000"));
    long lost = n - bot.messages();
    assertThat(lost).isBetween(Binomial.lower(n, p), Binomial.upper(n, p));
    assertThat(injector.injections(Scenario.NET_LOSS)).isEqualTo(lost);
  }

  @Test
  void theGapBetweenDeliveredMessagesIsReportedInMilliseconds() throws Exception {
    connect(adapter(fx.injector(ChaosConfig.defaults()), Duration.ZERO));
    peer.ws().send("a");
    Await.until("a", WAIT, () -> bot.events.size() == 1);
    fx.clock.advanceMillis(40);
    peer.ws().send("b");
    Await.until("b", WAIT, () -> bot.events.size() == 2);
    fx.clock.advanceMillis(25);
    peer.ws().send("c");
    Await.until("c", WAIT, () -> bot.events.size() == 3);
    assertThat(gaps).containsExactly(40.0, 25.0);
  }

  @Test
  void aGapListenerThatThrowsAnErrorIsContainedAndDeliveryGoesOn() throws Exception {
    ChaosOkHttp chaos =
        fx.adapter(fx.injector(ChaosConfig.defaults()))
            .gapListener(
                gapMs -> {
                  throw new AssertionError("gap listener broke");
                })
            .disconnectCheckInterval(Duration.ZERO)
            .build();
    connect(chaos);
    for (String m : List.of("a", "b", "c")) {
      peer.ws().send(m);
    }
    Await.until("three messages", WAIT, () -> bot.events.size() == 3);
    assertThat(bot.events).containsExactly("a", "b", "c");
    assertThat(bot.failures).isEmpty();
  }

  @Test
  void aWrappedListenerServesOneConnectionOnly() throws Exception {
    ChaosOkHttp chaos = adapter(fx.injector(ChaosConfig.defaults()), Duration.ZERO);
    WebSocketListener wrapped = chaos.webSocketListener(bot);
    OkHttpClient http = chaos.decorate(fx.plainBuilder()).build();
    fx.server.acceptWebSocket(peer);
    WebSocket first = http.newWebSocket(fx.get("/ws"), wrapped);
    bot.opened.get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> wrapped.onOpen(first, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("one per connection");
  }
}
