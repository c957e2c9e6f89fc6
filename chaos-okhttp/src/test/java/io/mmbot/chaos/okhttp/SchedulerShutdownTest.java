package io.mmbot.chaos.okhttp;

import static io.mmbot.chaos.okhttp.Fixture.chaos;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.testsupport.Await;
import io.mmbot.chaos.time.Scheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A user scheduler that is shut down while enqueued calls wait out their latency: every such call
 * still gets its callback, a failure that names the cause, and gives its dispatcher slot back. Real
 * timers with generous bounds: what is tested is that a callback comes at all.
 */
class SchedulerShutdownTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Fixture fx = new Fixture();
  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    fx.close();
  }

  private okhttp3.OkHttpClient client() {
    ChaosInjector injector =
        ChaosInjector.create(chaos().latSpikeMs(60_000).latSpikeProbability(1.0).build());
    return ChaosOkHttp.builder(injector)
        .scheduler(Scheduler.of(scheduler))
        .build()
        .decorate(fx.plainBuilder())
        .build();
  }

  @Test
  void aSchedulerShutDownDuringTheSpikeFailsTheCallWithTheCauseAndFreesItsSlot() throws Exception {
    okhttp3.OkHttpClient http = client();
    CompletableFuture<Integer> result =
        ChaosOkHttpAsyncTest.enqueue(http, http.newCall(fx.get("/stranded")));
    assertThat(http.dispatcher().runningCallsCount()).isEqualTo(1);
    scheduler.shutdown();
    assertThat(result)
        .failsWithin(WAIT)
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(IOException.class)
        .havingCause()
        .isInstanceOf(RejectedExecutionException.class);
    Await.until("the slot to be freed", WAIT, () -> http.dispatcher().runningCallsCount() == 0);
    assertThat(fx.server.requestCount()).isZero();
  }

  @Test
  void aSchedulerShutDownBeforeTheCallFailsItWithTheCauseAndFreesItsSlot() throws Exception {
    okhttp3.OkHttpClient http = client();
    scheduler.shutdown();
    CompletableFuture<Integer> result =
        ChaosOkHttpAsyncTest.enqueue(http, http.newCall(fx.get("/never")));
    assertThat(result)
        .failsWithin(WAIT)
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(IOException.class)
        .withMessageContaining("latency")
        .havingCause()
        .isInstanceOf(RejectedExecutionException.class);
    Await.until("the slot to be freed", WAIT, () -> http.dispatcher().runningCallsCount() == 0);
    assertThat(fx.server.requestCount()).isZero();
  }
}
