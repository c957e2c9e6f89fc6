package io.mmbot.chaos.examples.exchange.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.examples.bot.BotConfig;
import io.mmbot.chaos.examples.bot.ResilientBot;
import io.mmbot.chaos.examples.exchange.ConnectorChaos;
import io.mmbot.chaos.exchange.Endpoint;
import io.mmbot.chaos.exchange.ExchangeRules;
import io.mmbot.chaos.exchange.OrderStatus;
import io.mmbot.chaos.exchange.OrderView;
import io.mmbot.chaos.exchange.RestCall;
import io.mmbot.chaos.exchange.Side;
import io.mmbot.chaos.exchange.server.ExchangeServer;
import io.mmbot.chaos.metrics.ChaosMetrics;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LoopbackExchangeTest {

  @Test
  void theBotQuotesOverTheExchangeServersWireAndEverythingIsClosedAfterTheRun() throws Exception {
    InetSocketAddress httpAddr;
    InetSocketAddress wsAddr;
    ChaosConfig off = ChaosConfig.builder().enabled(false).seed(1L).build();
    LongSupplier time = LoopbackExchange.clockFor();
    ChaosInjector injector = ChaosInjector.builder().config(off).nanoClock(time).build();
    AtomicInteger ticks = new AtomicInteger();
    int placed;
    try (ExchangeServer server = ExchangeServer.builder().seed(7).start();
        LoopbackExchange x =
            LoopbackExchange.connect(server, ConnectorChaos.of(injector, time), 7, false);
        ChaosMetrics metrics = ChaosMetrics.bind(injector, new SimpleMeterRegistry())) {
      httpAddr = new InetSocketAddress(server.restUri().getHost(), server.restUri().getPort());
      wsAddr = new InetSocketAddress(server.wsUri().getHost(), server.wsUri().getPort());
      assertThat(httpAddr.getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
      assertThat(wsAddr.getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
      assertThat(x.resolver().resolve(LoopbackExchange.PRIMARY_HOST).get(0).getAddress())
          .containsExactly(127, 0, 0, 1);
      assertThat(x.listenKey()).hasSize(64);
      ResilientBot bot =
          new ResilientBot(x, BotConfig.defaults(), ConnectorChaos.of(injector, time), metrics, 7);
      bot.run(x.nanoTime() + 6_000_000_000L, r -> ticks.incrementAndGet());
      placed = server.ledgerSize();
      System.out.println(
          "loopback exchange test: "
              + ticks.get()
              + " ticks, "
              + placed
              + " orders placed, guards "
              + io.mmbot.chaos.examples.bot.GuardReason.describe(bot.guardsSeen()));
      // Every order in the exchange's ledger came in as a signed POST /api/v3/order.
      long rejected = server.readRules(r -> r.timestampRejections());
      assertThat(rejected).isZero();
    }
    // The bot quoted over Binance's REST, with prices from Binance's book ticker stream.
    assertThat(ticks.get()).isBetween(10, 12);
    assertThat(placed).isPositive();
    assertRefused(httpAddr);
    assertRefused(wsAddr);
    for (Thread t : threads()) {
      t.join(5_000);
      assertThat(t.isAlive()).as(t.getName() + " still running").isFalse();
    }
  }

  @Test
  void placeQueryAndCancelTravelAsBinanceRequestsAndAnswers() throws Exception {
    ChaosConfig off = ChaosConfig.builder().enabled(false).seed(1L).build();
    LongSupplier time = LoopbackExchange.clockFor();
    ChaosInjector injector = ChaosInjector.builder().config(off).nanoClock(time).build();
    try (ExchangeServer server = ExchangeServer.builder().seed(5).start();
        LoopbackExchange x =
            LoopbackExchange.connect(server, ConnectorChaos.of(injector, time), 5, false)) {
      InetAddress a = x.resolver().resolve(LoopbackExchange.PRIMARY_HOST).get(0);
      RestCall depth = RestCall.of(Endpoint.DEPTH_SNAPSHOT).address(a);
      x.execute(List.of(depth), x.nanoTime() + 2_000_000_000L);
      assertThat(depth.ok()).isTrue();
      // far below the market: the market moves in real time, and on a busy machine a bid 50 ticks
      // under the best was filled before the cancel arrived (open orders empty, cancel -2011)
      long price = depth.bidTicks() / 2;
      RestCall place =
          RestCall.place("mm-wire-1", Side.BUY, price, 10)
              .signed(System.currentTimeMillis(), 5_000)
              .address(a);
      x.execute(List.of(place), x.nanoTime() + 2_000_000_000L);
      assertThat(place.ok()).as(place.toString()).isTrue();
      assertThat(place.order().clientOrderId()).isEqualTo("mm-wire-1");
      assertThat(place.order().priceTicks()).isEqualTo(price);
      assertThat(place.order().qty()).isEqualTo(10);
      assertThat(place.order().status()).isEqualTo(OrderStatus.NEW);
      assertThat(place.serverTimeMs()).isPositive(); // Binance's transactTime
      assertThat(server.ledgerSize()).isEqualTo(1);
      String inLedger = server.readRules(r -> r.ledger().entries().get(0).clientOrderId());
      assertThat(inLedger).isEqualTo("mm-wire-1");

      RestCall query =
          RestCall.byId(Endpoint.QUERY_ORDER, "mm-wire-1")
              .signed(System.currentTimeMillis(), 5_000)
              .address(a);
      RestCall open =
          RestCall.of(Endpoint.OPEN_ORDERS).signed(System.currentTimeMillis(), 5_000).address(a);
      x.execute(List.of(query, open), x.nanoTime() + 2_000_000_000L);
      assertThat(query.ok()).isTrue();
      assertThat(query.order().priceTicks()).isEqualTo(price);
      assertThat(open.orders()).extracting(OrderView::clientOrderId).containsExactly("mm-wire-1");
      assertThat(open.serverTimeMs()).isPositive(); // the connector's reading of the server clock

      RestCall cancel =
          RestCall.byId(Endpoint.CANCEL_ORDER, "mm-wire-1")
              .signed(System.currentTimeMillis(), 5_000)
              .address(a);
      RestCall again =
          RestCall.byId(Endpoint.CANCEL_ORDER, "mm-wire-2")
              .signed(System.currentTimeMillis(), 5_000)
              .address(a);
      x.execute(List.of(cancel, again), x.nanoTime() + 2_000_000_000L);
      assertThat(cancel.ok()).isTrue();
      assertThat(cancel.order().clientOrderId()).isEqualTo("mm-wire-1");
      assertThat(cancel.order().status()).isEqualTo(OrderStatus.CANCELED);
      assertThat(again.httpStatus()).isEqualTo(400);
      assertThat(again.errorCode()).isEqualTo(ExchangeRules.ERR_CANCEL_UNKNOWN);
      assertThat(server.openOrderCount()).isZero();
    }
  }

  @Test
  void aRequestTheRulesRejectIsAnsweredWithBinancesCodeAndHeaders() throws Exception {
    ChaosConfig off = ChaosConfig.builder().enabled(false).seed(1L).build();
    LongSupplier time = LoopbackExchange.clockFor();
    ChaosInjector injector = ChaosInjector.builder().config(off).nanoClock(time).build();
    try (ExchangeServer server = ExchangeServer.builder().seed(3).start();
        LoopbackExchange x =
            LoopbackExchange.connect(server, ConnectorChaos.of(injector, time), 3, false)) {
      InetAddress a = x.resolver().resolve(LoopbackExchange.PRIMARY_HOST).get(0);
      RestCall stale =
          RestCall.of(Endpoint.OPEN_ORDERS).signed(System.currentTimeMillis() - 60_000, 5_000);
      RestCall depth = RestCall.of(Endpoint.DEPTH_SNAPSHOT);
      x.execute(List.of(stale.address(a), depth.address(a)), x.nanoTime() + 2_000_000_000L);
      assertThat(stale.httpStatus()).isEqualTo(400);
      assertThat(stale.errorCode()).isEqualTo(-1021);
      // 2 for the listen key, 6 for openOrders, and 5 for the depth if it came first
      assertThat(stale.usedWeight()).isIn(8, 13);
      assertThat(depth.ok()).isTrue();
      assertThat(depth.askTicks()).isGreaterThan(depth.bidTicks()).isPositive();
      long rejected = server.readRules(r -> r.timestampRejections());
      assertThat(rejected).isEqualTo(1);
    }
  }

  @Test
  void theConnectorsSignatureIsBinancesAndTheExchangeChecksIt() throws Exception {
    // The worked example of Binance's REST API documentation (SIGNED endpoint examples).
    String docSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    assertThat(
            new BinanceWire(docSecret)
                .sign(
                    "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
                        + "&recvWindow=5000&timestamp=1499827319559"))
        .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");

    try (ExchangeServer server = ExchangeServer.builder().seed(9).start()) {
      HttpClient client = HttpClient.newHttpClient();
      String ticker =
          client
              .send(
                  HttpRequest.newBuilder(
                          server.restUri().resolve("/api/v3/ticker/bookTicker?symbol=BTCUSDT"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      long bid = BinanceWire.units(BinanceWire.parse(ticker).path("bidPrice").asText(), 2);
      RestCall ok =
          RestCall.place("mm-sig-1", Side.BUY, bid - 10, 5)
              .signed(System.currentTimeMillis(), 5_000);
      String q = new BinanceWire(server.apiSecret()).query(ok);
      assertThat(q)
          .startsWith("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.005&price=")
          .contains("&newClientOrderId=mm-sig-1&")
          .containsPattern("&recvWindow=5000&timestamp=\\d+&signature=[0-9a-f]{64}$");
      HttpResponse<String> accepted = post(client, server, q);
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
      assertThat(accepted.body()).contains("\"clientOrderId\":\"mm-sig-1\"");

      RestCall forged =
          RestCall.place("mm-sig-2", Side.BUY, bid - 10, 5)
              .signed(System.currentTimeMillis(), 5_000);
      HttpResponse<String> refused =
          post(client, server, new BinanceWire("another-secret").query(forged));
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(BinanceWire.parse(refused.body()).path("code").asInt()).isEqualTo(-1022);
      assertThat(server.ledgerSize()).isEqualTo(1);
    }
  }

  private static HttpResponse<String> post(HttpClient client, ExchangeServer server, String q)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(server.restUri().resolve("/api/v3/order?" + q))
            .header(BinanceWire.API_KEY_HEADER, server.apiKey())
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A closed listener refuses connections. Up to three attempts: on Linux a connection to a free
   * loopback port in the ephemeral range can, rarely, connect to itself (its source port drawn
   * equal to the target), which a listener that is still open would not explain on every attempt.
   */
  private static void assertRefused(InetSocketAddress a) throws IOException {
    int accepted = 0;
    for (int attempt = 0; attempt < 3; attempt++) {
      try (Socket s = new Socket()) {
        s.connect(a, 1_000);
        accepted++;
      } catch (ConnectException refused) {
        return;
      }
    }
    assertThat(accepted).as("connections accepted on " + a + " after close").isZero();
  }

  private static List<Thread> threads() throws IOException {
    List<Thread> out = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("loopback-") || t.getName().startsWith("chaos-exchange")) {
        out.add(t);
      }
    }
    return out;
  }
}
