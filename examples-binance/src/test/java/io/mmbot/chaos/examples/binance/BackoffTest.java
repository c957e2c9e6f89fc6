package io.mmbot.chaos.examples.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void theWaitIsDrawnUniformlyUpToADoublingCeilingCappedAtTheCap() {
    Backoff b = new Backoff(100, 800, now::get, new Random(7));
    long[] ceilings = {100, 200, 400, 800, 800, 800};
    for (long ceilingMs : ceilings) {
      long wait = b.failed();
      assertThat(wait).isBetween(0L, ceilingMs * 1_000_000L);
    }
    assertThat(b.failures()).isEqualTo(6);
  }

  @Test
  void fullJitterHalfTheDrawsFallBelowHalfTheCeilingWithinBinomialBounds() {
    int n = 2_000;
    int below = 0;
    Random random = new Random(42);
    for (int i = 0; i < n; i++) {
      Backoff b = new Backoff(100, 2_000, now::get, random);
      if (b.failed() < 50_000_000L) {
        below++;
      }
    }
    double sigma = Math.sqrt(0.25 / n);
    assertThat(below / (double) n).isBetween(0.5 - 4.5 * sigma, 0.5 + 4.5 * sigma);
  }

  @Test
  void notReadyUntilTheDrawnWaitHasPassedInVirtualTime() {
    Backoff b = new Backoff(100, 2_000, now::get, new Random(3));
    assertThat(b.ready()).isTrue();
    long wait = b.failed();
    if (wait > 0) {
      now.addAndGet(wait - 1);
      assertThat(b.ready()).isFalse();
    }
    now.addAndGet(1);
    assertThat(b.ready()).isTrue();
  }

  @Test
  void aSuccessStartsTheNextFailureFromTheBaseAgain() {
    Backoff b = new Backoff(100, 2_000, now::get, new Random(5));
    for (int i = 0; i < 5; i++) {
      b.failed();
    }
    b.succeeded();
    assertThat(b.failed()).isBetween(0L, 100_000_000L);
  }
}
