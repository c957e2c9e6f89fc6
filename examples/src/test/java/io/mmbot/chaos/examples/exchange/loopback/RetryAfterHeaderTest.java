package io.mmbot.chaos.examples.exchange.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.MissingNode;
import io.mmbot.chaos.exchange.Endpoint;
import io.mmbot.chaos.exchange.RestCall;
import org.junit.jupiter.api.Test;

/** How the client reads a {@code Retry-After} header: whole seconds, or decimal seconds. */
class RetryAfterHeaderTest {

  private static RestCall answered(String retryAfter) {
    RestCall c = RestCall.of(Endpoint.ACCOUNT);
    BinanceWire.answer(c, 429, retryAfter, null, MissingNode.getInstance(), 0);
    return c;
  }

  @Test
  void wholeSecondsReadAsBefore() {
    RestCall c = answered("3");
    assertThat(c.retryAfterSec()).isEqualTo(3);
    assertThat(c.retryAfterMs()).isEqualTo(3_000);
  }

  @Test
  void aDecimalValueIsReadToTheMillisecond() {
    RestCall c = answered(" 1.350 ");
    assertThat(c.retryAfterMs()).isEqualTo(1_350);
    assertThat(c.retryAfterSec()).isEqualTo(2);
    assertThat(answered("0.5").retryAfterMs()).isEqualTo(500);
  }

  @Test
  void digitsFinerThanAMillisecondRoundUp() {
    assertThat(answered("1.3501").retryAfterMs()).isEqualTo(1_351);
  }

  @Test
  void aMissingNegativeOrUnreadableValueIsNoWait() {
    assertThat(answered(null).retryAfterMs()).isZero();
    assertThat(answered("soon").retryAfterMs()).isZero();
    assertThat(answered("-1.5").retryAfterMs()).isZero();
    assertThat(answered("1e3").retryAfterMs()).isZero();
  }
}
