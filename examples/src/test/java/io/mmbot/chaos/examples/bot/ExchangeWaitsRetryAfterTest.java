package io.mmbot.chaos.examples.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.exchange.Endpoint;
import io.mmbot.chaos.exchange.RestCall;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The wait after a 429 with millisecond parts, in virtual nanoseconds, without jitter. */
class ExchangeWaitsRetryAfterTest {

  private static final long MS = 1_000_000L;
  private static final long T = 42_000 * MS;

  private static ExchangeWaits waits(BotConfig cfg) {
    SplittableRandom r = new SplittableRandom(1);
    // a jitter of base 0 and cap 0 is always 0: the wait is exactly what the bot computes
    return new ExchangeWaits(cfg, new Backoff(0, 250, 4_000, r.split()), new Backoff(0, 0, 0, r));
  }

  private static RestCall limited(long retryAfterMs) {
    RestCall c = RestCall.of(Endpoint.ACCOUNT);
    c.answerMs(429, 0, retryAfterMs, 0, 0);
    return c;
  }

  @Test
  void theResilientBotWaitsTheMillisecondsItIsTold() {
    ExchangeWaits w = waits(BotConfig.defaults());
    w.answered(limited(1_350), T);
    assertThat(w.rateLimited(T + 1_350 * MS - 1)).isTrue();
    assertThat(w.rateLimited(T + 1_350 * MS)).isFalse();
  }

  @Test
  void withoutExactRetryAfterTheBotComesBackOneHundredMillisecondsShort() {
    ExchangeWaits w = waits(BotConfig.defaults().without(ResilienceFeature.RETRY_AFTER_EXACT));
    w.answered(limited(1_350), T);
    assertThat(w.rateLimited(T + 1_250 * MS - 1)).isTrue();
    assertThat(w.rateLimited(T + 1_250 * MS)).isFalse();
  }

  @Test
  void aWholeSecondRetryAfterIsWaitedAsBefore() {
    ExchangeWaits w = waits(BotConfig.defaults());
    RestCall c = RestCall.of(Endpoint.ACCOUNT);
    c.answer(429, 0, 1, 0, 0);
    w.answered(c, T);
    assertThat(w.rateLimited(T + 1_000 * MS - 1)).isTrue();
    assertThat(w.rateLimited(T + 1_000 * MS)).isFalse();
  }

  @Test
  void withoutRetryAfterTheBotDoesNotWaitAtAll() {
    ExchangeWaits w = waits(BotConfig.defaults().without(ResilienceFeature.RETRY_AFTER));
    w.answered(limited(1_350), T);
    assertThat(w.rateLimited(T)).isFalse();
  }
}
