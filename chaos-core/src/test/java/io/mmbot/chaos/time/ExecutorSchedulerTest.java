package io.mmbot.chaos.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Scheduler#of}: timers on the caller's own executor, handed to the task's executor, and
 * refused once that executor is shut down. Real timers of zero delay: what is tested is the
 * hand-over, not timing.
 */
class ExecutorSchedulerTest {

  private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);

  @AfterEach
  void stop() {
    timers.shutdownNow();
  }

  @Test
  void aDueTaskIsHandedFromTheCallersTimerThreadToItsExecutor() throws Exception {
    Scheduler scheduler = Scheduler.of(timers);
    CompletableFuture<String> handedOnThread = new CompletableFuture<>();
    CompletableFuture<String> ranOnThread = new CompletableFuture<>();
    scheduler.schedule(
        0,
        task -> {
          handedOnThread.complete(Thread.currentThread().getName());
          task.run();
        },
        () -> ranOnThread.complete(Thread.currentThread().getName()));
    String timerThread =
        timers.submit(() -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);
    assertThat(handedOnThread.get(10, TimeUnit.SECONDS)).isEqualTo(timerThread);
    assertThat(ranOnThread.get(10, TimeUnit.SECONDS)).isEqualTo(timerThread);
    assertThat(scheduler.nanoTime()).isLessThanOrEqualTo(System.nanoTime());
  }

  @Test
  void aShutDownExecutorRefusesNewTimers() {
    Scheduler scheduler = Scheduler.of(timers);
    timers.shutdown();
    assertThatThrownBy(() -> scheduler.schedule(1_000_000L, Runnable::run, () -> {}))
        .isInstanceOf(RejectedExecutionException.class);
  }
}
