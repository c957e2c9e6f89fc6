package io.mmbot.chaos.examples.exchange.sim;

import java.util.PriorityQueue;

/**
 * Virtual time and a queue of events ordered by time, then by the order they were scheduled (so two
 * events at the same instant run in a fixed order and a run is reproducible). Time moves only when
 * {@link #runUntil} is called; an event runs with {@link #now()} equal to its own time. Not
 * thread-safe: one simulation, one thread.
 */
public final class VirtualScheduler {

  private static final class Event implements Comparable<Event> {
    final long at;
    final long seq;
    final Runnable action;

    Event(long at, long seq, Runnable action) {
      this.at = at;
      this.seq = seq;
      this.action = action;
    }

    @Override
    public int compareTo(Event o) {
      int c = Long.compare(at, o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final PriorityQueue<Event> queue = new PriorityQueue<>();
  private long now;
  private long seq;
  private long executed;

  /** Virtual time in nanoseconds since the start of the simulation. */
  public long now() {
    return now;
  }

  /** Schedules {@code action} at {@code atNanos} (at once, after due events, if in the past). */
  public void at(long atNanos, Runnable action) {
    queue.add(new Event(Math.max(atNanos, now), seq++, action));
  }

  /** Runs every event due up to and including {@code untilNanos}, then sets the time to it. */
  public void runUntil(long untilNanos) {
    for (Event e = queue.peek(); e != null && e.at <= untilNanos; e = queue.peek()) {
      queue.poll();
      now = e.at;
      executed++;
      e.action.run();
    }
    if (untilNanos > now) {
      now = untilNanos;
    }
  }

  /** Events run so far. */
  public long executed() {
    return executed;
  }
}
