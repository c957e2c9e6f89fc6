package io.mmbot.chaos.examples.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.utils.httpclient.HttpClientSingleton;
import com.sun.net.httpserver.HttpServer;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DNS_FLAP in the connector (mm-chaos's OkHttp adapter on the bot's injector, every lookup of a
 * name failing): a call to the exchange by name that could not be sent for want of an address goes
 * to the address the name had at start-up, and the bot stays on it for a second, under {@code
 * DNS_FALLBACK}. Against a JDK HTTP server on 127.0.0.1, reached as {@code localhost}.
 */
class DnsFallbackTest {

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final OkHttpClient original = HttpClientSingleton.getHttpClient();
  private final ChaosInjector injector =
      ChaosInjector.create(
          ChaosConfig.builder()
              .enabled(true)
              .dryRun(false)
              .burstOffSec(0)
              .dnsFlap(1.0)
              .dnsFlapEvictPool(true)
              .build());

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext(
        "/",
        ex -> {
          requests.incrementAndGet();
          byte[] body = "{\"serverTime\":1}".getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "application/json");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    ConnectorHttp.install(
        new RetryAfterTap(new RateLimitGate(now::get)), Duration.ofSeconds(5), injector);
  }

  @AfterEach
  void stopServer() {
    ConnectorHttp.replace(original);
    server.stop(0);
  }

  private ExchangeCalls calls(boolean withFallback) {
    int port = server.getAddress().getPort();
    return new ExchangeCalls(
        new SpotClientImpl("k", "s", "http://localhost:" + port),
        withFallback ? new SpotClientImpl("k", "s", "http://127.0.0.1:" + port) : null,
        "BTCUSDT",
        Clock.systemUTC(),
        null,
        now::get);
  }

  @Test
  void aCallWithoutAnAddressGoesToTheStartUpAddressAndTheBotStaysThereForASecond() {
    ExchangeCalls calls = calls(true);
    Outcome o = calls.serverTime(Long.MAX_VALUE);
    assertThat(o.kind()).isEqualTo(Outcome.Kind.OK);
    assertThat(requests).hasValue(1);
    assertThat(injector.injections(Scenario.DNS_FLAP)).isPositive();
    assertThat(calls.onFallback()).isTrue();

    long flaps = injector.injections(Scenario.DNS_FLAP);
    assertThat(calls.serverTime(Long.MAX_VALUE).ok()).isTrue();
    assertThat(injector.injections(Scenario.DNS_FLAP))
        .as("no lookup while on the fallback")
        .isEqualTo(flaps);

    injector.disable("MANUAL");
    now.addAndGet(1_000_000_001L);
    assertThat(calls.serverTime(Long.MAX_VALUE).ok()).isTrue();
    assertThat(calls.onFallback()).as("back on the name once its lookup works").isFalse();
    assertThat(requests).hasValue(3);
  }

  @Test
  void withoutAFallbackTheCallIsNotSentForWantOfAnAddress() {
    Outcome o = calls(false).serverTime(Long.MAX_VALUE);
    assertThat(o.kind()).isEqualTo(Outcome.Kind.NO_ADDRESS);
    assertThat(requests).hasValue(0);
  }
}
