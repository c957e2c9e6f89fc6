package io.mmbot.chaos.examples.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.exchange.Endpoint;
import io.mmbot.chaos.exchange.RestCall;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A simulated exchange whose 429s carry a {@code Retry-After} with milliseconds. */
class SubSecondRetryAfterTest {

  private static final long MS = 1_000_000L;

  @Test
  void theDeadlinesFallAtEveryPhaseOfA500MsTick() {
    SubSecondRetryAfter rule = new SubSecondRetryAfter(1_000, 500, 17);
    int draws = 10_000;
    int[] bins = new int[5]; // the phase within a 500 ms tick, in 100 ms bins
    for (int i = 0; i < draws; i++) {
      long ms = rule.nextMs();
      assertThat(ms).isBetween(1_000L, 1_499L);
      bins[(int) (ms % 500 / 100)]++;
    }
    // each bin is binomial(10,000, 1/5): mean 2,000, standard deviation 40; 5 deviations is 200
    for (int b : bins) {
      assertThat(b).isBetween(1_800, 2_200);
    }
  }

  @Test
  void theSameSeedDrawsTheSameValues() {
    SubSecondRetryAfter a = new SubSecondRetryAfter(1_000, 500, 5);
    SubSecondRetryAfter b = new SubSecondRetryAfter(1_000, 500, 5);
    for (int i = 0; i < 100; i++) {
      assertThat(a.nextMs()).isEqualTo(b.nextMs());
    }
  }

  @Test
  void anEmptyRangeIsRefused() {
    assertThatThrownBy(() -> new SubSecondRetryAfter(0, 500, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SubSecondRetryAfter(1_000, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a429CarriesTheRulesMillisecondsAndWholeSecondReadersRoundUp() throws Exception {
    SimExchange x = exchange(true);
    RestCall a = call(x);
    x.execute(List.of(a), 10_000 * MS);
    assertThat(a.httpStatus()).isEqualTo(429);
    assertThat(a.retryAfterMs()).isBetween(1_000L, 1_499L);
    assertThat(a.retryAfterSec()).isEqualTo(a.retryAfterMs() > 1_000 ? 2 : 1);
  }

  @Test
  void withoutTheRuleA429CarriesTheFaultPlansWholeSeconds() throws Exception {
    SimExchange x = exchange(false);
    RestCall a = call(x);
    x.execute(List.of(a), 10_000 * MS);
    assertThat(a.httpStatus()).isEqualTo(429);
    assertThat(a.retryAfterMs()).isEqualTo(a.retryAfterSec() * 1_000).isPositive();
  }

  @Test
  void theExchangeCountsARequestOneMillisecondBeforeTheDeadlineAndNotOneAtIt() throws Exception {
    assertThat(violationsOfASecondRequestSentAt(-1)).isEqualTo(1);
    assertThat(violationsOfASecondRequestSentAt(0)).isZero();
  }

  /** Sends a call, then another {@code offsetMs} from the first one's Retry-After deadline. */
  private static long violationsOfASecondRequestSentAt(long offsetMs) throws Exception {
    SimExchange x = exchange(true);
    RestCall a = call(x);
    x.execute(List.of(a), 10_000 * MS);
    long deadline = a.doneAtNanos() + a.retryAfterMs() * MS;
    assertThat(a.retryAfterMs() % 1_000)
        .as("the seed draws a value with milliseconds")
        .isPositive();
    x.idleUntil(deadline + offsetMs * MS);
    x.execute(List.of(call(x)), x.nanoTime() + 10_000 * MS);
    return x.retryAfterViolations();
  }

  private static SimExchange exchange(boolean subSecond) {
    ChaosConfig cfg =
        ChaosConfig.builder()
            .enabled(true)
            .dryRun(false)
            .exch429(1.0)
            .burstOffSec(0)
            .seed(3L)
            .build();
    SimClock time = SimExchange.clockFor();
    ChaosInjector inj = ChaosInjector.builder().config(cfg).nanoClock(time).build();
    SimExchange x = SimExchange.create(11, inj, time);
    if (subSecond) {
      x.subSecondRetryAfter(new SubSecondRetryAfter(1_000, 500, 11));
    }
    return x;
  }

  private static RestCall call(SimExchange x) throws Exception {
    RestCall c = RestCall.of(Endpoint.SERVER_TIME);
    c.address(x.resolver().resolve(x.primaryHost()).get(0));
    return c;
  }
}
