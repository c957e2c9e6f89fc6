package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.examples.judge.RequestRateChecks;
import io.mmbot.chaos.examples.judge.WireLog;
import io.mmbot.chaos.exchange.server.RestObservation;
import org.junit.jupiter.api.Test;

/**
 * A 429 the exchange wrote after the bot had stopped waiting for it ({@code --bot-limits
 * answer_wait_ms=N}): the bot never saw it, so its {@code Retry-After} cannot bind the bot. Without
 * the declaration every written 429 binds, as on a real exchange.
 */
class LateAnswerTest {

  private static final long MS = 1_000_000L;

  private static RestObservation answered(long atMs, long tookMs, int status, long raSec) {
    return new RestObservation(
        atMs * MS,
        (atMs + tookMs) * MS,
        "OPEN_ORDERS",
        RestObservation.Ending.ANSWERED,
        status,
        status == 200 ? 0 : -1003,
        raSec,
        null,
        (char) 0,
        0);
  }

  /** A 429 (Retry-After 1 s) written {@code tookMs} after it arrived, then a request 500 ms on. */
  private static WireLog wire(long tookMs, BotLimits limits) {
    ServerWireLog s = new ServerWireLog(limits.answerWaitMs());
    s.onRequest(answered(1_000, tookMs, 429, 1));
    s.onRequest(answered(1_000 + tookMs + 500, 1, 200, 0));
    return s.wireLog();
  }

  @Test
  void withoutADeclarationEveryWritten429Binds() {
    assertThat(RequestRateChecks.retryAfterViolations(wire(150, BotLimits.DEFAULTS))).isEqualTo(1);
  }

  @Test
  void a429WrittenAfterTheDeclaredWaitDoesNotBind() {
    BotLimits l = BotLimits.parse("answer_wait_ms=60");
    WireLog w = wire(150, l);
    assertThat(RequestRateChecks.retryAfterViolations(w)).isZero();
    assertThat(w.requests().get(0).outcome()).isEqualTo(WireLog.Outcome.NO_ANSWER);
    assertThat(w.requests().get(0).retryAfterMs()).isZero();
  }

  @Test
  void a429WrittenWithinTheDeclaredWaitStillBinds() {
    BotLimits l = BotLimits.parse("answer_wait_ms=60");
    assertThat(RequestRateChecks.retryAfterViolations(wire(40, l))).isEqualTo(1);
    assertThat(l.spec()).endsWith(",answer_wait_ms=60");
    assertThat(BotLimits.parse(l.spec())).isEqualTo(l);
  }
}
