package io.mmbot.chaos.time;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@link Scheduler#of}: real time, timers on the caller's own {@link ScheduledExecutorService}. */
final class ExecutorScheduler implements Scheduler {

  private static final System.Logger LOG = System.getLogger(Scheduler.class.getName());

  private final ScheduledExecutorService timers;

  ExecutorScheduler(ScheduledExecutorService timers) {
    this.timers = Objects.requireNonNull(timers, "timers");
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Future<?> schedule(long delayNanos, Executor executor, Runnable task) {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(task, "task");
    return timers.schedule(
        () -> handOver(executor, task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
  }

  private static void handOver(Executor executor, Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.log(System.Logger.Level.WARNING, "executor rejected a mm-chaos timer task", e);
    }
  }

  @Override
  public String toString() {
    return "Scheduler.of(" + timers + ')';
  }
}
