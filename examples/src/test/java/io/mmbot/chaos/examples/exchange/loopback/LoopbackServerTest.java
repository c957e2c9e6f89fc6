package io.mmbot.chaos.examples.exchange.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.examples.bot.BotConfig;
import io.mmbot.chaos.examples.bot.ResilientBot;
import io.mmbot.chaos.exchange.Endpoint;
import io.mmbot.chaos.exchange.RestCall;
import io.mmbot.chaos.metrics.ChaosMetrics;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LoopbackServerTest {

  @Test
  void acceptKeyIsTheOneOfRfc6455() {
    // The worked example of RFC 6455 section 1.3.
    assertThat(WsServer.acceptKey("dGhlIHNhbXBsZSBub25jZQ=="))
        .isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  }

  @Test
  void serversBindLoopbackOnlyAndAreClosedAfterARun() throws Exception {
    InetSocketAddress httpAddr;
    InetSocketAddress wsAddr;
    InetSocketAddress ws2Addr;
    ChaosConfig off = ChaosConfig.builder().enabled(false).seed(1L).build();
    LongSupplier time = LoopbackExchange.clockFor();
    ChaosInjector injector = ChaosInjector.builder().config(off).nanoClock(time).build();
    AtomicInteger ticks = new AtomicInteger();
    int placed;
    try (LoopbackServer server = LoopbackServer.start(7, false);
        LoopbackExchange x = LoopbackExchange.connect(server, injector, time);
        ChaosMetrics metrics = ChaosMetrics.bind(injector, new SimpleMeterRegistry())) {
      httpAddr = server.httpAddress();
      wsAddr = server.wsAddress(false);
      ws2Addr = server.wsAddress(true);
      assertThat(httpAddr.getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
      assertThat(wsAddr.getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
      assertThat(ws2Addr.getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
      assertThat(x.resolver().resolve(LoopbackExchange.PRIMARY_HOST).get(0).getAddress())
          .containsExactly(127, 0, 0, 1);
      ResilientBot bot = new ResilientBot(x, BotConfig.defaults(), injector, metrics, 7);
      bot.run(x.nanoTime() + 6_000_000_000L, r -> ticks.incrementAndGet());
      placed = server.read(r -> r.ledger().size());
      System.out.println(
          "loopback server test: "
              + ticks.get()
              + " ticks, "
              + placed
              + " orders placed, guards "
              + io.mmbot.chaos.examples.bot.GuardReason.describe(bot.guardsSeen()));
      assertThat(server.wsOpened()).isEqualTo(1);
    }
    // The bot quoted over real HTTP, with prices from the real WebSocket.
    assertThat(ticks.get()).isBetween(10, 12);
    assertThat(placed).isPositive();
    assertRefused(httpAddr);
    assertRefused(wsAddr);
    assertRefused(ws2Addr);
    for (Thread t : loopbackThreads()) {
      t.join(5_000);
      assertThat(t.isAlive()).as(t.getName() + " still running").isFalse();
    }
  }

  @Test
  void aRequestTheRulesRejectIsAnsweredWithTheExchangesCodeAndHeaders() throws Exception {
    ChaosConfig off = ChaosConfig.builder().enabled(false).seed(1L).build();
    LongSupplier time = LoopbackExchange.clockFor();
    ChaosInjector injector = ChaosInjector.builder().config(off).nanoClock(time).build();
    try (LoopbackServer server = LoopbackServer.start(3, false);
        LoopbackExchange x = LoopbackExchange.connect(server, injector, time)) {
      InetAddress a = x.resolver().resolve(LoopbackExchange.PRIMARY_HOST).get(0);
      RestCall stale =
          RestCall.of(Endpoint.OPEN_ORDERS).signed(System.currentTimeMillis() - 60_000, 5_000);
      RestCall depth = RestCall.of(Endpoint.DEPTH_SNAPSHOT);
      x.execute(List.of(stale.address(a), depth.address(a)), x.nanoTime() + 2_000_000_000L);
      assertThat(stale.httpStatus()).isEqualTo(400);
      assertThat(stale.errorCode()).isEqualTo(-1021);
      assertThat(stale.usedWeight()).isIn(6, 11); // with or without the depth call before it
      assertThat(depth.ok()).isTrue();
      assertThat(depth.askTicks()).isGreaterThan(depth.bidTicks()).isPositive();
      long rejected = server.read(r -> r.timestampRejections());
      assertThat(rejected).isEqualTo(1);
    }
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

  private static List<Thread> loopbackThreads() throws IOException {
    List<Thread> out = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("loopback-")) {
        out.add(t);
      }
    }
    return out;
  }
}
