package io.mmbot.chaos.time;

import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@link Scheduler#system()}: one daemon timer thread for the whole JVM that only hands tasks over
 * to their executors, so a slow task never delays another timer.
 */
enum SystemScheduler implements Scheduler {
  INSTANCE;

  private static final System.Logger LOG = System.getLogger(Scheduler.class.getName());

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Future<?> schedule(long delayNanos, Executor executor, Runnable task) {
    return Timer.THREAD.schedule(
        () -> handOver(executor, task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
  }

  private static void handOver(Executor executor, Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.log(System.Logger.Level.WARNING, "executor rejected a mm-chaos timer task", e);
    }
  }

  /** Holder: the thread starts only when the first timer is set. */
  private static final class Timer {
    static final ScheduledThreadPoolExecutor THREAD = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor t =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread th = new Thread(r, "mm-chaos-timer");
                th.setDaemon(true);
                return th;
              });
      t.setRemoveOnCancelPolicy(true);
      return t;
    }
  }
}
