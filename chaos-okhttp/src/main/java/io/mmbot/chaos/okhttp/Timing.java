package io.mmbot.chaos.okhttp;

import io.mmbot.chaos.time.Scheduler;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import okhttp3.Call;

/**
 * The waits and timers of the adapter: injected latency, lost-response waits, lagged WebSocket
 * deliveries and disconnect checks. Tests replace it with virtual time; users choose the thread
 * that runs timers through {@link ChaosOkHttp.Builder#scheduler}.
 */
interface Timing {

  /** The current time in nanoseconds, on the same base as {@link #schedule}'s delays. */
  long nanoTime();

  /**
   * Blocks the calling thread for {@code millis}, or until {@code goOn} turns false (chaos was
   * switched off: the rest of an injected wait is not served), looked at about every {@value
   * SystemTiming#POLL_MILLIS} ms. Ends early with {@code IOException("Canceled")} when {@code call}
   * is canceled (as OkHttp reports a canceled call), and with an {@link InterruptedIOException}
   * when the thread is interrupted.
   *
   * @return true if the whole wait was served, false if it ended because {@code goOn} turned false
   */
  boolean sleep(long millis, Call call, BooleanSupplier goOn) throws IOException;

  /**
   * Runs {@code task} once, {@code millis} from now, without holding a thread meanwhile.
   *
   * @throws java.util.concurrent.RejectedExecutionException if the user's scheduler refuses it (it
   *     was shut down)
   */
  void schedule(long millis, Runnable task);

  /**
   * Time and timers from {@code scheduler} (real time with {@link Scheduler#system()}); the tasks
   * it hands over run on the common pool, so a slow task never holds up a timer.
   */
  static Timing system(Scheduler scheduler) {
    return new SystemTiming(scheduler);
  }

  /** {@link Timing} on a {@link Scheduler}: blocking waits poll its time, timers are its timers. */
  final class SystemTiming implements Timing {
    /** How often a sleeping call looks whether it was canceled or chaos switched off, in ms. */
    static final long POLL_MILLIS = 5;

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);

    private final Scheduler scheduler;

    SystemTiming(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    @Override
    public long nanoTime() {
      return scheduler.nanoTime();
    }

    @Override
    public boolean sleep(long millis, Call call, BooleanSupplier goOn) throws IOException {
      long deadline = scheduler.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
      for (long left = deadline - scheduler.nanoTime();
          left > 0;
          left = deadline - scheduler.nanoTime()) {
        if (call.isCanceled()) {
          throw new IOException("Canceled");
        }
        if (!goOn.getAsBoolean()) {
          return false;
        }
        LockSupport.parkNanos(Math.min(left, POLL_NANOS));
        if (Thread.interrupted()) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted during injected latency");
        }
      }
      if (call.isCanceled()) {
        throw new IOException("Canceled");
      }
      return true;
    }

    @Override
    public void schedule(long millis, Runnable task) {
      Objects.requireNonNull(task, "task");
      scheduler.schedule(TimeUnit.MILLISECONDS.toNanos(millis), ForkJoinPool.commonPool(), task);
    }
  }
}
