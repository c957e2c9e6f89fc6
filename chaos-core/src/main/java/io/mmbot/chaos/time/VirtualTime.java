package io.mmbot.chaos.time;

import java.time.Duration;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The library's virtual clock: a nano clock and a {@link Scheduler} whose time moves only when it
 * is advanced. Pass one instance as both the {@code nanoClock} and the {@code scheduler} of the
 * injector and the adapters, and every window, rate, expiry, delay and timeout follows the test's
 * advances instead of the machine's time, so a timing test needs no sleeping and gives the same
 * result on a slow machine.
 *
 * <p>Timers are one-shot. An advance fires every timer that falls due on its way, in due order
 * (timers due at the same time in the order they were set), each with the clock reading its due
 * time, by handing the task to its executor on the advancing thread; after the last one the clock
 * reads the advance's target. A timer set while an advance runs (by a task, say) fires in the same
 * advance if it falls due before the target. A delay of zero or less fires at the next advance,
 * {@code advanceNanos(0)} included, never within {@code schedule} itself. An exception from an
 * executor or a task leaves the advance at once: the clock reads that timer's due time and later
 * timers stay set.
 *
 * <p>Like {@link System#nanoTime()}, only differences between readings mean anything; a clock
 * starts at the reading given to its constructor (0 by default). Time never goes backwards.
 *
 * <p>Thread safety: safe for concurrent use. Readings take no lock and see every advance that
 * completed before them; advances from several threads run one at a time and none is lost.
 */
public class VirtualTime implements LongSupplier, Scheduler {

  private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
  private static final int PENDING = 0;
  private static final int FIRED = 1;
  private static final int CANCELLED = 2;

  /** Guards {@link #timers}, {@link #sequence}, the timers' states and every write of now. */
  private final Object lock = new Object();

  /** Lets one advance run at a time; reentrant, so that a task may advance the clock itself. */
  private final ReentrantLock advancing = new ReentrantLock();

  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final long startNanos;
  private volatile long now;
  private long sequence;

  /** A clock reading 0 that moves only when advanced. */
  public VirtualTime() {
    this(0);
  }

  /** A clock reading {@code startNanos} that moves only when advanced. */
  public VirtualTime(long startNanos) {
    this.startNanos = startNanos;
    this.now = startNanos;
  }

  /** The current reading in nanoseconds, as {@link #nanoTime()}. */
  @Override
  public final long getAsLong() {
    return now;
  }

  /** The current reading in nanoseconds. */
  @Override
  public final long nanoTime() {
    return now;
  }

  /** The time advanced so far, from the start reading to the current one. */
  public final Duration elapsed() {
    return Duration.ofNanos(now - startNanos);
  }

  /**
   * Hands {@code task} to {@code executor} on the advancing thread once the clock has been advanced
   * by {@code delayNanos} (at the next advance, for zero or less).
   *
   * @return a handle whose {@code cancel} stops the task if it has not been handed over yet
   */
  @Override
  public final Future<?> schedule(long delayNanos, Executor executor, Runnable task) {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(task, "task");
    synchronized (lock) {
      Timer timer = new Timer(now + Math.max(0, delayNanos), sequence++, executor, task);
      timers.add(timer);
      lock.notifyAll();
      return timer;
    }
  }

  /**
   * Moves the clock forward by {@code amount}, firing every timer that falls due on the way, and
   * returns the new reading.
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public final long advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw backwards("advance(" + amount + ")");
    }
    return advanceNanos(amount.toNanos());
  }

  /**
   * Moves the clock forward by {@code millis} milliseconds, firing every timer that falls due on
   * the way, and returns the new reading.
   *
   * @throws IllegalArgumentException if {@code millis} is negative
   */
  public final long advanceMillis(long millis) {
    if (millis < 0) {
      throw backwards("advanceMillis(" + millis + ")");
    }
    return advanceNanos(Math.multiplyExact(millis, 1_000_000L));
  }

  /**
   * Moves the clock forward by {@code nanos} nanoseconds, firing every timer that falls due on the
   * way, and returns the new reading.
   *
   * @throws IllegalArgumentException if {@code nanos} is negative
   */
  public final long advanceNanos(long nanos) {
    if (nanos < 0) {
      throw backwards("advanceNanos(" + nanos + ")");
    }
    advancing.lock();
    try {
      long target = now + nanos;
      for (; ; ) {
        Timer due;
        synchronized (lock) {
          Timer head = timers.peek();
          if (head == null || head.due - target > 0) {
            if (target - now > 0) {
              now = target;
            }
            return now;
          }
          due = timers.poll();
          if (due.due - now > 0) {
            now = due.due;
          }
        }
        due.fire();
      }
    } finally {
      advancing.unlock();
    }
  }

  /** The number of timers set and not yet fired or cancelled. */
  public final int pending() {
    synchronized (lock) {
      return timers.size();
    }
  }

  /**
   * Waits, for at most 10 s of real time, until at least {@code n} timers are pending: until other
   * threads have reached the points where they wait on this clock.
   *
   * @throws IllegalStateException if fewer than {@code n} timers are pending after 10 s
   */
  public final void awaitPending(int n) throws InterruptedException {
    awaitPending(n, DEFAULT_WAIT);
  }

  /**
   * Waits, for at most {@code timeout} of real time, until at least {@code n} timers are pending.
   *
   * @throws IllegalStateException if fewer than {@code n} timers are pending after {@code timeout}
   */
  public final void awaitPending(int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (timers.size() < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException(
              "timed out after "
                  + timeout
                  + " waiting for "
                  + n
                  + " pending timers, have "
                  + timers.size());
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + '{' + elapsed() + '}';
  }

  private static IllegalArgumentException backwards(String call) {
    return new IllegalArgumentException("a virtual clock only moves forward: " + call);
  }

  /** One timer: its due reading, its place among timers due at the same reading, its task. */
  private final class Timer implements ScheduledFuture<Object> {
    final long due;
    final long seq;
    final Executor executor;
    final Runnable task;
    private int state = PENDING; // guarded by lock

    Timer(long due, long seq, Executor executor, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.executor = executor;
      this.task = task;
    }

    void fire() {
      synchronized (lock) {
        if (state != PENDING) {
          return;
        }
        state = FIRED;
      }
      executor.execute(task);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      synchronized (lock) {
        if (state != PENDING) {
          return false;
        }
        state = CANCELLED;
        timers.remove(this);
        return true;
      }
    }

    @Override
    public boolean isCancelled() {
      synchronized (lock) {
        return state == CANCELLED;
      }
    }

    @Override
    public boolean isDone() {
      synchronized (lock) {
        return state != PENDING;
      }
    }

    /** A timer has no result: a test waits on virtual time, never on the handle. */
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
      return unit.convert(due - now, TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      Timer t = (Timer) other;
      int byDue = Long.compare(due - t.due, 0);
      return byDue != 0 ? byDue : Long.compare(seq, t.seq);
    }
  }
}
