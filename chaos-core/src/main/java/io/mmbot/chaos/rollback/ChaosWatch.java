package io.mmbot.chaos.rollback;

import io.mmbot.chaos.ChaosListener;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the rollback guard hears from its injector: each enable (a generation count, so the guard
 * re-arms) and the last time chaos was seen (a burst starting or ending, an enable, a disable), so
 * that ticks close to chaos stay out of the measured baseline. Safe for concurrent use.
 */
final class ChaosWatch implements ChaosListener {

  private final long settleNanos;
  private final AtomicLong enables = new AtomicLong();
  private final AtomicLong lastChaosSeen = new AtomicLong();
  private volatile boolean chaosEverSeen;

  ChaosWatch(long settleNanos) {
    this.settleNanos = settleNanos;
  }

  @Override
  public void onStateChange(StateChange change) {
    switch (change.change()) {
      case ENABLED:
        chaosSeen(change.nanoTime());
        enables.incrementAndGet();
        break;
      case BURST_STARTED:
      case BURST_ENDED:
      case DISABLED:
        chaosSeen(change.nanoTime());
        break;
      default:
        break;
    }
  }

  /** How many times chaos has been enabled since the guard was built. */
  long enables() {
    return enables.get();
  }

  /** Records that chaos was seen at {@code t}; keeps the latest time. */
  void chaosSeen(long t) {
    for (; ; ) {
      long cur = lastChaosSeen.get();
      if (chaosEverSeen && t - cur <= 0 || lastChaosSeen.compareAndSet(cur, t)) {
        break;
      }
    }
    chaosEverSeen = true;
  }

  /** Moves the last time chaos was seen by {@code delta} (the guard's clock jumped). */
  void shift(long delta) {
    lastChaosSeen.addAndGet(delta);
  }

  /** Whether a second starting at {@code secondStart} is past the settling margin after chaos. */
  boolean settled(long secondStart) {
    return !chaosEverSeen || secondStart - lastChaosSeen.get() - settleNanos >= 0;
  }
}
