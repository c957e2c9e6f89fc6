package io.mmbot.chaos.okhttp;

import io.mmbot.chaos.time.VirtualTime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import okhttp3.Call;

/**
 * {@link Timing} in virtual time: a sleep advances the clock at once (and is recorded); scheduled
 * tasks wait in a queue until the test advances the clock past their due time, and then run on the
 * test's thread in due order.
 */
final class VirtualTiming implements Timing {

  private final VirtualTime clock;
  private final List<Long> sleeps = new CopyOnWriteArrayList<>();
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private long sequence;
  private volatile Consumer<Call> duringSleep = call -> {};

  VirtualTiming(VirtualTime clock) {
    this.clock = clock;
  }

  /** Runs {@code action} in the middle of every sleep (to cancel the call, say). */
  void duringSleep(Consumer<Call> action) {
    this.duringSleep = action;
  }

  /** The sleeps so far, in milliseconds. */
  List<Long> sleeps() {
    return List.copyOf(sleeps);
  }

  /** Scheduled tasks not yet run. */
  synchronized int pending() {
    return tasks.size();
  }

  @Override
  public long nanoTime() {
    return clock.getAsLong();
  }

  /**
   * Records the sleep, runs the {@link #duringSleep} action (which may advance the clock itself),
   * then ends early if {@code goOn} is false, as the real timing does at its next look, or else
   * advances the clock to the sleep's end.
   */
  @Override
  public boolean sleep(long millis, Call call, BooleanSupplier goOn) throws IOException {
    sleeps.add(millis);
    long start = clock.getAsLong();
    duringSleep.accept(call);
    if (call.isCanceled()) {
      throw new IOException("Canceled");
    }
    if (!goOn.getAsBoolean()) {
      return false;
    }
    long rest = millis * 1_000_000L - (clock.getAsLong() - start);
    if (rest > 0) {
      clock.advance(java.time.Duration.ofNanos(rest));
    }
    return true;
  }

  @Override
  public synchronized void schedule(long millis, Runnable task) {
    tasks.add(new Task(clock.getAsLong() + millis * 1_000_000L, sequence++, task));
  }

  /** Advances the clock by {@code millis}, running every task that falls due, in order. */
  void advance(long millis) {
    long end = clock.getAsLong() + millis * 1_000_000L;
    for (; ; ) {
      Task t;
      synchronized (this) {
        t = tasks.peek();
        if (t == null || t.due > end) {
          break;
        }
        tasks.poll();
      }
      long step = t.due - clock.getAsLong();
      if (step > 0) {
        clock.advance(java.time.Duration.ofNanos(step));
      }
      t.task.run();
    }
    long rest = end - clock.getAsLong();
    if (rest > 0) {
      clock.advance(java.time.Duration.ofNanos(rest));
    }
  }

  /** The due times of the pending tasks, in milliseconds from now. */
  synchronized List<Long> pendingDelaysMillis() {
    List<Long> out = new ArrayList<>();
    long now = clock.getAsLong();
    for (Task t : tasks) {
      out.add((t.due - now) / 1_000_000L);
    }
    return out;
  }

  private static final class Task implements Comparable<Task> {
    final long due;
    final long seq;
    final Runnable task;

    Task(long due, long seq, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.task = task;
    }

    @Override
    public int compareTo(Task o) {
      int c = Long.compare(due, o.due);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
