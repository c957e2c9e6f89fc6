package io.mmbot.chaos.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestCallRetryAfterTest {

  @Test
  void aWholeSecondRetryAfterReadsTheSameInSecondsAndInMilliseconds() {
    RestCall c = RestCall.of(Endpoint.ACCOUNT);
    c.answer(429, 0, 3, 0, 0);
    assertThat(c.retryAfterSec()).isEqualTo(3);
    assertThat(c.retryAfterMs()).isEqualTo(3_000);
    assertThat(c.rateLimited()).isTrue();
  }

  @Test
  void noRetryAfterIsZeroInBothForms() {
    RestCall c = RestCall.of(Endpoint.ACCOUNT);
    c.answer(200, 0, 0, 5, 0);
    assertThat(c.retryAfterSec()).isZero();
    assertThat(c.retryAfterMs()).isZero();
  }

  @Test
  void millisecondPartsAreKeptAndTheSecondsRoundUp() {
    RestCall c = RestCall.of(Endpoint.ACCOUNT);
    c.answerMs(429, 0, 1_350, 0, 0);
    assertThat(c.retryAfterMs()).isEqualTo(1_350);
    assertThat(c.retryAfterSec()).as("a whole-second reader never comes back early").isEqualTo(2);
    assertThat(c.httpStatus()).isEqualTo(429);

    c.answerMs(429, 0, 2_000, 0, 0);
    assertThat(c.retryAfterSec()).isEqualTo(2);
    c.answerMs(418, 0, 1, 0, 0);
    assertThat(c.retryAfterSec()).isEqualTo(1);
    assertThat(c.retryAfterMs()).isEqualTo(1);
  }

  @Test
  void aFailureClearsBothForms() {
    RestCall c = RestCall.of(Endpoint.ACCOUNT);
    c.answerMs(429, 0, 1_350, 0, 0);
    c.fail(RestCall.Failure.TIMEOUT);
    assertThat(c.retryAfterSec()).isZero();
    assertThat(c.retryAfterMs()).isZero();
  }

  @Test
  void anEnormousWholeSecondValueSaturatesInsteadOfOverflowing() {
    RestCall c = RestCall.of(Endpoint.ACCOUNT);
    c.answer(429, 0, Long.MAX_VALUE / 10, 0, 0);
    assertThat(c.retryAfterMs()).isEqualTo(Long.MAX_VALUE);
    assertThat(c.retryAfterSec()).isEqualTo(Long.MAX_VALUE / 10);
  }
}
