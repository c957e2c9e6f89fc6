package io.mmbot.chaos.exchange.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.binance.connector.client.exceptions.BinanceClientException;
import com.binance.connector.client.exceptions.BinanceConnectorException;
import com.binance.connector.client.exceptions.BinanceServerException;
import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.WebSocketStreamClientImpl;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.exchange.OrderStatus;
import io.mmbot.chaos.time.VirtualTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Binance's own Java connector (binance-connector-java 3.4.1, unmodified) against the exchange on
 * 127.0.0.1: the trading operations, the market data and user data streams, and what the connector
 * surfaces for each server-side fault.
 */
class BinanceConnectorTest {

  private static SpotClientImpl client(ExchangeServer ex) {
    return new SpotClientImpl(ex.apiKey(), ex.apiSecret(), ex.restUri().toString());
  }

  private static Map<String, Object> order(String id, String price) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("symbol", "BTCUSDT");
    p.put("side", "BUY");
    p.put("type", "LIMIT");
    p.put("timeInForce", "GTC");
    p.put("quantity", "0.010");
    p.put("price", price);
    p.put("newClientOrderId", id);
    return p;
  }

  private static Map<String, Object> byId(String id) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("symbol", "BTCUSDT");
    p.put("origClientOrderId", id);
    return p;
  }

  @Test
  void placesQueriesListsAndCancelsAnOrderAndReadsAccountAndBook() {
    try (ExchangeServer ex = ExchangeServer.builder().seed(1).start()) {
      SpotClientImpl c = client(ex);
      JSONObject placed = new JSONObject(c.createTrade().newOrder(order("a1", "20000.00")));
      assertThat(placed.getString("status")).isEqualTo("NEW");
      assertThat(placed.getString("clientOrderId")).isEqualTo("a1");
      assertThat(placed.getLong("orderId")).isEqualTo(1);

      JSONObject queried = new JSONObject(c.createTrade().getOrder(byId("a1")));
      assertThat(queried.getString("price")).isEqualTo("20000.00000000");
      assertThat(queried.getString("origQty")).isEqualTo("0.01000000");

      Map<String, Object> sym = new LinkedHashMap<>();
      sym.put("symbol", "BTCUSDT");
      JSONArray open = new JSONArray(c.createTrade().getOpenOrders(sym));
      assertThat(open.length()).isEqualTo(1);

      JSONObject account = new JSONObject(c.createTrade().account(new LinkedHashMap<>()));
      JSONObject usdt = account.getJSONArray("balances").getJSONObject(1);
      assertThat(usdt.getString("asset")).isEqualTo("USDT");
      assertThat(usdt.getString("locked")).isEqualTo("200.00000000");

      Map<String, Object> depth = new LinkedHashMap<>();
      depth.put("symbol", "BTCUSDT");
      depth.put("limit", 5);
      JSONObject book = new JSONObject(c.createMarket().depth(depth));
      assertThat(book.getJSONArray("bids").length()).isEqualTo(5);

      JSONObject cancelled = new JSONObject(c.createTrade().cancelOrder(byId("a1")));
      assertThat(cancelled.getString("status")).isEqualTo("CANCELED");
      assertThat(ex.openOrderCount()).isZero();

      BinanceClientException gone = catchClient(() -> c.createTrade().cancelOrder(byId("a1")));
      assertThat(gone.getErrorCode()).isEqualTo(-2011);
      assertThat(gone.getHttpStatusCode()).isEqualTo(400);
      BinanceClientException unknown = catchClient(() -> c.createTrade().getOrder(byId("zz")));
      assertThat(unknown.getErrorCode()).isEqualTo(-2013);
    }
  }

  @Test
  void aWrongSecretIsRefusedWith1022AndAWrongKeyWith2015() {
    try (ExchangeServer ex = ExchangeServer.builder().start()) {
      SpotClientImpl badSecret = new SpotClientImpl(ex.apiKey(), "wrong", ex.restUri().toString());
      assertThat(
              catchClient(() -> badSecret.createTrade().newOrder(order("b", "1.00")))
                  .getErrorCode())
          .isEqualTo(-1022);
      SpotClientImpl badKey = new SpotClientImpl("nobody", ex.apiSecret(), ex.restUri().toString());
      BinanceClientException e =
          catchClient(() -> badKey.createTrade().newOrder(order("b", "1.00")));
      assertThat(e.getErrorCode()).isEqualTo(-2015);
      assertThat(e.getHttpStatusCode()).isEqualTo(401);
      assertThat(ex.ledgerSize()).isZero();
    }
  }

  @Test
  void theBookTickerStreamAndTheUserDataStreamReachTheConnectorsWebSocketClient()
      throws InterruptedException {
    try (ExchangeServer ex = ExchangeServer.builder().seed(3).start()) {
      SpotClientImpl c = client(ex);
      WebSocketStreamClientImpl ws = new WebSocketStreamClientImpl(ex.wsUri().toString());
      java.util.List<Integer> streams = new java.util.ArrayList<>();
      LinkedBlockingQueue<String> tickers = new LinkedBlockingQueue<>();
      LinkedBlockingQueue<String> user = new LinkedBlockingQueue<>();
      try {
        streams.add(ws.bookTicker("btcusdt", tickers::add));
        JSONObject ticker = new JSONObject(tickers.poll(10, TimeUnit.SECONDS));
        assertThat(ticker.getString("s")).isEqualTo("BTCUSDT");
        assertThat(ticker.has("b") && ticker.has("a") && ticker.has("u")).isTrue();

        String key = new JSONObject(c.createUserData().createListenKey()).getString("listenKey");
        java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(1);
        streams.add(
            ws.listenUserStream(
                key,
                response -> opened.countDown(),
                user::add,
                (code, r) -> {},
                (code, r) -> {},
                (t, r) -> {}));
        assertThat(opened.await(10, TimeUnit.SECONDS)).isTrue();
        c.createTrade().newOrder(order("u1", "20000.00"));
        JSONObject exec = new JSONObject(user.poll(10, TimeUnit.SECONDS));
        assertThat(exec.getString("e")).isEqualTo("executionReport");
        assertThat(exec.getString("c")).isEqualTo("u1");
        JSONObject position = new JSONObject(user.poll(10, TimeUnit.SECONDS));
        assertThat(position.getString("e")).isEqualTo("outboundAccountPosition");
        assertThat(exec.getString("x")).isEqualTo("NEW");
        assertThat(exec.getString("s")).isEqualTo("BTCUSDT");
      } finally {
        closeEach(ws, streams);
      }
    }
  }

  @Test
  void a429FromTheExchangeIsABinanceClientExceptionWith1003AndNothingExecutes() {
    ChaosInjector injector = Chaos.injector(b -> b.exch429(1.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      BinanceClientException e =
          catchClient(() -> client(ex).createTrade().newOrder(order("r1", "20000.00")));
      assertThat(e.getHttpStatusCode()).isEqualTo(429);
      assertThat(e.getErrorCode()).isEqualTo(-1003);
      assertThat(ex.ledgerSize()).isZero();
    }
  }

  @Test
  void a5xxAfterExecutionIsABinanceServerExceptionAndTheOrderExists() {
    ChaosInjector injector = Chaos.injector(b -> b.exch5xx(1.0).unknownOutcomeShare(1.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      BinanceServerException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              BinanceServerException.class,
              () -> client(ex).createTrade().newOrder(order("s1", "20000.00")));
      assertThat(e.getHttpStatusCode()).isBetween(500, 504);
      assertThat(ex.ledgerSize()).isEqualTo(1);
      assertThat(ex.ledger().entries().get(0).status()).isEqualTo(OrderStatus.NEW);
    }
  }

  @Test
  void aServerClockAheadOfTheCallersIsRefusedWith1021() {
    // CLOCK_SKEW drifts N·sin(2πt/60 s) from the start of the burst: 15 s in, it is +N.
    VirtualTime nanos = new VirtualTime();
    ChaosInjector injector =
        Chaos.injector(b -> b.clockSkewMs(30_000).clockSkewProbability(1.0), nanos);
    nanos.advanceNanos(15_000_000_000L);
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      BinanceClientException e =
          catchClient(() -> client(ex).createTrade().newOrder(order("k1", "20000.00")));
      assertThat(e.getErrorCode()).isEqualTo(-1021);
      assertThat(ex.ledgerSize()).isZero();
    }
  }

  @Test
  void aLostAnswerAfterExecutionIsAConnectorExceptionAndTheOrderExists() {
    ChaosInjector injector = Chaos.injector(b -> b.netLoss(1.0).unknownOutcomeShare(1.0));
    for (LostAnswer form : EnumSet.of(LostAnswer.RESET, LostAnswer.CUT_BODY)) {
      try (ExchangeServer ex =
          ExchangeServer.builder().injector(injector).lostAnswers(EnumSet.of(form)).start()) {
        assertThatThrownBy(() -> client(ex).createTrade().newOrder(order("l1", "20000.00")))
            .as(form.name())
            .isInstanceOf(BinanceConnectorException.class);
        assertThat(ex.ledgerSize()).as(form.name()).isEqualTo(1);
      }
    }
  }

  @Test
  void aRequestLostBeforeExecutionIsAConnectorExceptionAndNothingExecutes() {
    ChaosInjector injector = Chaos.injector(b -> b.netLoss(1.0).unknownOutcomeShare(0.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      assertThatThrownBy(() -> client(ex).createTrade().newOrder(order("n1", "20000.00")))
          .isInstanceOf(BinanceConnectorException.class);
      assertThat(ex.ledgerSize()).isZero();
    }
  }

  @Test
  void a5xxBeforeExecutionIsABinanceServerExceptionAndNothingExecutes() {
    ChaosInjector injector = Chaos.injector(b -> b.exch5xx(1.0).unknownOutcomeShare(0.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      BinanceServerException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              BinanceServerException.class,
              () -> client(ex).createTrade().newOrder(order("s0", "20000.00")));
      assertThat(e.getHttpStatusCode()).isBetween(500, 504);
      assertThat(ex.ledgerSize()).isZero();
    }
  }

  @Test
  void aCallerThatKeepsSendingInAStormIsBannedWith418AsABinanceClientException() {
    ChaosInjector injector = Chaos.injector(b -> b.rateLimitStorm(1.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      SpotClientImpl c = client(ex);
      java.util.List<Integer> statuses = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        BinanceClientException e = catchClient(() -> c.createMarket().time());
        assertThat(e.getErrorCode()).isEqualTo(-1003);
        statuses.add(e.getHttpStatusCode());
      }
      assertThat(statuses).containsExactly(429, 429, 429, 418);
    }
  }

  @Test
  void anAnswerLostInSilenceIsAConnectorTimeoutAndTheOrderExists() {
    // the connector's own OkHttp client reads for at most 10 s (OkHttp's default)
    ChaosInjector injector = Chaos.injector(b -> b.netLoss(1.0).unknownOutcomeShare(1.0));
    try (ExchangeServer ex =
        ExchangeServer.builder()
            .injector(injector)
            .lostAnswers(EnumSet.of(LostAnswer.SILENCE))
            .silenceMaxMs(60_000)
            .start()) {
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> client(ex).createTrade().newOrder(order("q1", "20000.00")))
          .isInstanceOf(BinanceConnectorException.class)
          // OkHttp's watchdog says "timeout", the socket's own read timeout "Read timed out":
          // which one fires first is a race between the two
          .hasMessageMatching("(?s).*(timeout|[Tt]imed out).*");
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isBetween(9L, 40L);
      assertThat(ex.ledgerSize()).isEqualTo(1);
    }
  }

  @Test
  void aStaleOrderViewReachesTheConnectorWhileTheLedgerIsRight() {
    ChaosInjector injector = Chaos.off();
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      SpotClientImpl c = client(ex);
      c.createTrade().newOrder(order("v1", "20000.00"));
      c.createTrade().newOrder(order("v2", "20000.00"));
      injector.update(Chaos.config(b -> b.reconcileMismatch(1.0)));
      Map<String, Object> sym = new LinkedHashMap<>();
      sym.put("symbol", "BTCUSDT");
      boolean differs = false;
      for (int i = 0; i < 4 && !differs; i++) {
        JSONArray open = new JSONArray(c.createTrade().getOpenOrders(sym));
        differs = open.length() != 2;
        for (int k = 0; k < open.length() && !differs; k++) {
          JSONObject o = open.getJSONObject(k);
          differs =
              !o.getString("status").equals("NEW")
                  || !o.getString("origQty").equals("0.01000000")
                  || !o.getString("clientOrderId").matches("v[12]");
        }
      }
      assertThat(differs).isTrue();
      assertThat(ex.openOrderCount()).isEqualTo(2);
    }
  }

  @Test
  void anAbnormalCloseOfTheStreamReachesTheConnectorsFailureCallback() throws InterruptedException {
    // 60 a minute (the most the config allows), checked every 100 ms: cut within seconds
    ChaosInjector injector = Chaos.injector(b -> b.wsDisconnect(60));
    try (ExchangeServer ex = ExchangeServer.builder().seed(4).injector(injector).start()) {
      WebSocketStreamClientImpl ws = new WebSocketStreamClientImpl(ex.wsUri().toString());
      java.util.List<Integer> streams = new java.util.ArrayList<>();
      LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
      try {
        streams.add(
            ws.bookTicker(
                "btcusdt",
                r -> events.add("open"),
                m -> {},
                (code, reason) -> events.add("closing " + code),
                (code, reason) -> events.add("closed " + code),
                (t, r) -> events.add("failure " + t.getClass().getSimpleName())));
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("open");
        // no close frame: OkHttp reports a failure, never a close code
        assertThat(events.poll(20, TimeUnit.SECONDS)).startsWith("failure ");
      } finally {
        closeEach(ws, streams);
      }
    }
  }

  @Test
  void aLaggingStreamDeliversTheTickerLateToTheConnector() throws InterruptedException {
    ChaosInjector injector = Chaos.injector(b -> b.wsLagMs(800).wsLagProbability(1.0));
    try (ExchangeServer ex = ExchangeServer.builder().seed(5).injector(injector).start()) {
      WebSocketStreamClientImpl ws = new WebSocketStreamClientImpl(ex.wsUri().toString());
      java.util.List<Integer> streams = new java.util.ArrayList<>();
      LinkedBlockingQueue<Long> opened = new LinkedBlockingQueue<>();
      LinkedBlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
      try {
        streams.add(
            ws.bookTicker(
                "btcusdt",
                r -> opened.add(System.nanoTime()),
                m -> arrivals.add(System.nanoTime()),
                (code, reason) -> {},
                (code, reason) -> {},
                (t, r) -> {}));
        long open = opened.poll(10, TimeUnit.SECONDS);
        long first = arrivals.poll(10, TimeUnit.SECONDS);
        // the first step comes 100 ms after the stream starts; held 800 ms more
        assertThat(TimeUnit.NANOSECONDS.toMillis(first - open)).isGreaterThanOrEqualTo(700);
      } finally {
        closeEach(ws, streams);
      }
    }
  }

  /**
   * Closes the test's own streams one by one: the connector's {@code closeAllConnections()} also
   * shuts down the executor of its static OkHttp client, after which no stream can be opened again
   * in this JVM ("executor rejected").
   */
  private static void closeEach(WebSocketStreamClientImpl ws, java.util.List<Integer> streams) {
    for (int id : streams) {
      ws.closeConnection(id);
    }
  }

  private static BinanceClientException catchClient(Runnable r) {
    return org.junit.jupiter.api.Assertions.assertThrows(BinanceClientException.class, r::run);
  }
}
