package io.mmbot.chaos.okhttp;

import static io.mmbot.chaos.okhttp.Fixture.chaos;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.HttpFault.Outcome;
import io.mmbot.chaos.testsupport.Await;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Asynchronous calls: latency on timers, cancellation during it, faults, and no thread leak. */
class ChaosOkHttpAsyncTest {

  private final Fixture fx = new Fixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  /** Completes with the status code, or exceptionally with the call's failure. */
  static CompletableFuture<Integer> enqueue(OkHttpClient http, Call call) {
    CompletableFuture<Integer> result = new CompletableFuture<>();
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            result.completeExceptionally(e);
          }

          @Override
          public void onResponse(Call c, Response response) {
            try (response) {
              response.body().string();
              result.complete(response.code());
            } catch (IOException e) {
              result.completeExceptionally(e);
            }
          }
        });
    return result;
  }

  private OkHttpClient client(ChaosInjector injector) {
    okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
    dispatcher.setMaxRequestsPerHost(64);
    return fx.adapter(injector).build().decorate(fx.plainBuilder().dispatcher(dispatcher)).build();
  }

  private static ThreadPoolExecutor dispatcherPool(OkHttpClient http) {
    return (ThreadPoolExecutor) ((LatencyExecutor) http.dispatcher().executorService()).delegate();
  }

  @Test
  void enqueuedCallsSpendTheirLatencyOnATimerWithoutHoldingADispatcherThread() throws Exception {
    OkHttpClient http =
        client(fx.injector(chaos().latSpikeMs(1000).latSpikeProbability(1.0).build()));
    int n = 20;
    List<CompletableFuture<Integer>> results = new CopyOnWriteArrayList<>();
    for (int i = 0; i < n; i++) {
      results.add(enqueue(http, http.newCall(fx.get("/async/" + i))));
    }
    // Every call is waiting on a timer: none reached the server, no dispatcher thread exists.
    assertThat(fx.timing.pending()).isEqualTo(n);
    assertThat(http.dispatcher().runningCallsCount()).isEqualTo(n);
    assertThat(dispatcherPool(http).getPoolSize()).isZero();
    assertThat(fx.server.requestCount()).isZero();
    assertThat(results).noneMatch(CompletableFuture::isDone);

    fx.timing.advance(999);
    assertThat(fx.server.requestCount()).isZero();
    fx.timing.advance(1);
    for (CompletableFuture<Integer> r : results) {
      assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    }
    assertThat(fx.server.requestCount()).isEqualTo(n);
    assertThat(fx.timing.sleeps()).isEmpty(); // nothing slept on a thread
    assertThat(fx.faults).hasSize(n).allMatch(f -> f.outcome() == Outcome.DELAYED);
  }

  @Test
  void cancellingAnEnqueuedCallDuringItsLatencyFailsItPromptlyWithoutReachingTheServer()
      throws Exception {
    OkHttpClient http =
        client(fx.injector(chaos().latSpikeMs(5000).latSpikeProbability(1.0).build()));
    Call call = http.newCall(fx.get("/cancel-me"));
    CompletableFuture<Integer> result = enqueue(http, call);
    fx.timing.advance(100);
    call.cancel();
    fx.timing.advance(LatencyExecutor.CANCEL_POLL_MS);
    assertThat(result)
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableThat()
        .havingRootCause()
        .isInstanceOf(IOException.class)
        .withMessageContaining("Canceled");
    assertThat(fx.timing.pending()).isZero(); // no timer left behind
    assertThat(fx.server.requestCount()).isZero();
  }

  @Test
  void enqueuedCallsMeetFaultsBeforeAndAfterSending() throws Exception {
    OkHttpClient lossy = client(fx.injector(chaos().netLoss(1.0).unknownOutcomeShare(0).build()));
    assertThat(enqueue(lossy, lossy.newCall(fx.get("/a"))))
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableThat()
        .havingRootCause()
        .isInstanceOf(ConnectException.class);
    assertThat(fx.server.requestCount()).isZero();

    OkHttpClient lostReply =
        client(fx.injector(chaos().netLoss(1.0).unknownOutcomeShare(1).build()));
    assertThat(enqueue(lostReply, lostReply.newCall(fx.get("/b"))))
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(SocketTimeoutException.class)
        .withMessage("timeout");
    assertThat(fx.server.paths()).containsExactly("/b");

    OkHttpClient replaced =
        client(fx.injector(chaos().exch5xx(1.0).unknownOutcomeShare(1).build()));
    assertThat(enqueue(replaced, replaced.newCall(fx.get("/c"))).get(10, TimeUnit.SECONDS))
        .isIn(500, 502, 503, 504);
    OkHttpClient limited = client(fx.injector(chaos().exch429(1.0).build()));
    assertThat(enqueue(limited, limited.newCall(fx.get("/d"))).get(10, TimeUnit.SECONDS))
        .isEqualTo(429);
    assertThat(fx.server.paths()).containsExactly("/b", "/c");
  }

  @Test
  void eachEnqueuedCallDrawsExactlyOnePlan() throws Exception {
    ChaosInjector injector = fx.injector(chaos().latSpikeMs(20).latSpikeProbability(0.5).build());
    OkHttpClient http = client(injector);
    int n = 200;
    List<CompletableFuture<Integer>> results = new CopyOnWriteArrayList<>();
    for (int i = 0; i < n; i++) {
      results.add(enqueue(http, http.newCall(fx.get("/one/" + i))));
    }
    // The dispatcher starts 64 at a time; each started call waits its 20 virtual ms.
    Await.until(
        "all calls to complete",
        Duration.ofSeconds(20),
        () -> {
          fx.timing.advance(20);
          return results.stream().allMatch(CompletableFuture::isDone);
        });
    for (CompletableFuture<Integer> r : results) {
      assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    }
    long delayed = injector.injections(Scenario.LAT_SPIKE);
    assertThat(fx.faults).hasSize((int) delayed); // one DELAYED report per delayed call
    assertThat(delayed)
        .isBetween(
            io.mmbot.chaos.testsupport.Binomial.lower(n, 0.5),
            io.mmbot.chaos.testsupport.Binomial.upper(n, 0.5));
    assertThat(fx.server.requestCount()).isEqualTo(n);
  }

  @Test
  void withoutAccessToOkHttpsCallTypeEachEnqueuedCallStillMeetsOnePlanOnATimer() throws Exception {
    AsyncCalls.linked(false);
    try {
      ChaosInjector injector =
          fx.injector(chaos().latSpikeMs(300).latSpikeProbability(1.0).exch429(1.0).build());
      OkHttpClient http = client(injector);
      List<CompletableFuture<Integer>> results = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 10; i++) {
        results.add(enqueue(http, http.newCall(fx.get("/fallback/" + i))));
      }
      assertThat(fx.timing.pending()).isEqualTo(10);
      assertThat(dispatcherPool(http).getPoolSize()).isZero();
      fx.timing.advance(300);
      for (CompletableFuture<Integer> r : results) {
        assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo(429);
      }
      assertThat(injector.injections(Scenario.LAT_SPIKE)).isEqualTo(10);
      assertThat(injector.injections(Scenario.EXCH_429)).isEqualTo(10);
      assertThat(fx.timing.sleeps()).isEmpty();
    } finally {
      AsyncCalls.linked(true);
    }
  }

  @Test
  void fiveHundredCallsWithRealTimersLeaveNoThreadBehind() throws Exception {
    ChaosInjector injector =
        ChaosInjector.create(
            chaos()
                .latSpikeMs(2)
                .latSpikeProbability(0.5)
                .netLoss(0.1)
                .exch5xx(0.1)
                .unknownOutcomeShare(0.5)
                .build());
    // A fixed pool, so that the dispatcher's own thread count cannot blur the measure.
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher(pool);
    dispatcher.setMaxRequestsPerHost(16);
    OkHttpClient http =
        ChaosOkHttp.builder(injector)
            .lostResponseTimeout(Duration.ofMillis(1))
            .build()
            .decorate(fx.plainBuilder().dispatcher(dispatcher).readTimeout(0, TimeUnit.SECONDS))
            .build();
    runBatch(http, 100, 0); // warm up: the dispatcher pool, the pool cleaner, the timer thread
    int before = Thread.activeCount();
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    for (int batch = 0; batch < 10; batch++) {
      runBatch(http, 50, 100 + batch * 50).forEach((k, v) -> outcomes.merge(k, v, Integer::sum));
      try { // sync calls through the same client too
        http.newCall(fx.get("/sync")).execute().close();
      } catch (IOException e) {
        // an injected fault
      }
      outcomes.merge("sync", 1, Integer::sum);
    }
    int after = Thread.activeCount();
    assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(510);
    assertThat(outcomes).containsKeys("200", "failed");
    // A leak would grow with the calls (one thread per delayed call would be 250 or so); the
    // slack is for JDK and OkHttp housekeeping threads that come and go.
    assertThat(after).isLessThanOrEqualTo(before + 6);
    pool.shutdown();
  }

  private Map<String, Integer> runBatch(OkHttpClient http, int n, int offset) throws Exception {
    List<CompletableFuture<Integer>> results = new CopyOnWriteArrayList<>();
    for (int i = 0; i < n; i++) {
      results.add(enqueue(http, http.newCall(fx.get("/leak/" + (offset + i)))));
    }
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    for (CompletableFuture<Integer> r : results) {
      String key;
      try {
        int code = r.get(30, TimeUnit.SECONDS);
        key = code == 200 ? "200" : "5xx";
      } catch (java.util.concurrent.ExecutionException e) {
        key = "failed";
      }
      outcomes.merge(key, 1, Integer::sum);
    }
    Await.until(
        "the dispatcher to go idle",
        Duration.ofSeconds(10),
        () -> http.dispatcher().runningCallsCount() == 0);
    return outcomes;
  }
}
