package io.mmbot.chaos.time;

import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The time source and the one-shot timers behind the adapters' delays and timeouts (injected
 * latency, lost responses, request timeouts, WebSocket lag and disconnect checks). The default,
 * {@link #system()}, reads {@link System#nanoTime()} and runs timers on one shared daemon thread;
 * tests pass a {@link VirtualTime} so that every delay, timeout and cancellation runs in virtual
 * time.
 *
 * <p>Contract: {@link #schedule} never runs the task on the calling thread, and hands it to the
 * given executor once at least the delay has passed on {@link #nanoTime()}. The returned handle's
 * {@code cancel} prevents a task that has not been handed over yet; a task already handed over may
 * still run, so a task must check for itself whether its work is still wanted.
 *
 * <p>Implementations must be safe for concurrent use.
 */
public interface Scheduler {

  /** The current time in nanoseconds, as {@link System#nanoTime()}: only differences matter. */
  long nanoTime();

  /**
   * Hands {@code task} to {@code executor} once {@code delayNanos} have passed (at once for zero or
   * less, but never on the calling thread).
   *
   * @return a handle whose {@code cancel} stops the task if it has not been handed over yet
   */
  Future<?> schedule(long delayNanos, Executor executor, Runnable task);

  /** {@link System#nanoTime()} and one shared daemon timer thread, started on first use. */
  static Scheduler system() {
    return SystemScheduler.INSTANCE;
  }

  /**
   * {@link System#nanoTime()} and the timers of {@code timers}, for a caller that wants the timer
   * thread to be its own: a due task is handed from {@code timers}' thread to its executor. Once
   * {@code timers} is shut down, {@link #schedule} throws its {@link
   * java.util.concurrent.RejectedExecutionException}. Nothing here shuts {@code timers} down.
   */
  static Scheduler of(ScheduledExecutorService timers) {
    return new ExecutorScheduler(timers);
  }
}
