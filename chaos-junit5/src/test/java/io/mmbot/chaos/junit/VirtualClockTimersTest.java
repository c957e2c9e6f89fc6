package io.mmbot.chaos.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The clock the extension injects is the library's virtual clock: a scheduler with timers too. */
class VirtualClockTimersTest {

  @ChaosTest
  void theInjectedClockFiresTimersInDueOrderAsTheTestAdvancesIt(VirtualClock clock) {
    Scheduler scheduler = clock;
    List<String> fired = new ArrayList<>();
    scheduler.schedule(
        Duration.ofMillis(20).toNanos(), Runnable::run, () -> fired.add("b@" + clock.elapsed()));
    scheduler.schedule(
        Duration.ofMillis(10).toNanos(), Runnable::run, () -> fired.add("a@" + clock.elapsed()));

    assertThat(clock.pending()).isEqualTo(2);
    clock.advanceMillis(15);
    assertThat(fired).containsExactly("a@PT0.01S");

    clock.advance(Duration.ofMillis(5));
    assertThat(fired).containsExactly("a@PT0.01S", "b@PT0.02S");
    assertThat(clock.pending()).isZero();
  }
}
