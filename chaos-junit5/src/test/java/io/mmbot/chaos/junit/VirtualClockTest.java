package io.mmbot.chaos.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

  @Test
  void startsAtZeroAndMovesOnlyWhenAdvanced() {
    VirtualClock clock = new VirtualClock();

    assertThat(clock.nanoTime()).isZero();
    assertThat(clock.getAsLong()).isZero();
    assertThat(clock.advance(Duration.ofSeconds(2))).isEqualTo(2_000_000_000L);
    assertThat(clock.advanceMillis(3)).isEqualTo(2_003_000_000L);
    assertThat(clock.advanceNanos(7)).isEqualTo(2_003_000_007L);
    assertThat(clock.getAsLong()).isEqualTo(clock.nanoTime()).isEqualTo(2_003_000_007L);
    assertThat(clock.elapsed()).isEqualTo(Duration.ofNanos(2_003_000_007L));
    assertThat(clock).hasToString("VirtualClock{PT2.003000007S}");
  }

  @Test
  void neverGoesBackwards() {
    VirtualClock clock = new VirtualClock();
    clock.advanceMillis(5);

    assertThatThrownBy(() -> clock.advance(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a virtual clock only moves forward: advance(PT-0.001S)");
    assertThatThrownBy(() -> clock.advanceMillis(-1))
        .hasMessage("a virtual clock only moves forward: advanceMillis(-1)");
    assertThatThrownBy(() -> clock.advanceNanos(-1))
        .hasMessage("a virtual clock only moves forward: advanceNanos(-1)");
    assertThat(clock.nanoTime()).isEqualTo(5_000_000L);
  }

  @Test
  void aZeroAdvanceIsAllowedAndChangesNothing() {
    VirtualClock clock = new VirtualClock();

    assertThat(clock.advance(Duration.ZERO)).isZero();
    assertThat(clock.advanceMillis(0)).isZero();
  }

  @Test
  void advancesFromSeveralThreadsAreNotLost() throws InterruptedException {
    VirtualClock clock = new VirtualClock();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 10_000; i++) {
                  clock.advanceNanos(1);
                }
              });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }

    assertThat(clock.nanoTime()).isEqualTo(40_000L);
  }
}
