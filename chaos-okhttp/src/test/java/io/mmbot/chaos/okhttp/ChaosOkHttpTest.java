package io.mmbot.chaos.okhttp;

import static io.mmbot.chaos.okhttp.Fixture.chaos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.HttpFault.Outcome;
import io.mmbot.chaos.okhttp.testing.LoopbackServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP faults of a decorated client, one scenario and outcome at a time, on a real server. */
class ChaosOkHttpTest {

  private final Fixture fx = new Fixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void passesEveryCallThroughUnchangedWhenChaosIsOff() throws Exception {
    OkHttpClient http = fx.client(fx.injector(ChaosConfig.defaults()));
    for (int i = 0; i < 20; i++) {
      try (Response r = http.newCall(fx.get("/off/" + i)).execute()) {
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.body().string()).isEqualTo(LoopbackServer.BODY);
      }
    }
    assertThat(fx.server.requestCount()).isEqualTo(20);
    assertThat(fx.faults).isEmpty();
    assertThat(fx.timing.sleeps()).isEmpty();
  }

  @Test
  void dryRunCountsWouldBeFaultsButPerturbsNothing() throws Exception {
    ChaosInjector injector = fx.injector(chaos().dryRun(true).netLoss(1.0).build());
    OkHttpClient http = fx.client(injector);
    for (int i = 0; i < 10; i++) {
      assertThat(Fixture.status(http, fx.get("/dry"))).isEqualTo(200);
    }
    assertThat(fx.server.requestCount()).isEqualTo(10);
    assertThat(injector.wouldBeInjections(Scenario.NET_LOSS)).isEqualTo(10);
    assertThat(injector.injections(Scenario.NET_LOSS)).isZero();
    assertThat(fx.faults).isEmpty();
  }

  @Test
  void passesThroughBetweenBursts() throws Exception {
    OkHttpClient http =
        fx.client(fx.injector(chaos().netLoss(1.0).burstOnSec(30).burstOffSec(90).build()));
    assertThatThrownBy(() -> Fixture.status(http, fx.get("/on")))
        .isInstanceOf(ConnectException.class);
    fx.clock.advance(Duration.ofSeconds(31));
    assertThat(Fixture.status(http, fx.get("/off"))).isEqualTo(200);
    assertThat(fx.server.paths()).containsExactly("/off");
  }

  @Test
  void lossBeforeSendingFailsAsARefusedConnectionAndNeverReachesTheServer() {
    OkHttpClient http = fx.client(fx.injector(chaos().netLoss(1.0).unknownOutcomeShare(0).build()));
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> Fixture.status(http, fx.get("/order")))
          .isInstanceOf(ConnectException.class)
          .hasMessageContaining("Failed to connect to " + LoopbackServer.HOST)
          .hasCauseInstanceOf(ConnectException.class);
    }
    assertThat(fx.server.requestCount()).isZero();
    assertThat(fx.faults)
        .hasSize(5)
        .allMatch(f -> f.outcome() == Outcome.NOT_SENT && f.scenario() == Scenario.NET_LOSS);
  }

  @Test
  void lossAfterSendingReachesTheServerAndTimesOutAfterTheReadTimeout() {
    ChaosInjector injector = fx.injector(chaos().netLoss(1.0).unknownOutcomeShare(1).build());
    OkHttpClient http =
        fx.adapter(injector)
            .build()
            .decorate(fx.plainBuilder().readTimeout(3, TimeUnit.SECONDS))
            .build();
    Request order = fx.get("/order?clientId=a1");
    assertThatThrownBy(() -> Fixture.status(http, order))
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessage("timeout");
    assertThat(fx.timing.sleeps()).containsExactly(3000L); // the read timeout, in virtual time
    assertThat(fx.server.paths()).containsExactly("/order?clientId=a1");
    assertThat(fx.faults)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.outcome()).isEqualTo(Outcome.RESPONSE_LOST);
              assertThat(f.outcomeUnknown()).isTrue();
              assertThat(f.request().url()).isEqualTo(order.url());
            });
  }

  @Test
  void aLostResponseWaitsTheLostResponseTimeoutWhenTheClientHasNoReadTimeout() {
    ChaosInjector injector = fx.injector(chaos().netLoss(1.0).unknownOutcomeShare(1).build());
    OkHttpClient http =
        fx.adapter(injector)
            .lostResponseTimeout(Duration.ofMillis(750))
            .build()
            .decorate(fx.plainBuilder().readTimeout(0, TimeUnit.SECONDS))
            .build();
    assertThatThrownBy(() -> Fixture.status(http, fx.get("/x")))
        .isInstanceOf(SocketTimeoutException.class);
    assertThat(fx.timing.sleeps()).containsExactly(750L);
  }

  @Test
  void serverErrorAfterSendingReplacesTheRealResponseAndKeepsTheConnectionUsable()
      throws Exception {
    ChaosInjector injector = fx.injector(chaos().exch5xx(1.0).unknownOutcomeShare(1).build());
    OkHttpClient http = fx.client(injector);
    for (int i = 0; i < 8; i++) {
      try (Response r = http.newCall(fx.get("/order/" + i)).execute()) {
        assertThat(r.code()).isIn(500, 502, 503, 504);
        assertThat(r.header("Retry-After")).isNull();
        assertThat(r.body().string())
            .contains("execution status unknown")
            .doesNotContain("orderId");
        assertThat(r.protocol()).isEqualTo(Protocol.HTTP_1_1);
      }
    }
    assertThat(fx.server.requestCount()).isEqualTo(8);
    assertThat(fx.faults).hasSize(8).allMatch(f -> f.outcome() == Outcome.RESPONSE_REPLACED);
    // The real bodies were closed, not leaked: every call went over the one pooled connection.
    assertThat(http.connectionPool().connectionCount()).isEqualTo(1);
    injector.disable("MANUAL");
    assertThat(Fixture.status(http, fx.get("/after"))).isEqualTo(200);
  }

  @Test
  void serverErrorBeforeSendingNeverReachesTheServer() throws Exception {
    OkHttpClient http = fx.client(fx.injector(chaos().exch5xx(1.0).unknownOutcomeShare(0).build()));
    assertThat(Fixture.status(http, fx.get("/order"))).isIn(500, 502, 503, 504);
    assertThat(fx.server.requestCount()).isZero();
    assertThat(fx.faults)
        .singleElement()
        .extracting(OkHttpFault::outcome)
        .isEqualTo(Outcome.NOT_SENT);
  }

  @Test
  void a429IsBuiltWithTheRequestProtocolRetryAfterUsedWeightAndAJsonBody() throws Exception {
    OkHttpClient http = fx.client(fx.injector(chaos().exch429(1.0).build()));
    Request request =
        new Request.Builder()
            .url(fx.server.url("/api/v3/order"))
            .post(
                RequestBody.create(
                    "qty=1", okhttp3.MediaType.get("application/x-www-form-urlencoded")))
            .build();
    try (Response r = http.newCall(request).execute()) {
      assertThat(r.code()).isEqualTo(429);
      assertThat(r.message()).isEqualTo("Too Many Requests");
      assertThat(r.request()).isSameAs(request);
      assertThat(r.protocol()).isEqualTo(Protocol.HTTP_1_1);
      assertThat(r.header("Retry-After")).isEqualTo("1");
      assertThat(r.header("X-MBX-USED-WEIGHT-1M")).isEqualTo("1200");
      assertThat(r.header("Content-Type")).startsWith("application/json");
      assertThat(r.body().string())
          .isEqualTo("{\"code\":-1003,\"msg\":\"Request rate limit exceeded; retry after 1 s.\"}");
    }
    assertThat(fx.server.requestCount()).isZero();
  }

  @Test
  void exch429ComesInWavesOfTheConfiguredLength() throws Exception {
    OkHttpClient http = fx.client(fx.injector(chaos().exch429(0.2).exch429WaveCalls(5).build()));
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      statuses.add(Fixture.status(http, fx.get("/w")));
    }
    long limited = statuses.stream().filter(s -> s == 429).count();
    assertThat(limited).isPositive();
    assertThat(fx.server.requestCount()).isEqualTo(300 - (int) limited);
    int run = 0;
    for (int s : statuses) {
      if (s == 429) {
        run++;
      } else {
        assertThat(run % 5).isZero();
        run = 0;
      }
    }
  }

  @Test
  void hammeringThroughAStormEarnsA418BanThatLastsTheBanDuration() throws Exception {
    ChaosInjector injector = fx.injector(chaos().rateLimitStorm(1.0).build());
    OkHttpClient http =
        fx.adapter(injector)
            .banDuration(Duration.ofSeconds(120))
            .violationsToBan(3)
            .build()
            .decorate(fx.plainBuilder())
            .build();
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      statuses.add(Fixture.status(http, fx.get("/hammer")));
      fx.clock.advanceMillis(100); // well inside Retry-After: 1 s
    }
    assertThat(statuses).containsExactly(429, 429, 429, 418);
    fx.clock.advance(Duration.ofSeconds(10));
    try (Response banned = http.newCall(fx.get("/hammer")).execute()) {
      assertThat(banned.code()).isEqualTo(418);
      assertThat(banned.header("Retry-After")).isEqualTo("110");
      assertThat(banned.body().string()).contains("IP banned");
    }
    fx.clock.advance(Duration.ofSeconds(110));
    assertThat(Fixture.status(http, fx.get("/hammer"))).isEqualTo(429);
    assertThat(fx.server.requestCount()).isZero();
    injector.disable("MANUAL");
    assertThat(Fixture.status(http, fx.get("/after"))).isEqualTo(200);
  }

  @Test
  void aCallerThatHonoursRetryAfterIsNeverBanned() throws Exception {
    OkHttpClient http = fx.client(fx.injector(chaos().rateLimitStorm(1.0).build()));
    for (int i = 0; i < 50; i++) {
      try (Response r = http.newCall(fx.get("/polite")).execute()) {
        assertThat(r.code()).isEqualTo(429);
        fx.clock.advance(Duration.ofSeconds(Long.parseLong(r.header("Retry-After"))));
      }
    }
    assertThat(fx.faults).hasSize(50).allMatch(f -> f.status() == 429);
  }

  @Test
  void latencySpikeWaitsTheConfiguredTimeBeforeTheCallIsSent() throws Exception {
    OkHttpClient http =
        fx.client(fx.injector(chaos().latSpikeMs(200).latSpikeProbability(1.0).build()));
    for (int i = 0; i < 3; i++) {
      assertThat(Fixture.status(http, fx.get("/slow"))).isEqualTo(200);
    }
    assertThat(fx.timing.sleeps()).containsExactly(200L, 200L, 200L);
    assertThat(fx.faults)
        .hasSize(3)
        .allMatch(f -> f.outcome() == Outcome.DELAYED && f.delayMs() == 200);
    assertThat(fx.server.requestCount()).isEqualTo(3);
  }

  @Test
  void cancellingAnExecuteDuringInjectedLatencyCancelsItBeforeItReachesTheServer() {
    OkHttpClient http =
        fx.client(fx.injector(chaos().latSpikeMs(200).latSpikeProbability(1.0).build()));
    fx.timing.duringSleep(okhttp3.Call::cancel);
    assertThatThrownBy(() -> Fixture.status(http, fx.get("/cancelled")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Canceled");
    assertThat(fx.server.requestCount()).isZero();
  }

  @Test
  void oneCallDrawsOnePlanAcrossOkHttpsRedirects() throws Exception {
    ChaosInjector injector = fx.injector(chaos().latSpikeMs(50).latSpikeProbability(1.0).build());
    OkHttpClient http = fx.client(injector);
    fx.server.redirectNext("/moved");
    assertThat(Fixture.status(http, fx.get("/start"))).isEqualTo(200);
    assertThat(fx.server.paths()).containsExactly("/start", "/moved");
    assertThat(fx.timing.sleeps()).containsExactly(50L);
    assertThat(injector.injections(Scenario.LAT_SPIKE)).isEqualTo(1);
  }

  @Test
  void anAfterSendFaultStrikesOnceWhenOkHttpRetriesAFailedPooledConnection() throws Exception {
    ChaosInjector injector = fx.injector(ChaosConfig.defaults());
    OkHttpClient http = fx.client(injector);
    assertThat(Fixture.status(http, fx.get("/warm"))).isEqualTo(200); // pools a connection
    injector.update(chaos().exch5xx(1.0).unknownOutcomeShare(1).build());
    fx.server.dropConnectionAfterNextRequest();
    try (Response r = http.newCall(fx.get("/order")).execute()) {
      assertThat(r.code()).isIn(500, 502, 503, 504);
    }
    // OkHttp re-sent the request on a new connection after the pooled one died; the fault was
    // applied to the attempt that got an answer, once.
    assertThat(fx.server.paths()).containsExactly("/warm", "/order", "/order");
    assertThat(fx.faults)
        .singleElement()
        .extracting(OkHttpFault::outcome)
        .isEqualTo(Outcome.RESPONSE_REPLACED);
    assertThat(injector.injections(Scenario.EXCH_5XX)).isEqualTo(1);
  }

  @Test
  void anAfterSendFaultIsAppliedByTheApplicationInterceptorWhenNoNetworkInterceptorRuns()
      throws Exception {
    ChaosInjector injector = fx.injector(chaos().exch5xx(1.0).unknownOutcomeShare(1).build());
    ChaosOkHttp chaos = fx.adapter(injector).build();
    OkHttpClient http = fx.plainBuilder().addInterceptor(chaos.applicationInterceptor()).build();
    assertThat(Fixture.status(http, fx.get("/order"))).isIn(500, 502, 503, 504);
    assertThat(fx.server.requestCount()).isEqualTo(1);
    assertThat(fx.faults)
        .singleElement()
        .extracting(OkHttpFault::outcome)
        .isEqualTo(Outcome.RESPONSE_REPLACED);
  }

  @Test
  void anAfterSendFaultOnACachedResponseIsAppliedOnTheWayBack(@TempDir java.nio.file.Path dir)
      throws Exception {
    ChaosInjector injector = fx.injector(ChaosConfig.defaults());
    OkHttpClient http =
        fx.adapter(injector)
            .build()
            .decorate(fx.plainBuilder().cache(new okhttp3.Cache(dir.toFile(), 1 << 20)))
            .build();
    fx.server.nextWithHeader("Cache-Control", "max-age=600");
    try (Response first = http.newCall(fx.get("/ticker")).execute()) {
      assertThat(first.body().string()).isEqualTo(LoopbackServer.BODY);
    }
    injector.update(chaos().exch5xx(1.0).unknownOutcomeShare(1).build());
    try (Response cached = http.newCall(fx.get("/ticker")).execute()) {
      assertThat(cached.code()).isIn(500, 502, 503, 504);
      assertThat(cached.cacheResponse()).isNull(); // the synthetic answer replaced it
    }
    assertThat(fx.server.requestCount()).isEqualTo(1); // the cache answered, not the server
    assertThat(fx.faults)
        .singleElement()
        .extracting(OkHttpFault::outcome)
        .isEqualTo(Outcome.RESPONSE_REPLACED);
  }

  @Test
  void theNetworkInterceptorCallsProceedExactlyOnce() throws Exception {
    ChaosInjector injector =
        fx.injector(chaos().netLoss(0.5).exch5xx(0.5).unknownOutcomeShare(1).build());
    ChaosOkHttp chaos = fx.adapter(injector).build();
    int[] proceeds = new int[1];
    Interceptor counting =
        chain -> {
          proceeds[0]++;
          return chain.proceed(chain.request());
        };
    OkHttpClient http = chaos.decorate(fx.plainBuilder()).addNetworkInterceptor(counting).build();
    for (int i = 0; i < 40; i++) {
      try {
        Fixture.status(http, fx.get("/p" + i));
      } catch (SocketTimeoutException lost) {
        // a lost response
      }
    }
    assertThat(proceeds[0]).isEqualTo(40);
    assertThat(fx.server.requestCount()).isEqualTo(40);
  }

  @Test
  void webSocketHandshakesDrawNoHttpPlan() throws Exception {
    ChaosInjector injector = fx.injector(chaos().exch429(1.0).build());
    ChaosOkHttp chaos = fx.adapter(injector).build();
    OkHttpClient http = chaos.decorate(fx.plainBuilder()).build();
    java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
    fx.server.acceptWebSocket(new okhttp3.WebSocketListener() {});
    okhttp3.WebSocket ws =
        http.newWebSocket(
            fx.get("/ws"),
            new okhttp3.WebSocketListener() {
              @Override
              public void onOpen(okhttp3.WebSocket webSocket, Response response) {
                open.countDown();
              }
            });
    assertThat(open.await(10, TimeUnit.SECONDS)).isTrue();
    ws.cancel();
    assertThat(injector.injections(Scenario.EXCH_429)).isZero();
    assertThat(fx.faults).isEmpty();
  }

  @Test
  void aFailingFaultListenerNeverReachesTheCaller() throws Exception {
    OkHttpClient http =
        ChaosOkHttp.builder(fx.injector(chaos().exch429(1.0).build()))
            .listener(
                f -> {
                  throw new IllegalStateException("listener bug");
                })
            .build()
            .decorate(fx.plainBuilder())
            .build();
    assertThat(Fixture.status(http, fx.get("/x"))).isEqualTo(429);
  }

  @Test
  void decorateKeepsTheBuildersDnsAndDispatcherLimitsAndRefusesASecondDecoration() {
    OkHttpClient.Builder builder = fx.plainBuilder();
    okhttp3.Dispatcher mine = new okhttp3.Dispatcher();
    mine.setMaxRequests(7);
    mine.setMaxRequestsPerHost(3);
    builder.dispatcher(mine);
    ChaosInjector injector = fx.injector(ChaosConfig.defaults());
    OkHttpClient client = ChaosOkHttp.decorate(builder, injector).build();
    assertThat(client.dispatcher().getMaxRequests()).isEqualTo(7);
    assertThat(client.dispatcher().getMaxRequestsPerHost()).isEqualTo(3);
    assertThat(((ChaosDns) client.dns()).delegate()).isSameAs(fx.hosts);
    assertThat(((LatencyExecutor) client.dispatcher().executorService()).delegate())
        .isSameAs(mine.executorService());
    assertThatThrownBy(() -> ChaosOkHttp.decorate(builder, injector))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already decorated");
  }

  @Test
  void builderSettingsAreValidatedWithTheirNameAndRange() {
    ChaosInjector injector = fx.injector(ChaosConfig.defaults());
    assertThatThrownBy(() -> ChaosOkHttp.builder(injector).lostResponseTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lostResponseTimeout");
    assertThatThrownBy(
            () -> ChaosOkHttp.builder(injector).disconnectCheckInterval(Duration.ofMillis(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("disconnectCheckInterval");
    assertThatThrownBy(() -> ChaosOkHttp.builder(injector).retryAfter(Duration.ofMillis(1500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retryAfter");
    assertThatThrownBy(() -> ChaosOkHttp.builder(null)).isInstanceOf(NullPointerException.class);
  }
}
