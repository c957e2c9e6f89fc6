package io.mmbot.chaos.okhttp;

import static io.mmbot.chaos.okhttp.Fixture.chaos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.testsupport.Await;
import io.mmbot.chaos.time.Scheduler;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real timers, on the system clock: a few smoke tests with generous bounds (the machine may be
 * busy). Every timing rule itself is tested in virtual time elsewhere.
 */
class RealTimeSmokeTest {

  private final Fixture fx = new Fixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  private OkHttpClient realClient(ChaosInjector injector, OkHttpClient.Builder builder) {
    return ChaosOkHttp.builder(injector).build().decorate(builder).build();
  }

  private static ChaosInjector latency(long ms) {
    return ChaosInjector.create(chaos().latSpikeMs(ms).latSpikeProbability(1.0).build());
  }

  @Test
  void aSyncCallWaitsItsLatencyForReal() throws Exception {
    OkHttpClient http = realClient(latency(150), fx.plainBuilder());
    long start = Await.mark();
    assertThat(Fixture.status(http, fx.get("/slow"))).isEqualTo(200);
    assertThat(Await.elapsedMillis(start)).isBetween(150L, 150L + 5_000L);
  }

  @Test
  void cancellingASyncCallFromAnotherThreadEndsItsLatencyEarly() throws Exception {
    OkHttpClient http = realClient(latency(60_000), fx.plainBuilder());
    Call call = http.newCall(fx.get("/cancel"));
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                call.execute().close();
                failure.complete(null);
              } catch (IOException e) {
                failure.complete(e);
              }
            });
    long start = Await.mark();
    caller.start();
    Await.until(
        "the call to start", Duration.ofSeconds(10), () -> caller.getState() != Thread.State.NEW);
    call.cancel();
    assertThat(failure.get(10, TimeUnit.SECONDS))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Canceled");
    assertThat(Await.elapsedMillis(start)).isLessThan(10_000L);
    assertThat(fx.server.requestCount()).isZero();
  }

  @Test
  void aCallTimeoutThatExpiresDuringTheLatencyEndsTheCallWithOkHttpsTimeout() {
    OkHttpClient http =
        realClient(latency(60_000), fx.plainBuilder().callTimeout(200, TimeUnit.MILLISECONDS));
    long start = Await.mark();
    assertThatThrownBy(() -> Fixture.status(http, fx.get("/timeout")))
        .isInstanceOf(InterruptedIOException.class)
        .hasMessageContaining("timeout");
    assertThat(Await.elapsedMillis(start)).isBetween(200L, 10_000L);
    assertThat(fx.server.requestCount()).isZero();
  }

  @Test
  void enqueuedCallsWaitTheirLatencyOnTheDefaultTimerAndAUserScheduler() throws Exception {
    ScheduledExecutorService scheduler = new ScheduledThreadPoolExecutor(1);
    try {
      for (ChaosOkHttp chaos :
          List.of(
              ChaosOkHttp.of(latency(300)),
              ChaosOkHttp.builder(latency(300)).scheduler(Scheduler.of(scheduler)).build())) {
        OkHttpClient http = chaos.decorate(fx.plainBuilder()).build();
        long start = Await.mark();
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          results.add(ChaosOkHttpAsyncTest.enqueue(http, http.newCall(fx.get("/a" + i))));
        }
        assertThat(Await.elapsedMillis(start)).isLessThan(300L); // enqueue never waits
        for (CompletableFuture<Integer> r : results) {
          assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        }
        assertThat(Await.elapsedMillis(start)).isBetween(300L, 10_000L);
      }
    } finally {
      scheduler.shutdownNow();
    }
  }
}
