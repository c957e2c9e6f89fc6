package io.mmbot.chaos.examples.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final AtomicLong now = new AtomicLong();

  @Test
  void aFullBucketGivesItsCapacityThenOneTokenPerRefillPeriod() {
    TokenBucket cancels = new TokenBucket(4, 4, now::get);
    for (int i = 0; i < 4; i++) {
      assertThat(cancels.tryTake()).isTrue();
    }
    assertThat(cancels.tryTake()).isFalse();
    now.addAndGet(249_000_000L);
    assertThat(cancels.tryTake()).isFalse();
    now.addAndGet(1_000_000L);
    assertThat(cancels.tryTake()).isTrue();
    assertThat(cancels.tryTake()).isFalse();
  }

  @Test
  void anIdleBucketSavesNoMoreThanItsCapacity() {
    TokenBucket retries = new TokenBucket(1, 2, now::get);
    now.addAndGet(60_000_000_000L);
    assertThat(retries.tryTake()).isTrue();
    assertThat(retries.tryTake()).isTrue();
    assertThat(retries.tryTake()).isFalse();
  }

  @Test
  void aRateOrCapacityOutOfRangeIsRefusedWithBothValues() {
    assertThatThrownBy(() -> new TokenBucket(0, 2, now::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ratePerSecond");
  }
}
