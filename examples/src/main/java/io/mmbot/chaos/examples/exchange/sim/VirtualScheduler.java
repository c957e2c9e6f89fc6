package io.mmbot.chaos.examples.exchange.sim;

import java.util.Arrays;

/**
 * Virtual time and a queue of events ordered by time, then by the order they were scheduled (so two
 * events at the same instant run in a fixed order and a run is reproducible). Time moves only when
 * {@link #runUntil} is called; an event runs with {@link #now()} equal to its own time. Not
 * thread-safe: one simulation, one thread.
 *
 * <p>The queue is a binary heap kept in parallel arrays (time, sequence number, action), so that
 * scheduling an event allocates nothing but the action itself: a run schedules a few dozen events
 * per tick.
 *
 * <p>It stays apart from the library's {@code io.mmbot.chaos.time.VirtualTime} because it is a
 * simulation's single-threaded, allocation-free event queue on its hot path, not a clock shared
 * with tests and other threads.
 */
public final class VirtualScheduler {

  private long[] at = new long[64];
  private long[] seqs = new long[64];
  private Runnable[] actions = new Runnable[64];
  private int size;
  private long now;
  private long seq;
  private long executed;

  /** Virtual time in nanoseconds since the start of the simulation. */
  public long now() {
    return now;
  }

  /** Schedules {@code action} at {@code atNanos} (at once, after due events, if in the past). */
  public void at(long atNanos, Runnable action) {
    if (size == at.length) {
      int cap = size * 2;
      at = Arrays.copyOf(at, cap);
      seqs = Arrays.copyOf(seqs, cap);
      actions = Arrays.copyOf(actions, cap);
    }
    long t = Math.max(atNanos, now);
    long s = seq++;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(t, s, at[parent], seqs[parent])) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    at[i] = t;
    seqs[i] = s;
    actions[i] = action;
  }

  /** Runs every event due up to and including {@code untilNanos}, then sets the time to it. */
  public void runUntil(long untilNanos) {
    while (size > 0 && at[0] <= untilNanos) {
      now = at[0];
      Runnable action = actions[0];
      removeFirst();
      executed++;
      action.run();
    }
    if (untilNanos > now) {
      now = untilNanos;
    }
  }

  /** Events run so far. */
  public long executed() {
    return executed;
  }

  private static boolean before(long t1, long s1, long t2, long s2) {
    return t1 < t2 || (t1 == t2 && s1 < s2);
  }

  private void move(int from, int to) {
    at[to] = at[from];
    seqs[to] = seqs[from];
    actions[to] = actions[from];
  }

  /** Removes the earliest event: the last one sifts down from the root. */
  private void removeFirst() {
    int last = --size;
    long t = at[last];
    long s = seqs[last];
    Runnable a = actions[last];
    actions[last] = null;
    if (last == 0) {
      return;
    }
    int i = 0;
    int half = last >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < last && before(at[right], seqs[right], at[child], seqs[child])) {
        child = right;
      }
      if (!before(at[child], seqs[child], t, s)) {
        break;
      }
      move(child, i);
      i = child;
    }
    at[i] = t;
    seqs[i] = s;
    actions[i] = a;
  }
}
