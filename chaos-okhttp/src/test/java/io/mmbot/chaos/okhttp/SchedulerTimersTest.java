package io.mmbot.chaos.okhttp;

import static io.mmbot.chaos.okhttp.Fixture.chaos;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter takes the library's one timer type, {@link Scheduler}, as the JDK adapters do: a
 * virtual scheduler holds an enqueued call's injected delay until virtual time passes it.
 */
class SchedulerTimersTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Fixture fx = new Fixture();

  /**
   * The fixture's virtual clock seen as a {@link Scheduler}; a due task runs on the advancing
   * thread, so the adapter's chained waits all fall due within one advance.
   */
  private final Scheduler virtual =
      new Scheduler() {
        @Override
        public long nanoTime() {
          return fx.clock.nanoTime();
        }

        @Override
        public Future<?> schedule(long delayNanos, Executor executor, Runnable task) {
          return fx.clock.schedule(delayNanos, Runnable::run, task);
        }
      };

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void anEnqueuedCallWaitsItsInjectedDelayOnTheGivenSchedulerInVirtualTime() throws Exception {
    ChaosInjector injector = fx.injector(chaos().latSpikeMs(500).latSpikeProbability(1.0).build());
    OkHttpClient http =
        ChaosOkHttp.builder(injector)
            .nanoClock(fx.clock)
            .scheduler(virtual)
            .build()
            .decorate(fx.plainBuilder())
            .build();

    CompletableFuture<Integer> result =
        ChaosOkHttpAsyncTest.enqueue(http, http.newCall(fx.get("/later")));
    fx.clock.awaitPending(1);
    fx.clock.advanceMillis(499);
    assertThat(result).isNotDone();
    assertThat(fx.server.requestCount()).isZero();

    fx.clock.advanceMillis(1);
    assertThat(result).succeedsWithin(WAIT).isEqualTo(200);
    assertThat(fx.server.requestCount()).isEqualTo(1);
  }
}
