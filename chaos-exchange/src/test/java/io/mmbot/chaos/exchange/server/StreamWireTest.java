package io.mmbot.chaos.exchange.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.exchange.WsRules;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Binance's WebSocket streams, checked with the JDK's own WebSocket client. */
class StreamWireTest {

  /** Everything a connection sees, as text: messages, "PING", "CLOSE code reason", "ERROR". */
  static final class Events implements WebSocket.Listener {
    final LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        seen.add(partial.toString());
        arrivals.add(System.nanoTime());
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
      seen.add("PING");
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
      seen.add("CLOSE " + code + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      seen.add("ERROR");
    }

    String next() throws InterruptedException {
      String s = seen.poll(10, TimeUnit.SECONDS);
      assertThat(s).as("an event within 10 s").isNotNull();
      return s;
    }

    /** The next event that is not a market message. */
    String nextControl() throws InterruptedException {
      for (int i = 0; i < 1000; i++) {
        String s = next();
        if (!s.startsWith("{")) {
          return s;
        }
      }
      throw new AssertionError("no control event");
    }
  }

  private static WebSocket open(URI uri, Events events) throws Exception {
    return HttpClient.newHttpClient()
        .newWebSocketBuilder()
        .buildAsync(uri, events)
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void aCombinedStreamWrapsEachMessageWithItsStreamName() throws Exception {
    try (ExchangeServer ex = ExchangeServer.builder().start()) {
      Events e = new Events();
      WebSocket ws =
          open(
              URI.create(ex.wsUri() + "/stream?streams=btcusdt@bookTicker/btcusdt@depth5@100ms"),
              e);
      boolean ticker = false;
      boolean depth = false;
      for (int i = 0; i < 20 && !(ticker && depth); i++) {
        String m = e.next();
        ticker |=
            m.matches(
                "\\{\"stream\":\"btcusdt@bookTicker\",\"data\":\\{\"u\":\\d+,\"s\":\"BTCUSDT\",.*\\}\\}");
        depth |= m.startsWith("{\"stream\":\"btcusdt@depth5@100ms\",\"data\":{\"lastUpdateId\":");
      }
      assertThat(ticker && depth).isTrue();
      ws.abort();
    }
  }

  @Test
  void aLiveSubscriptionIsAnsweredAndThenServed() throws Exception {
    try (ExchangeServer ex = ExchangeServer.builder().start()) {
      Events e = new Events();
      WebSocket ws = open(URI.create(ex.wsUri() + "/ws"), e);
      ws.sendText("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@bookTicker\"],\"id\":7}", true);
      assertThat(e.next()).isEqualTo("{\"result\":null,\"id\":7}");
      assertThat(e.next()).startsWith("{\"u\":");
      ws.abort();
    }
  }

  @Test
  void anUnknownStreamIsRefusedAtTheHandshake() {
    try (ExchangeServer ex = ExchangeServer.builder().start()) {
      assertThatThrownBy(() -> open(URI.create(ex.wsUri() + "/ws/nosuchkey"), new Events()))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(WebSocketHandshakeException.class);
    }
  }

  @Test
  void theServerPingsOnScheduleAndClosesAConnectionAt24Hours() throws Exception {
    AtomicLong wall = new AtomicLong(System.currentTimeMillis());
    try (ExchangeServer ex = ExchangeServer.builder().wallClock(wall::get).start()) {
      Events e = new Events();
      open(URI.create(ex.wsUri() + "/ws/btcusdt@bookTicker"), e);
      e.next();
      wall.addAndGet(WsRules.PING_INTERVAL_MS);
      assertThat(e.nextControl()).isEqualTo("PING");
      wall.addAndGet(WsRules.MAX_AGE_MS);
      assertThat(e.nextControl()).isEqualTo("CLOSE 1000 24h limit");
    }
  }

  @Test
  void wsDisconnectEndsTheConnectionWithoutACloseFrame() throws Exception {
    ChaosInjector injector = Chaos.injector(b -> b.wsDisconnect(60));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      Events e = new Events();
      open(URI.create(ex.wsUri() + "/ws/btcusdt@bookTicker"), e);
      assertThat(e.nextControl()).isEqualTo("ERROR");
    }
  }

  @Test
  void wsLagHoldsMessagesBack() throws Exception {
    ChaosInjector injector = Chaos.injector(b -> b.wsLagMs(600).wsLagProbability(1.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      Events e = new Events();
      long opened = System.nanoTime();
      open(URI.create(ex.wsUri() + "/ws/btcusdt@bookTicker"), e);
      e.next();
      long firstAfterMs = (e.arrivals.take() - opened) / 1_000_000;
      // the first step is 100 ms after start; held 600 ms more, it cannot come before 600 ms
      assertThat(firstAfterMs).isGreaterThanOrEqualTo(600);
    }
  }
}
