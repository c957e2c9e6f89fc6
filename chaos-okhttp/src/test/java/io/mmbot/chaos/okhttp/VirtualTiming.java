package io.mmbot.chaos.okhttp;

import io.mmbot.chaos.time.VirtualTime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import okhttp3.Call;

/**
 * {@link Timing} in virtual time: a sleep advances the clock at once (and is recorded); scheduled
 * tasks are the clock's timers, so they run on the advancing thread in due order once the clock is
 * advanced past their due time, by the test or by a sleep.
 */
final class VirtualTiming implements Timing {

  private final VirtualTime clock;
  private final List<Long> sleeps = new CopyOnWriteArrayList<>();
  private final List<ScheduledFuture<?>> timers = new CopyOnWriteArrayList<>();
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
  int pending() {
    return (int) timers.stream().filter(t -> !t.isDone()).count();
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
  public void schedule(long millis, Runnable task) {
    timers.removeIf(Future::isDone);
    timers.add((ScheduledFuture<?>) clock.schedule(millis * 1_000_000L, Runnable::run, task));
  }

  /** Advances the clock by {@code millis}, running every task that falls due, in order. */
  void advance(long millis) {
    clock.advanceMillis(millis);
  }

  /** The due times of the pending tasks, in milliseconds from now. */
  List<Long> pendingDelaysMillis() {
    List<Long> out = new ArrayList<>();
    for (ScheduledFuture<?> t : timers) {
      if (!t.isDone()) {
        out.add(t.getDelay(TimeUnit.MILLISECONDS));
      }
    }
    return out;
  }
}
