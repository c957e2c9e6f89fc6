package io.mmbot.chaos.examples.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.dns.HostResolver;
import io.mmbot.chaos.exchange.OrderStatus;
import io.mmbot.chaos.exchange.OrderView;
import io.mmbot.chaos.exchange.Side;
import io.mmbot.chaos.http.ChaosHttpClient;
import io.mmbot.chaos.http.HttpFault;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Each of the things {@link ConnectorChaos} wires takes its faults from the one injector: with the
 * scenario certain every call is struck, with chaos off none is. (The WebSocket it builds is run
 * against a real server in the loopback tests, where WS_DISCONNECT and WS_LAG strike through it.)
 */
class ConnectorChaosTest {

  private final AtomicLong nanos = new AtomicLong();

  private ConnectorChaos wiring(ChaosConfig config) {
    ChaosInjector injector = ChaosInjector.builder().config(config).nanoClock(nanos::get).build();
    return ConnectorChaos.of(injector, nanos::get);
  }

  private static ChaosConfig.Builder chaos() {
    return ChaosConfig.builder().enabled(true).dryRun(false).seed(3L);
  }

  private static ChaosConfig off() {
    return ChaosConfig.builder().enabled(false).seed(3L).build();
  }

  private final HostResolver machine =
      host -> List.of(InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7}));

  @Test
  void dnsFlapStrikesTheResolverItWraps() throws Exception {
    HostResolver flapping = wiring(chaos().dnsFlap(1.0).build()).dns(machine);
    assertThatThrownBy(() -> flapping.resolve("exchange.test"))
        .isInstanceOf(UnknownHostException.class);
    assertThat(wiring(off()).dns(machine).resolve("exchange.test")).hasSize(1);
  }

  @Test
  void clockSkewStrikesEveryReadOfTheClockItWraps() {
    Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    ConnectorChaos skewed = wiring(chaos().clockSkewMs(500).build());
    nanos.set(20_000_000_000L);
    Clock clock = skewed.clock(fixed);
    for (int i = 0; i < 5; i++) {
      clock.millis();
    }
    assertThat(skewed.injector().injections(Scenario.CLOCK_SKEW)).isEqualTo(5);
    ConnectorChaos quiet = wiring(off());
    assertThat(quiet.clock(fixed).millis()).isEqualTo(fixed.millis());
    assertThat(quiet.injector().injections(Scenario.CLOCK_SKEW)).isZero();
  }

  @Test
  void reconcileMismatchPerturbsTheOrderViewWithGhostsOfTheGivenPrefix() {
    List<OrderView> open = List.of(new OrderView("mmB1", Side.BUY, 100, 2, OrderStatus.NEW, 0));
    List<OrderView> seen = new ArrayList<>();
    var view = wiring(chaos().reconcileMismatch(1.0).build()).orderView("mm");
    for (int i = 0; i < 20; i++) {
      seen.addAll(view.view(open).orders());
    }
    assertThat(seen).isNotEqualTo(Collections.nCopies(20, open.get(0)));
    assertThat(seen)
        .filteredOn(o -> !o.clientOrderId().equals("mmB1"))
        .allMatch(o -> o.clientOrderId().matches("mmG\\d+-0"));
    assertThat(wiring(off()).orderView("mm").view(open).orders()).isEqualTo(open);
  }

  @Test
  void exchangeErrorsStrikeTheHttpClientItWrapsAndAreHeardByTheListener() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3/time");
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
      List<HttpFault> faults = new ArrayList<>();
      // a client of its own for each wrapper: closing the wrapper closes the JDK client (JDK 21+)
      HttpClient jdk = HttpClient.newHttpClient();
      try (ChaosHttpClient http = wiring(chaos().exch5xx(1.0).build()).http(jdk, faults::add)) {
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
            .isBetween(500, 599);
      }
      assertThat(faults).hasSize(1);
      try (ChaosHttpClient http = wiring(off()).http(HttpClient.newHttpClient(), faults::add)) {
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
            .isEqualTo(200);
      }
      assertThat(faults).hasSize(1);
    } finally {
      server.stop(0);
    }
  }
}
