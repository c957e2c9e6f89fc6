package io.mmbot.chaos.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.HttpFault.Outcome;
import io.mmbot.chaos.http.internal.ExchangeAnswers;
import io.mmbot.chaos.testing.LoopbackHttpServer;
import io.mmbot.chaos.testsupport.Binomial;
import io.mmbot.chaos.time.VirtualTime;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChaosHttpClientTest {

  private LoopbackHttpServer server;
  private HttpClient plain;
  private final VirtualTime clock = new VirtualTime();
  private final List<HttpFault> faults = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = new LoopbackHttpServer();
    plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static ChaosConfig.Builder chaos() {
    return ChaosConfig.builder().enabled(true).dryRun(false).burstOffSec(0).seed(42L);
  }

  private ChaosInjector injector(ChaosConfig config) {
    return ChaosInjector.builder().config(config).nanoClock(clock).build();
  }

  private ChaosHttpClient client(ChaosInjector injector) {
    return ChaosHttpClient.builder(plain, injector).nanoClock(clock).listener(faults::add).build();
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void passesEveryCallThroughUnchangedWhenChaosIsOff() throws Exception {
    ChaosHttpClient http = client(injector(ChaosConfig.defaults()));
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> r = http.send(get("/off/" + i), BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(LoopbackHttpServer.BODY);
    }
    assertThat(server.received()).isEqualTo(20);
    assertThat(faults).isEmpty();
  }

  @Test
  void dryRunCountsWouldBeFaultsButPerturbsNothing() throws Exception {
    ChaosInjector injector = injector(chaos().dryRun(true).netLoss(1.0).build());
    ChaosHttpClient http = client(injector);
    for (int i = 0; i < 10; i++) {
      assertThat(http.send(get("/dry"), BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
    assertThat(server.received()).isEqualTo(10);
    assertThat(injector.wouldBeInjections(Scenario.NET_LOSS)).isEqualTo(10);
    assertThat(faults).isEmpty();
  }

  @Test
  void passesThroughBetweenBursts() throws Exception {
    ChaosInjector injector = injector(chaos().netLoss(1.0).burstOnSec(30).burstOffSec(90).build());
    ChaosHttpClient http = client(injector);
    assertThatThrownBy(() -> http.send(get("/on"), BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
    clock.advance(Duration.ofSeconds(31));
    assertThat(http.send(get("/off"), BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    assertThat(server.paths()).containsExactly("/off");
  }

  @Test
  void lossBeforeSendingFailsAtOnceAndNeverReachesTheServer() {
    ChaosHttpClient http = client(injector(chaos().netLoss(1.0).unknownOutcomeShare(0).build()));
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> http.send(get("/order"), BodyHandlers.ofString()))
          .isInstanceOf(IOException.class)
          .isExactlyInstanceOf(ConnectException.class)
          .hasCauseExactlyInstanceOf(ConnectException.class);
    }
    assertThat(server.received()).isZero();
    assertThat(faults).hasSize(5).allMatch(f -> f.outcome() == Outcome.NOT_SENT);
  }

  @Test
  void lossAfterSendingReachesTheServerAndTheCallerStillTimesOut() {
    ChaosHttpClient http = client(injector(chaos().netLoss(1.0).unknownOutcomeShare(1).build()));
    HttpRequest req =
        HttpRequest.newBuilder(server.uri("/order?clientId=a1"))
            .timeout(
                Duration.ofMillis(300)) // also the real call's timeout: roomy on a busy machine
            .build();
    long start = System.nanoTime();
    assertThatThrownBy(() -> http.send(req, BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class)
        .hasMessage("request timed out");
    assertThat(System.nanoTime() - start)
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
    assertThat(server.paths()).containsExactly("/order?clientId=a1");
    assertThat(faults)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.outcome()).isEqualTo(Outcome.RESPONSE_LOST);
              assertThat(f.outcomeUnknown()).isTrue();
              assertThat(f.request()).isSameAs(req);
            });
  }

  @Test
  void serverErrorAfterSendingReplacesARealResponse() throws Exception {
    ChaosHttpClient http = client(injector(chaos().exch5xx(1.0).unknownOutcomeShare(1).build()));
    for (int i = 0; i < 8; i++) {
      HttpResponse<String> r = http.send(get("/order/" + i), BodyHandlers.ofString());
      assertThat(r.statusCode()).isIn(500, 502, 503, 504);
      assertThat(r.body()).contains("execution status unknown").doesNotContain("orderId");
    }
    assertThat(server.received()).isEqualTo(8);
    assertThat(faults).hasSize(8).allMatch(f -> f.outcome() == Outcome.RESPONSE_REPLACED);
  }

  @Test
  void serverErrorBeforeSendingNeverReachesTheServer() throws Exception {
    ChaosHttpClient http = client(injector(chaos().exch5xx(1.0).unknownOutcomeShare(0).build()));
    HttpResponse<String> r = http.send(get("/order"), BodyHandlers.ofString());
    assertThat(r.statusCode()).isIn(500, 502, 503, 504);
    assertThat(server.received()).isZero();
    assertThat(faults).singleElement().extracting(HttpFault::outcome).isEqualTo(Outcome.NOT_SENT);
  }

  @Test
  void unknownOutcomeShareAndStatusMixMatchTheConfigurationWithinBinomialBounds() throws Exception {
    int n = 400;
    ChaosHttpClient http = client(injector(chaos().exch5xx(1.0).unknownOutcomeShare(0.5).build()));
    Map<Integer, Long> byStatus =
        sendAll(http, n).stream()
            .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    long replaced = faults.stream().filter(HttpFault::outcomeUnknown).count();
    assertThat(replaced).isBetween(Binomial.lower(n, 0.5), Binomial.upper(n, 0.5));
    assertThat(server.received()).isEqualTo((int) replaced);
    assertThat(byStatus).containsOnlyKeys(500, 502, 503, 504);
    byStatus
        .values()
        .forEach(c -> assertThat(c).isBetween(Binomial.lower(n, 0.25), Binomial.upper(n, 0.25)));
  }

  @Test
  void netLossRateMatchesTheConfigurationWithinBinomialBounds() throws Exception {
    int n = 500;
    ChaosHttpClient http = client(injector(chaos().netLoss(0.3).unknownOutcomeShare(0).build()));
    int failed = 0;
    for (int i = 0; i < n; i++) {
      try {
        assertThat(http.send(get("/r"), BodyHandlers.discarding()).statusCode()).isEqualTo(200);
      } catch (IOException e) {
        failed++;
      }
    }
    assertThat((long) failed).isBetween(Binomial.lower(n, 0.3), Binomial.upper(n, 0.3));
    assertThat(server.received()).isEqualTo(n - failed);
  }

  @Test
  void faultRecordsSayExactlyWhichOrdersTheServerReceived() throws Exception {
    ChaosHttpClient http =
        ChaosHttpClient.builder(
                plain, injector(chaos().netLoss(0.2).exch5xx(0.2).unknownOutcomeShare(0.5).build()))
            .listener(faults::add)
            .lostResponseTimeout(Duration.ofMillis(1))
            .build();
    int n = 300;
    for (int i = 0; i < n; i++) {
      HttpRequest order =
          HttpRequest.newBuilder(server.uri("/order?clientId=c" + i))
              .POST(HttpRequest.BodyPublishers.ofString("qty=1"))
              .build();
      try {
        http.send(order, BodyHandlers.discarding());
      } catch (IOException e) {
        // a lost request or response: the harness below decides which
      }
    }
    java.util.Set<String> notSent =
        faults.stream()
            .filter(f -> f.outcome() == Outcome.NOT_SENT)
            .map(f -> f.request().uri().getQuery())
            .collect(Collectors.toSet());
    java.util.Set<String> unknown =
        faults.stream()
            .filter(HttpFault::outcomeUnknown)
            .map(f -> f.request().uri().getQuery())
            .collect(Collectors.toSet());
    java.util.Set<String> received =
        server.paths().stream()
            .map(p -> p.substring(p.indexOf('?') + 1))
            .collect(Collectors.toSet());
    assertThat(notSent).isNotEmpty().doesNotContainAnyElementsOf(received);
    assertThat(unknown).isNotEmpty();
    assertThat(received).containsAll(unknown).hasSize(n - notSent.size());
    assertThat(server.received()).isEqualTo(n - notSent.size()); // no request reached it twice
  }

  @Test
  void exch429ComesInWavesWithRetryAfterAndExchangeHeaders() throws Exception {
    int n = 300;
    ChaosHttpClient http = client(injector(chaos().exch429(0.2).exch429WaveCalls(5).build()));
    List<HttpResponse<String>> responses = sendAll(http, n);
    long limited = responses.stream().filter(r -> r.statusCode() == 429).count();
    assertThat(limited).isPositive();
    assertThat(server.received()).isEqualTo(n - (int) limited);
    HttpResponse<String> first =
        responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
    assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(first.headers().firstValue(ExchangeAnswers.USED_WEIGHT_HEADER)).isPresent();
    assertThat(first.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(first.body()).contains("\"code\":-1003");
    // Waves: every run of consecutive 429s (except one cut off by the end) is at least 5 long.
    int run = 0;
    for (HttpResponse<String> r : responses) {
      if (r.statusCode() == 429) {
        run++;
      } else {
        assertThat(run).isIn(0, 5, 10, 15, 20, 25, 30);
        run = 0;
      }
    }
  }

  @Test
  void hammeringThroughAStormEarnsA418BanThatLastsTheBanDuration() throws Exception {
    ChaosInjector injector = injector(chaos().rateLimitStorm(1.0).build());
    ChaosHttpClient http =
        ChaosHttpClient.builder(plain, injector)
            .nanoClock(clock)
            .listener(faults::add)
            .banDuration(Duration.ofSeconds(120))
            .violationsToBan(3)
            .build();
    List<Integer> statuses = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      statuses.add(http.send(get("/hammer"), BodyHandlers.ofString()).statusCode());
      clock.advanceMillis(100); // well inside Retry-After: 1 s
    }
    assertThat(statuses).containsExactly(429, 429, 429, 418);
    clock.advance(Duration.ofSeconds(10));
    HttpResponse<String> banned = http.send(get("/hammer"), BodyHandlers.ofString());
    assertThat(banned.statusCode()).isEqualTo(418);
    assertThat(banned.headers().firstValue("Retry-After")).hasValue("110");
    clock.advance(Duration.ofSeconds(110));
    assertThat(http.send(get("/hammer"), BodyHandlers.ofString()).statusCode()).isEqualTo(429);
    assertThat(server.received()).isZero();
    injector.disable("MANUAL");
    assertThat(http.send(get("/after"), BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  @Test
  void aCallerThatHonoursRetryAfterIsNeverBanned() throws Exception {
    ChaosHttpClient http = client(injector(chaos().rateLimitStorm(1.0).build()));
    for (int i = 0; i < 50; i++) {
      HttpResponse<String> r = http.send(get("/polite"), BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(429);
      long wait = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
      clock.advance(Duration.ofSeconds(wait));
    }
    assertThat(faults).hasSize(50).allMatch(f -> f.status() == 429);
  }

  @Test
  void stormsAreRunsOfTheConfiguredNumberOfConsecutive429s() throws Exception {
    ChaosHttpClient http =
        client(injector(chaos().rateLimitStorm(0.2).rateLimitStormCalls(20).build()));
    List<Integer> runs = new java.util.ArrayList<>();
    int run = 0;
    for (int i = 0; i < 400; i++) {
      HttpResponse<String> r = http.send(get("/storm"), BodyHandlers.ofString());
      if (r.statusCode() == 429) {
        run++;
        clock.advance(Duration.ofSeconds(1)); // honour Retry-After
      } else {
        assertThat(r.statusCode()).isEqualTo(200);
        if (run > 0) {
          runs.add(run);
        }
        run = 0;
      }
    }
    assertThat(runs).isNotEmpty().allMatch(len -> len % 20 == 0);
    assertThat(faults).noneMatch(f -> f.status() == 418);
  }

  @Test
  void latencySpikeDelaysASyncCallByTheConfiguredTime() throws Exception {
    ChaosHttpClient http =
        client(injector(chaos().latSpikeMs(40).latSpikeProbability(1.0).build()));
    plain.send(get("/warm"), BodyHandlers.discarding());
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      assertThat(http.send(get("/slow"), BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(ms).isBetween(40L, 40L + 400L);
    }
    assertThat(faults)
        .hasSize(3)
        .allMatch(f -> f.outcome() == Outcome.DELAYED && f.delayMs() == 40);
  }

  @Test
  void sendAsyncWithALatencySpikeReturnsAtOnceAndHoldsNoCallerThread() throws Exception {
    ChaosHttpClient http =
        client(injector(chaos().latSpikeMs(1000).latSpikeProbability(1.0).build()));
    int n = 20;
    long start = System.nanoTime();
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> futures =
        new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(http.sendAsync(get("/async/" + i), BodyHandlers.ofString()));
    }
    long issuedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    // Parking the caller would take n * 1000 ms; returning at once takes a few ms.
    assertThat(issuedMs).isLessThan(900);
    assertThat(futures).noneMatch(java.util.concurrent.CompletableFuture::isDone);
    assertThat(server.received()).isZero(); // held back by timers, not by the caller
    for (var f : futures) {
      assertThat(f.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(1000);
    assertThat(server.received()).isEqualTo(n);
  }

  @Test
  void sendAsyncAppliesFaultsBeforeAndAfterSending() throws Exception {
    ChaosHttpClient lossy = client(injector(chaos().netLoss(1.0).unknownOutcomeShare(0).build()));
    assertThatThrownBy(
            () -> lossy.sendAsync(get("/a"), BodyHandlers.ofString()).get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(server.received()).isZero();

    ChaosHttpClient lostReply =
        ChaosHttpClient.builder(
                plain, injector(chaos().netLoss(1.0).unknownOutcomeShare(1).build()))
            .lostResponseTimeout(Duration.ofMillis(20)) // the request itself has no timeout
            .build();
    HttpRequest req = HttpRequest.newBuilder(server.uri("/b")).build();
    assertThatThrownBy(
            () -> lostReply.sendAsync(req, BodyHandlers.ofString()).get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(HttpTimeoutException.class)
        .hasMessageContaining("request timed out");
    assertThat(server.paths()).containsExactly("/b");

    ChaosHttpClient replaced =
        client(injector(chaos().exch5xx(1.0).unknownOutcomeShare(1).build()));
    HttpResponse<String> r =
        replaced.sendAsync(get("/c"), BodyHandlers.ofString()).get(5, TimeUnit.SECONDS);
    assertThat(r.statusCode()).isIn(500, 502, 503, 504);
    assertThat(server.paths()).containsExactly("/b", "/c");
  }

  @Test
  void aFailingFaultListenerNeverReachesTheCaller() throws Exception {
    ChaosHttpClient http =
        ChaosHttpClient.builder(plain, injector(chaos().exch429(1.0).build()))
            .listener(
                f -> {
                  throw new IllegalStateException("listener bug");
                })
            .build();
    assertThat(http.send(get("/x"), BodyHandlers.ofString()).statusCode()).isEqualTo(429);
  }

  @Test
  void aFaultListenerThrowingAnErrorNeverReachesTheCallerEither() throws Exception {
    ChaosHttpClient http =
        ChaosHttpClient.builder(plain, injector(chaos().exch429(1.0).build()))
            .listener(
                f -> {
                  throw new AssertionError("listener assertion");
                })
            .build();
    assertThat(http.send(get("/x"), BodyHandlers.ofString()).statusCode()).isEqualTo(429);
    assertThat(
            http.sendAsync(get("/y"), BodyHandlers.ofString())
                .get(5, TimeUnit.SECONDS)
                .statusCode())
        .isEqualTo(429);
  }

  @Test
  void rejectsBadUseWithClearExceptions() {
    ChaosInjector injector = injector(ChaosConfig.defaults());
    ChaosHttpClient http = client(injector);
    assertThatThrownBy(() -> http.send(null, BodyHandlers.ofString()))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("request");
    assertThatThrownBy(() -> http.sendAsync(get("/"), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("responseBodyHandler");
    assertThatThrownBy(() -> ChaosHttpClient.wrap(null, injector))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("delegate");
    assertThatThrownBy(() -> ChaosHttpClient.wrap(plain, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("injector");
    assertThatThrownBy(() -> ChaosHttpClient.wrap(http, injector))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already a ChaosHttpClient");
    var builder = ChaosHttpClient.builder(plain, injector);
    assertThatThrownBy(() -> builder.retryAfter(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retryAfter");
    assertThatThrownBy(() -> builder.retryAfter(Duration.ofMillis(1500)))
        .hasMessageContaining("whole number of seconds");
    assertThatThrownBy(() -> builder.banDuration(Duration.ofDays(4)))
        .hasMessageContaining("banDuration");
    assertThatThrownBy(() -> builder.violationsToBan(0)).hasMessageContaining("violationsToBan");
    assertThatThrownBy(() -> builder.lostResponseTimeout(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("lostResponseTimeout");

    http.close();
    assertThat(http.isClosed()).isTrue();
    // As the JDK 21+ client answers a closed client: IOException("closed").
    assertThatThrownBy(() -> http.send(get("/"), BodyHandlers.ofString()))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("closed");
    assertThat(http.sendAsync(get("/"), BodyHandlers.ofString()))
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isExactlyInstanceOf(IOException.class)
        .withMessage("closed");
    assertThat(server.received()).isZero();
  }

  @Test
  void delegatesClientSettings() {
    ChaosHttpClient http = client(injector(ChaosConfig.defaults()));
    assertThat(http.connectTimeout()).isEqualTo(plain.connectTimeout());
    assertThat(http.version()).isEqualTo(plain.version());
    assertThat(http.followRedirects()).isEqualTo(plain.followRedirects());
    assertThat(http.delegate()).isSameAs(plain);
  }

  private List<HttpResponse<String>> sendAll(ChaosHttpClient http, int n) throws Exception {
    List<HttpResponse<String>> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(http.send(get("/n/" + i), BodyHandlers.ofString()));
    }
    return out;
  }
}
