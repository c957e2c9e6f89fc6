package io.mmbot.chaos.examples.exchange.loopback;

import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The loopback connector's events on the bot's thread: the JDK's threads {@link #post} REST
 * completions and WebSocket events into an inbox, the bot sets {@link #timer}s, and {@link #pump}
 * runs both on the bot's thread, in order, until a condition holds or a time passes. So the bot
 * needs no locks, as on the simulated exchange.
 */
final class BotThreadLoop {

  private final LongSupplier time;
  private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private long timerSeq;

  /** A loop on {@code time}, the bot's nanoseconds. */
  BotThreadLoop(LongSupplier time) {
    this.time = time;
  }

  /** Puts an event for the bot's thread (from any thread). */
  void post(Runnable event) {
    inbox.add(event);
  }

  /** Runs {@code task} at {@code atNanos} (bot's thread only; timers at one time run in order). */
  void timer(long atNanos, Runnable task) {
    timers.add(new Timer(atNanos, ++timerSeq, task));
  }

  /**
   * Runs due timers and the inbox on this (the bot's) thread until {@code stop} holds or the time
   * reaches {@code until}.
   */
  void pump(long until, BooleanSupplier stop) {
    for (; ; ) {
      runDueTimers();
      for (Runnable r = inbox.poll(); r != null; r = inbox.poll()) {
        r.run();
      }
      if (stop.getAsBoolean()) {
        return;
      }
      long now = time.getAsLong();
      if (now >= until) {
        return;
      }
      long wake = until;
      Timer next = timers.peek();
      if (next != null && next.at < wake) {
        wake = next.at;
      }
      try {
        Runnable r = inbox.poll(Math.max(0, wake - now), TimeUnit.NANOSECONDS);
        if (r != null) {
          r.run();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void runDueTimers() {
    long now = time.getAsLong();
    for (Timer t = timers.peek(); t != null && t.at <= now; t = timers.peek()) {
      timers.poll();
      t.task.run();
    }
  }

  private record Timer(long at, long seq, Runnable task) implements Comparable<Timer> {
    @Override
    public int compareTo(Timer o) {
      int c = Long.compare(at, o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
