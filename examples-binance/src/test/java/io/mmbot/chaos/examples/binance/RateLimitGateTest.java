package io.mmbot.chaos.examples.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitGateTest {

  private final AtomicLong now = new AtomicLong(5_000_000_000L);
  private final RateLimitGate gate = new RateLimitGate(now::get);

  @Test
  void retryAfterClosesTheGateForExactlyThatManySeconds() {
    assertThat(gate.isOpen()).isTrue();
    gate.retryAfter(3);
    now.addAndGet(2_999_999_999L);
    assertThat(gate.isOpen()).isFalse();
    now.addAndGet(1);
    assertThat(gate.isOpen()).isTrue();
  }

  @Test
  void aShorterRetryAfterNeverReopensAGateALongerOneClosed() {
    gate.retryAfter(60);
    gate.retryAfter(1);
    now.addAndGet(30_000_000_000L);
    assertThat(gate.isOpen()).isFalse();
  }

  @Test
  void aRateLimitWithoutRetryAfterClosesTheGateForTheFallback() {
    gate.limited();
    now.addAndGet(RateLimitGate.FALLBACK_SECONDS * 1_000_000_000L - 1);
    assertThat(gate.isOpen()).isFalse();
    now.addAndGet(1);
    assertThat(gate.isOpen()).isTrue();
  }

  @Test
  void theConnectorsExceptionAfterTheTapsRetryAfterDoesNotShortenIt() {
    gate.retryAfter(5);
    gate.limited();
    now.addAndGet(4_000_000_000L);
    assertThat(gate.isOpen()).isFalse();
  }
}
