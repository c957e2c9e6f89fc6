package io.mmbot.chaos;

import io.mmbot.chaos.time.VirtualTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a {@link RollbackGuard} second by second in virtual time. {@link #second} spreads the
 * ticks of one second evenly over it and leaves the clock on the next whole second, where the guard
 * evaluates; {@link #evaluate()} runs that evaluation and returns the status.
 */
final class GuardDriver {

  static final long SECOND = 1_000_000_000L;
  static final long MS = 1_000_000L;

  final VirtualTime clock;
  final ChaosInjector injector;
  final RollbackGuard guard;
  final List<ChaosListener.StateChange> disabled = new ArrayList<>();
  long seconds;

  GuardDriver(ChaosConfig config) {
    this(config, null);
  }

  GuardDriver(ChaosConfig config, RollbackConfig fixed) {
    clock = new VirtualTime();
    injector =
        ChaosInjector.builder()
            .config(config)
            .nanoClock(clock)
            .listener(
                new ChaosListener() {
                  @Override
                  public void onStateChange(StateChange change) {
                    if (change.change() == Change.DISABLED) {
                      disabled.add(change);
                    }
                  }
                })
            .build();
    RollbackGuard.Builder b = RollbackGuard.builder(injector);
    if (fixed != null) {
      b.config(fixed);
    }
    guard = b.build();
  }

  /** The same injector and clock with another guard. */
  GuardDriver(GuardDriver other, RollbackGuard guard) {
    this.clock = other.clock;
    this.injector = other.injector;
    this.guard = guard;
    this.seconds = other.seconds;
  }

  /** Chaos on, continuously, nothing injected; default rollback thresholds. */
  static ChaosConfig.Builder chaosOn() {
    return ChaosConfig.builder().enabled(true).dryRun(false).burstOffSec(0).seed(1L);
  }

  /**
   * One second of {@code ticks} ticks of {@code tickMs}, the first {@code misses} of them missing
   * their deadline, and {@code ops} operations of which the first {@code fails} failed partially.
   */
  void second(int ticks, double tickMs, int misses, int ops, int fails) {
    long start = clock.getAsLong();
    int n = Math.max(ticks, ops);
    long step = n == 0 ? SECOND : SECOND / n;
    for (int i = 0; i < n; i++) {
      clock.advanceNanos(i == 0 ? 0 : step);
      if (i < ticks) {
        guard.recordTick((long) (tickMs * MS), i < misses);
      }
      if (i < ops) {
        guard.recordOperation(i < fails);
      }
    }
    clock.advanceNanos(start + SECOND - clock.getAsLong());
    seconds++;
  }

  /** Ten healthy 100 ms ticks and ten sound operations. */
  void healthy() {
    second(10, 100, 0, 10, 0);
  }

  RollbackGuard.Status evaluate() {
    return guard.status();
  }
}
