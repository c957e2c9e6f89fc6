package io.mmbot.chaos.time;

import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * {@link Scheduler#system()}: one daemon timer thread for the whole JVM that only hands tasks over
 * to their executors, so a slow task never delays another timer.
 */
enum SystemScheduler implements Scheduler {
  INSTANCE;

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Future<?> schedule(long delayNanos, Executor executor, Runnable task) {
    return Timer.SCHEDULER.schedule(delayNanos, executor, task);
  }

  /** Holder: the thread starts only when the first timer is set. */
  private static final class Timer {
    static final Scheduler SCHEDULER = new ExecutorScheduler(create());

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
