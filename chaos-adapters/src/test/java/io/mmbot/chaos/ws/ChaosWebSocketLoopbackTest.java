package io.mmbot.chaos.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.testing.LoopbackWsServer;
import io.mmbot.chaos.testsupport.Await;
import io.mmbot.chaos.testsupport.Binomial;
import io.mmbot.chaos.time.VirtualTime;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WebSocket wrapper against a real WebSocket server on 127.0.0.1. */
class ChaosWebSocketLoopbackTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private LoopbackWsServer server;
  private HttpClient http;
  private final List<WebSocket> sockets = new ArrayList<>();
  private final List<Double> gaps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws InterruptedException {
    server = new LoopbackWsServer();
    http = HttpClient.newHttpClient();
  }

  @AfterEach
  void stop() throws InterruptedException {
    sockets.forEach(WebSocket::abort);
    server.close();
  }

  private static ChaosConfig.Builder chaos() {
    return ChaosConfig.builder().enabled(true).dryRun(false).burstOffSec(0).seed(7L);
  }

  private WebSocket connect(ChaosWebSocket chaosWs, CollectingListener listener) throws Exception {
    WebSocket ws =
        chaosWs
            .connect(http.newWebSocketBuilder(), server.uri(), listener)
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    sockets.add(ws);
    return ws;
  }

  private static List<String> expected(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("m-" + i);
    }
    return out;
  }

  @Test
  void passesMessagesThroughInOrderWhenChaosIsOffAndReportsEveryGap() throws Exception {
    ChaosInjector injector = ChaosInjector.create(ChaosConfig.defaults());
    ChaosWebSocket chaosWs = ChaosWebSocket.builder(injector).gapListener(gaps::add).build();
    CollectingListener listener = new CollectingListener();
    WebSocket ws = connect(chaosWs, listener);
    assertThat(listener.opened.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isSameAs(ws);
    ws.sendText("send 100", true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    Await.until("100 messages", WAIT, () -> listener.texts.size() == 100);
    assertThat(listener.texts).containsExactlyElementsOf(expected(100));
    assertThat(gaps).hasSize(99).allMatch(g -> g >= 0);
  }

  @Test
  void lagDelaysMessagesAndKeepsTheirOrder() throws Exception {
    ChaosInjector injector =
        ChaosInjector.create(chaos().wsLagMs(15).wsLagProbability(0.3).build());
    ChaosWebSocket chaosWs = ChaosWebSocket.builder(injector).gapListener(gaps::add).build();
    CollectingListener listener = new CollectingListener(true);
    WebSocket ws = connect(chaosWs, listener);
    long start = System.nanoTime();
    ws.sendText("send 200", true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    Await.until("200 messages", WAIT, () -> listener.texts.size() == 200);
    long lagged = injector.injections(Scenario.WS_LAG);
    assertThat(lagged).isBetween(Binomial.lower(200, 0.3), Binomial.upper(200, 0.3));
    assertThat(listener.texts).containsExactlyElementsOf(expected(200));
    // Each lagged message waited at least its lag; none overtook another.
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(15);
    assertThat(gaps).hasSize(199);
    assertThat(gaps.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
        .isGreaterThanOrEqualTo(10.0);
  }

  @Test
  void netLossDropsWholeMessagesAndTheStreamKeepsFlowing() throws Exception {
    ChaosInjector injector = ChaosInjector.create(chaos().netLoss(0.3).build());
    CollectingListener listener = new CollectingListener(true);
    WebSocket ws = connect(ChaosWebSocket.of(injector), listener);
    ws.sendText("send 300", true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    Await.until(
        "all 300 messages delivered or dropped",
        WAIT,
        () -> listener.texts.size() + injector.injections(Scenario.NET_LOSS) == 300);
    long dropped = injector.injections(Scenario.NET_LOSS);
    assertThat(dropped).isBetween(Binomial.lower(300, 0.3), Binomial.upper(300, 0.3));
    List<String> all = expected(300);
    assertThat(all).containsSubsequence(listener.texts);
  }

  @Test
  void disconnectClosesAbnormallyAndAReconnectingClientRecovers() throws Exception {
    VirtualTime clock = new VirtualTime();
    ChaosInjector injector =
        ChaosInjector.builder().config(chaos().wsDisconnect(60).build()).nanoClock(clock).build();
    ChaosWebSocket chaosWs =
        ChaosWebSocket.builder(injector)
            .nanoClock(clock)
            .disconnectCheckInterval(Duration.ZERO)
            .build();
    CollectingListener first = new CollectingListener();
    WebSocket ws = connect(chaosWs, first);
    ws.sendText("send 1", true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    Await.until("first message", WAIT, () -> first.texts.size() == 1);

    clock.advance(Duration.ofMinutes(10)); // at 60/min a disconnect is all but certain by now
    ws.sendText("send 1", true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    Throwable error = first.error.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(error).isInstanceOf(IOException.class).hasMessageContaining("ws_disconnect");
    assertThat(first.texts).containsExactly("m-0");
    assertThat(first.closed).isNotDone();
    assertThat(server.nextCloseCode(WAIT.toMillis())).isEqualTo(1006); // abnormal closure
    assertThatThrownBy(() -> ws.sendText("send 1", true).get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(injector.injections(Scenario.WS_DISCONNECT)).isEqualTo(1);

    CollectingListener second = new CollectingListener();
    WebSocket again = connect(chaosWs, second);
    again.sendText("send 3", true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    Await.until("messages after reconnect", WAIT, () -> second.texts.size() == 3);
    assertThat(second.texts).containsExactly("m-0", "m-1", "m-2");
    assertThat(second.error).isNotDone();
    assertThat(server.opened()).isEqualTo(2);
  }

  @Test
  void aThrowingListenerEndsTheConnectionAsTheJdkWouldWithoutTheWrapper() throws Exception {
    ChaosWebSocket chaosWs = ChaosWebSocket.of(ChaosInjector.create(ChaosConfig.defaults()));
    java.util.List<Throwable> errors = new CopyOnWriteArrayList<>();
    CollectingListener bot =
        new CollectingListener() {
          @Override
          public java.util.concurrent.CompletionStage<?> onText(
              WebSocket webSocket, CharSequence data, boolean last) {
            if (data.toString().equals("m-1")) {
              throw new IllegalStateException("listener bug");
            }
            return super.onText(webSocket, data, last);
          }

          @Override
          public void onError(WebSocket webSocket, Throwable e) {
            errors.add(e);
            super.onError(webSocket, e);
          }
        };
    WebSocket ws = connect(chaosWs, bot);
    ws.sendText("send 5", true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(bot.error.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("listener bug");
    assertThat(server.nextCloseCode(WAIT.toMillis())).isEqualTo(1006);
    assertThat(bot.texts).containsExactly("m-0");
    assertThat(errors).hasSize(1);
    assertThat(ws.isInputClosed()).isTrue();
  }

  @Test
  void aQuietConnectionIsDroppedByTheTimerCheck() throws Exception {
    VirtualTime clock = new VirtualTime();
    ChaosInjector injector =
        ChaosInjector.builder().config(chaos().wsDisconnect(60).build()).nanoClock(clock).build();
    ChaosWebSocket chaosWs =
        ChaosWebSocket.builder(injector)
            .nanoClock(clock)
            .disconnectCheckInterval(Duration.ofMillis(10))
            .build();
    CollectingListener listener = new CollectingListener();
    connect(chaosWs, listener);
    clock.advance(Duration.ofMinutes(10)); // no message arrives; only the timer can notice
    assertThat(listener.error.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOf(IOException.class);
    assertThat(server.nextCloseCode(WAIT.toMillis())).isEqualTo(1006);
  }

  @Test
  void aNormalCloseReachesTheBotAfterPendingLaggedMessages() throws Exception {
    ChaosInjector injector =
        ChaosInjector.create(chaos().wsLagMs(20).wsLagProbability(1.0).build());
    CollectingListener listener = new CollectingListener();
    WebSocket ws = connect(ChaosWebSocket.of(injector), listener);
    ws.sendText("send 5", true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    Await.until("5 messages", WAIT, () -> listener.texts.size() == 5);
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(listener.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo(WebSocket.NORMAL_CLOSURE);
    assertThat(server.nextCloseCode(WAIT.toMillis())).isEqualTo(WebSocket.NORMAL_CLOSURE);
  }
}
