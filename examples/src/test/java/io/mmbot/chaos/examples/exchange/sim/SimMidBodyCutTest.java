package io.mmbot.chaos.examples.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.exchange.RestCall;
import io.mmbot.chaos.exchange.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A NET_LOSS that cuts the answer on its way, in the simulation: unknown outcome, met early. */
class SimMidBodyCutTest {

  private static final long MS = 1_000_000L;

  private static SimExchange exchange(double cutShare) {
    ChaosConfig cfg =
        ChaosConfig.builder()
            .enabled(true)
            .dryRun(false)
            .netLoss(1.0)
            .unknownOutcomeShare(1.0)
            .netLossCutShare(cutShare)
            .burstOffSec(0)
            .seed(3L)
            .build();
    SimClock time = SimExchange.clockFor();
    ChaosInjector inj = ChaosInjector.builder().config(cfg).nanoClock(time).build();
    return SimExchange.create(11, inj, time);
  }

  private static RestCall place(SimExchange x) throws Exception {
    RestCall a =
        RestCall.place("mmB1-0", Side.BUY, 100, 1)
            .address(x.resolver().resolve(x.primaryHost()).get(0));
    a.signed(x.clock().millis(), 5_000);
    x.execute(List.of(a), 10_000 * MS);
    return a;
  }

  @Test
  void aCutAnswerIsAnUnknownOutcomeMetWhenTheAnswerBreaksNotAtTheCallersLimit() throws Exception {
    SimExchange x = exchange(1.0);
    RestCall a = place(x);
    assertThat(a.ok()).isFalse();
    assertThat(a.failure()).isEqualTo(RestCall.Failure.TIMEOUT);
    assertThat(a.outcomeUnknown()).isTrue();
    assertThat(a.doneAtNanos() - a.sentAtNanos())
        .as("one round trip, far from the 10 s limit")
        .isBetween(100 * MS, 1_000 * MS);
    x.idleUntil(x.nanoTime() + 1_000 * MS);
    assertThat(x.rules().isOpen("mmB1-0")).as("executed although the answer was cut").isTrue();
  }

  @Test
  void withoutCutsTheSameLossWaitsForTheCallersLimit() throws Exception {
    RestCall a = place(exchange(0.0));
    assertThat(a.failure()).isEqualTo(RestCall.Failure.TIMEOUT);
    assertThat(a.doneAtNanos()).isEqualTo(10_000 * MS);
  }
}
