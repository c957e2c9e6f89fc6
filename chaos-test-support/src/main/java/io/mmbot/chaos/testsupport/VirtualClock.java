package io.mmbot.chaos.testsupport;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A nanosecond time source that moves only when a test advances it, with one-shot timers that fire
 * when an advance passes their due time: in due order (ties in the order they were set), each with
 * the clock set to its due time, handed to its executor on the advancing thread.
 *
 * <p>{@link #nanoTime()} and {@link #schedule} have the signatures of chaos-adapters' {@code
 * io.mmbot.chaos.time.Scheduler}, so a subclass there implements that interface with an empty body;
 * this module depends on no module of the project, so chaos-core's tests can use it too.
 *
 * <p>Safe for concurrent use: readers may run on any thread while a test advances the clock.
 */
public class VirtualClock implements LongSupplier {
  /** Where a clock starts unless told otherwise: far from zero, so that no test relies on 0. */
  public static final long DEFAULT_START_NANOS = 1_000_000_000_000L;

  private static final int POLLS = 400;
  private static final long POLL_MS = 25;

  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private long now;
  private long sequence;

  /** A clock at {@link #DEFAULT_START_NANOS}. */
  public VirtualClock() {
    this(DEFAULT_START_NANOS);
  }

  /** A clock at {@code startNanos}. */
  public VirtualClock(long startNanos) {
    this.now = startNanos;
  }

  @Override
  public synchronized long getAsLong() {
    return now;
  }

  /** The current virtual time in nanoseconds, as {@link #getAsLong()}. */
  public long nanoTime() {
    return getAsLong();
  }

  /**
   * Hands {@code task} to {@code executor} once the clock has been advanced by {@code delayNanos}
   * (by the next advance, for zero or less).
   */
  public synchronized Future<?> schedule(long delayNanos, Executor executor, Runnable task) {
    Timer t = new Timer(now + Math.max(0, delayNanos), sequence++, executor, task);
    timers.add(t);
    notifyAll();
    return t;
  }

  /** Moves time forward by {@code d}, firing every timer that falls due on the way. */
  public void advance(Duration d) {
    advanceNanos(d.toNanos());
  }

  /** Moves time forward by {@code ms} milliseconds. */
  public void advanceMillis(long ms) {
    advanceNanos(ms * 1_000_000L);
  }

  /** Moves time forward by {@code nanos}, firing every timer that falls due on the way. */
  public void advanceNanos(long nanos) {
    long target;
    synchronized (this) {
      target = now + nanos;
    }
    for (; ; ) {
      Timer due;
      synchronized (this) {
        Timer head = timers.peek();
        if (head == null || head.due - target > 0) {
          now = target;
          return;
        }
        due = timers.poll();
        if (due.due - now > 0) {
          now = due.due;
        }
      }
      due.fire();
    }
  }

  /** Timers set and not yet fired or cancelled. */
  public synchronized int pending() {
    return (int) timers.stream().filter(t -> !t.isCancelled()).count();
  }

  /**
   * Waits (bounded, about 10 s) until at least {@code n} timers are pending: another thread has
   * reached the point where it waits on this clock.
   */
  public synchronized void awaitPending(int n) throws InterruptedException {
    for (int i = 0; i < POLLS; i++) {
      if (pending() >= n) {
        return;
      }
      wait(POLL_MS);
    }
    throw new AssertionError("timed out waiting for " + n + " pending timers, have " + pending());
  }

  private final class Timer implements ScheduledFuture<Object> {
    final long due;
    final long seq;
    final Executor executor;
    final Runnable task;
    private volatile int state; // 0 pending, 1 fired, 2 cancelled

    Timer(long due, long seq, Executor executor, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.executor = executor;
      this.task = task;
    }

    void fire() {
      synchronized (VirtualClock.this) {
        if (state != 0) {
          return;
        }
        state = 1;
      }
      executor.execute(task);
    }

    @Override
    public boolean cancel(boolean mayInterrupt) {
      synchronized (VirtualClock.this) {
        if (state != 0) {
          return false;
        }
        state = 2;
        timers.remove(this);
        return true;
      }
    }

    @Override
    public boolean isCancelled() {
      return state == 2;
    }

    @Override
    public boolean isDone() {
      return state != 0;
    }

    /** A timer has no result; tests wait on virtual time, never on the handle. */
    @Override
    public Object get() {
      throw new IllegalStateException("a virtual timer has no result to wait for");
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return get();
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(due - getAsLong(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      Timer t = (Timer) o;
      int c = Long.compare(due, t.due);
      return c != 0 ? c : Long.compare(seq, t.seq);
    }
  }
}
