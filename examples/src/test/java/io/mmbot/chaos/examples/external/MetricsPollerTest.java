package io.mmbot.chaos.examples.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.mmbot.chaos.testsupport.Await;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The poller against a real JDK HTTP server on 127.0.0.1. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MetricsPollerTest {

  private static final Duration PERIOD = Duration.ofMillis(200);
  private static final Duration WAIT = Duration.ofSeconds(10);

  private HttpServer server;
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicReference<String> page =
      new AtomicReference<>(
          "# TYPE mm_tick_deadline_miss_total counter\n"
              + "mm_tick_deadline_miss_total 2\n"
              + "mm_tick_total_ms_bucket{le=\"+Inf\"} 7\n"
              + "mm_tick_total_ms_count 7\n"
              + "mm_bot_guard_active{reason=\"STALE_BOOK\"} 1\n");

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/metrics",
        exchange -> {
          hits.incrementAndGet();
          byte[] body = page.get().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status.get(), body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void scrapesAtLeastFourTimesASecondWithAPeriodOf200Ms() throws Exception {
    try (MetricsPoller poller = new MetricsPoller(url(), PERIOD, System::nanoTime)) {
      poller.start();
      Await.until("11 scrapes", WAIT, () -> poller.scrapes().size() >= 11);
      List<Scrape> scrapes = poller.scrapes();
      // A fixed-rate schedule never starts scrape k before k periods have passed since the first,
      // so ten intervals cannot be much shorter than 2 s; 2.5 s is the 4-a-second floor.
      long tenIntervals = scrapes.get(10).atNanos() - scrapes.get(0).atNanos();
      assertThat(Duration.ofNanos(tenIntervals))
          .isGreaterThan(Duration.ofMillis(1500))
          .isLessThanOrEqualTo(Duration.ofMillis(2500));
      assertThat(poller.failures()).isZero();
      assertThat(scrapes.get(0).value("mm_tick_deadline_miss_total", Map.of())).isEqualTo(2.0);
    }
  }

  @Test
  void stampsEachScrapeWithTheMiddleOfItsRoundTripOnTheInjectedClock() throws Exception {
    AtomicLong clock = new AtomicLong();
    // Each reading advances the clock by 1000: a scrape reads it before and after its request.
    try (MetricsPoller poller = new MetricsPoller(url(), PERIOD, () -> clock.addAndGet(1000))) {
      poller.start();
      Await.until("3 scrapes", WAIT, () -> poller.scrapes().size() >= 3);
      assertThat(poller.scrapes().subList(0, 3))
          .extracting(Scrape::atNanos)
          .containsExactly(1500L, 3500L, 5500L);
    }
  }

  @Test
  void missingNamesTheRequiredMetricsNoScrapeHad() throws Exception {
    try (MetricsPoller poller = new MetricsPoller(url(), PERIOD, System::nanoTime)) {
      poller.start();
      Await.until("a scrape", WAIT, () -> !poller.scrapes().isEmpty());
      List<String> required =
          List.of(
              "mm_tick_total_ms",
              "mm_tick_deadline_miss_total",
              "mm_reconnect_attempts_total",
              "mm_bot_guard_active",
              "mm_bot_guards_raised_total");
      assertThat(MetricsPoller.missing(poller.scrapes(), required))
          .containsExactly("mm_reconnect_attempts_total", "mm_bot_guards_raised_total");

      page.set("mm_reconnect_attempts_total{kind=\"ws\"} 1\n");
      Await.until(
          "a scrape of the new page", WAIT, () -> last(poller).has("mm_reconnect_attempts_total"));
      assertThat(MetricsPoller.missing(poller.scrapes(), required))
          .containsExactly("mm_bot_guards_raised_total");
    }
    assertThat(MetricsPoller.missing(List.of(), List.of("a", "b"))).containsExactly("a", "b");
  }

  @Test
  void countsAnEndpointThatIsDownAndGoesOn() throws Exception {
    int port = Ports.freePort();
    URI down = URI.create("http://127.0.0.1:" + port + "/metrics");
    try (MetricsPoller poller = new MetricsPoller(down, PERIOD, System::nanoTime)) {
      poller.start();
      Await.until("3 failures", WAIT, () -> poller.failures() >= 3);
      assertThat(poller.scrapes()).isEmpty();
      assertThat(poller.lastFailure()).contains("Connection refused");
    }
  }

  @Test
  void countsAnErrorStatusAndAPageThatDoesNotParseAndRecovers() throws Exception {
    try (MetricsPoller poller = new MetricsPoller(url(), PERIOD, System::nanoTime)) {
      status.set(500);
      poller.start();
      Await.until("2 failures", WAIT, () -> poller.failures() >= 2);
      assertThat(poller.lastFailure()).isEqualTo("HTTP 500");

      int before = poller.failures();
      String good = page.getAndSet("mm_x{ 1\n");
      status.set(200);
      Await.until("a parse failure", WAIT, () -> poller.lastFailure().contains("line 1"));
      assertThat(poller.failures()).isGreaterThan(before);
      assertThat(poller.scrapes()).isEmpty();

      page.set(good);
      Await.until("a good scrape", WAIT, () -> !poller.scrapes().isEmpty());
    }
  }

  @Test
  void closeStopsTheThread() throws Exception {
    MetricsPoller poller = new MetricsPoller(url(), PERIOD, System::nanoTime);
    poller.start();
    Await.until("a scrape", WAIT, () -> !poller.scrapes().isEmpty());
    assertThat(pollerThreads()).isNotEmpty();

    poller.close();

    assertThat(pollerThreads()).isEmpty();
    poller.close(); // idempotent
    assertThat(hits.get()).isPositive();
  }

  private List<Thread> pollerThreads() {
    String name = "metrics-poller " + url();
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(name) && t.isAlive())
        .toList();
  }

  private static Scrape last(MetricsPoller poller) {
    List<Scrape> s = poller.scrapes();
    return s.get(s.size() - 1);
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
  }
}
