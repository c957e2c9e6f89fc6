package io.mmbot.chaos;

import static io.mmbot.chaos.GuardDriver.MS;
import static io.mmbot.chaos.GuardDriver.SECOND;
import static io.mmbot.chaos.GuardDriver.chaosOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.mmbot.chaos.time.VirtualTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard never throws into the bot's tick loop and never goes blind: bad durations are clamped
 * and counted, a guard clock that steps back re-bases the evaluation schedule, and a clock that
 * throws stops chaos instead of failing the caller. All in virtual time.
 */
class RollbackGuardFailSafeTest {

  @ParameterizedTest
  @ValueSource(longs = {-1L, Long.MIN_VALUE, -3_600_000_000_000L})
  void aNegativeDurationIsClampedToZeroAndCountedNeverThrown(long duration) {
    GuardDriver d = new GuardDriver(chaosOn().build());
    assertThatCode(() -> d.guard.recordTick(duration, true)).doesNotThrowAnyException();
    d.guard.recordTick(100 * MS, false);
    d.clock.advanceNanos(SECOND);
    RollbackGuard.Status s = d.evaluate();
    assertThat(s.totalTicks()).isEqualTo(2);
    assertThat(s.totalDeadlineMisses()).isEqualTo(1);
    assertThat(s.clampedTicks()).isEqualTo(1);
    assertThat(d.injector.enabled()).isTrue();
  }

  @Test
  void aDurationTakenAcrossAWallClockStepBackDoesNotThrow() {
    GuardDriver d = new GuardDriver(chaosOn().build());
    long wallStart = 1_700_000_000_000L; // ms
    long wallEnd = wallStart - 3_600_000L; // NTP stepped the wall clock back an hour mid-tick
    assertThatCode(() -> d.guard.recordTick((wallEnd - wallStart) * MS, false))
        .doesNotThrowAnyException();
    assertThat(d.evaluate().clampedTicks()).isEqualTo(1);
  }

  @Test
  void aGuardClockSteppedBackAnHourStillTripsWithinItsWindowAfterTheStep() {
    VirtualTime time = new VirtualTime();
    ChaosInjector injector =
        ChaosInjector.builder().config(chaosOn().build()).nanoClock(time).build();
    AtomicLong offset = new AtomicLong();
    RollbackGuard guard =
        RollbackGuard.builder(injector).nanoClock(() -> time.getAsLong() + offset.get()).build();
    long window = injector.config().rollback().deadlineMissWindowSec();
    long trippedAt = -1;
    for (int sec = 0; sec < 20 * 60 && trippedAt < 0; sec++) {
      if (sec == 60) {
        offset.addAndGet(-3_600 * SECOND);
      }
      for (int i = 0; i < 10; i++) {
        guard.recordTick(150 * MS, true); // every tick misses its deadline
        time.advanceNanos(SECOND / 10);
      }
      if (!injector.enabled()) {
        trippedAt = sec + 1;
      }
    }
    assertThat(trippedAt).as("seconds until the rollback").isPositive();
    assertThat(trippedAt).isLessThanOrEqualTo(60 + window + 2);
    assertThat(trippedAt).isGreaterThanOrEqualTo(window);
    assertThat(injector.lastDisableReason()).isEqualTo(ChaosReasons.DEADLINE_MISS);
    assertThat(guard.trippedReason()).isEqualTo(ChaosReasons.DEADLINE_MISS);
  }

  @Test
  void aGuardClockSteppedBackKeepsTheTimeAConditionHasAlreadyHeld() {
    VirtualTime time = new VirtualTime();
    ChaosInjector injector =
        ChaosInjector.builder().config(chaosOn().build()).nanoClock(time).build();
    AtomicLong offset = new AtomicLong();
    RollbackGuard guard =
        RollbackGuard.builder(injector).nanoClock(() -> time.getAsLong() + offset.get()).build();
    for (int sec = 0; sec < 120; sec++) {
      if (sec == 60) {
        offset.addAndGet(-3_600 * SECOND);
      }
      guard.recordTick(150 * MS, true);
      time.advanceNanos(SECOND);
    }
    RollbackGuard.Trigger miss = guard.status().trigger(ChaosReasons.DEADLINE_MISS);
    assertThat(miss.holding()).isTrue();
    assertThat(miss.heldFor().toSeconds()).isBetween(118L, 120L);
  }

  @Test
  void statusDoesNotThrowWhenTheGuardClockThrowsAndSwitchesChaosOff() {
    VirtualTime time = new VirtualTime();
    ChaosInjector injector =
        ChaosInjector.builder().config(chaosOn().build()).nanoClock(time).build();
    AtomicBoolean broken = new AtomicBoolean();
    RollbackGuard guard =
        RollbackGuard.builder(injector)
            .nanoClock(
                () -> {
                  if (broken.get()) {
                    throw new IllegalStateException("clock gone");
                  }
                  return time.getAsLong();
                })
            .build();
    guard.recordTick(100 * MS, false);
    broken.set(true);
    RollbackGuard.Status s = guard.status();
    assertThat(s).isNotNull();
    assertThat(s.totalTicks()).isEqualTo(1);
    assertThat(s.armed()).isFalse();
    assertThat(injector.enabled()).isFalse();
    assertThat(injector.lastDisableReason()).isEqualTo(ChaosReasons.GUARD_ERROR);
  }
}
