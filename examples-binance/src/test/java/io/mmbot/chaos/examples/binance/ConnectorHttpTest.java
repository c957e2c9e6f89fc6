package io.mmbot.chaos.examples.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.utils.httpclient.HttpClientSingleton;
import com.sun.net.httpserver.HttpServer;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot's one reach into binance-connector-java: its private static OkHttp client replaced with a
 * copy carrying the {@link RetryAfterTap} (and, without the agent, mm-chaos's OkHttp adapter).
 * Against a JDK HTTP server on 127.0.0.1 answering 429 with {@code Retry-After: 7}: the connector's
 * exception has no headers, the gate closes for the 7 seconds anyway.
 */
class ConnectorHttpTest {

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private final OkHttpClient original = HttpClientSingleton.getHttpClient();

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext(
        "/",
        ex -> {
          requests.incrementAndGet();
          byte[] body =
              "{\"code\":-1003,\"msg\":\"Too much request weight used\"}"
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "application/json");
          ex.getResponseHeaders().set("Retry-After", "7");
          ex.sendResponseHeaders(429, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    ConnectorHttp.replace(original);
    server.stop(0);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void retryAfterOfA429ReachesTheGateThoughTheConnectorDropsTheHeaders() {
    RateLimitGate gate = new RateLimitGate(now::get);
    ConnectorHttp.install(new RetryAfterTap(gate), Duration.ofSeconds(5), null);

    Outcome o =
        ExchangeCalls.classify(() -> new SpotClientImpl("k", "s", base()).createMarket().time());

    assertThat(o.kind()).isEqualTo(Outcome.Kind.RATE_LIMITED);
    assertThat(o.code()).isEqualTo(-1003);
    assertThat(requests).hasValue(1);
    now.addAndGet(6_999_000_000L);
    assertThat(gate.isOpen()).isFalse();
    now.addAndGet(1_000_000L);
    assertThat(gate.isOpen()).isTrue();
    OkHttpClient c = HttpClientSingleton.getHttpClient();
    assertThat(c.interceptors().get(0)).isInstanceOf(RetryAfterTap.class);
    assertThat(c.callTimeoutMillis()).isEqualTo(5_000);
  }

  @Test
  void withoutTheAgentTheBotsOwnInjectorReachesTheConnectorsRestCalls() {
    ChaosInjector injector =
        ChaosInjector.create(
            ChaosConfig.builder()
                .enabled(true)
                .dryRun(false)
                .burstOffSec(0)
                .netLoss(1.0)
                .unknownOutcomeShare(0.0)
                .build());
    ConnectorHttp.install(null, Duration.ofSeconds(5), injector);

    Outcome o =
        ExchangeCalls.classify(() -> new SpotClientImpl("k", "s", base()).createMarket().time());

    assertThat(o.kind()).isEqualTo(Outcome.Kind.UNKNOWN);
    assertThat(requests).as("a loss before sending reaches no server").hasValue(0);
    injector.disable("MANUAL");
  }

  @Test
  void withoutTheAgentTheTapAlsoReadsTheRetryAfterOfA429MadeUpByTheBotsOwnInjector() {
    ChaosInjector injector =
        ChaosInjector.create(
            ChaosConfig.builder().enabled(true).dryRun(false).burstOffSec(0).exch429(1.0).build());
    RateLimitGate gate = new RateLimitGate(now::get);
    ConnectorHttp.install(new RetryAfterTap(gate), Duration.ofSeconds(5), injector);

    Outcome o =
        ExchangeCalls.classify(() -> new SpotClientImpl("k", "s", base()).createMarket().time());

    assertThat(o.kind()).isEqualTo(Outcome.Kind.RATE_LIMITED);
    assertThat(requests).as("the 429 was made up in the bot").hasValue(0);
    assertThat(gate.isOpen()).isFalse();
    now.addAndGet(1_000_000_000L);
    assertThat(gate.isOpen()).as("the adapter's Retry-After is 1 s").isTrue();
    injector.disable("MANUAL");
  }

  @Test
  void theRetryAfterValueIsReadAsWholeSecondsAndIgnoredWhenItIsNotANumber() {
    assertThat(RetryAfterTap.seconds(" 12 ")).isEqualTo(12L);
    assertThat(RetryAfterTap.seconds("-3")).isEqualTo(0L);
    assertThat(RetryAfterTap.seconds("Wed, 21 Oct 2015 07:28:00 GMT")).isNull();
    assertThat(RetryAfterTap.seconds(null)).isNull();
  }
}
