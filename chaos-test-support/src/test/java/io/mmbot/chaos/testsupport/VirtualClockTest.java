package io.mmbot.chaos.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

  private final VirtualClock clock = new VirtualClock(100);
  private final List<String> fired = new ArrayList<>();
  private final Executor direct = Runnable::run;

  private void at(long delay, String name) {
    clock.schedule(delay, direct, () -> fired.add(name + "@" + clock.nanoTime()));
  }

  @Test
  void timeMovesOnlyWhenAdvanced() {
    assertThat(clock.getAsLong()).isEqualTo(100);
    clock.advanceNanos(5);
    clock.advanceMillis(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(clock.nanoTime()).isEqualTo(100 + 5 + 1_000_000 + 1_000_000_000);
    assertThat(new VirtualClock().getAsLong()).isEqualTo(VirtualClock.DEFAULT_START_NANOS);
  }

  @Test
  void timersFireInDueOrderWithTheClockAtTheirDueTime() {
    at(30, "c");
    at(10, "a");
    at(10, "b");
    at(50, "late");

    clock.advanceNanos(40);

    assertThat(fired).containsExactly("a@110", "b@110", "c@130");
    assertThat(clock.nanoTime()).isEqualTo(140);
    assertThat(clock.pending()).isEqualTo(1);
  }

  @Test
  void aCancelledTimerNeverFires() {
    at(10, "kept");
    Future<?> dropped = clock.schedule(5, direct, () -> fired.add("dropped"));

    assertThat(dropped.cancel(false)).isTrue();
    clock.advanceNanos(20);

    assertThat(fired).containsExactly("kept@110");
    assertThat(dropped.isCancelled()).isTrue();
    assertThat(dropped.cancel(false)).isFalse();
  }

  @Test
  void aTimerSetByAFiringTimerFiresInTheSameAdvanceWhenDue() {
    clock.schedule(10, direct, () -> at(5, "second"));

    clock.advanceNanos(20);

    assertThat(fired).containsExactly("second@115");
  }
}
