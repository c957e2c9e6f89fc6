package io.mmbot.chaos.examples.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A perturbed open-orders view in a quiet tick must be counted as a discrepancy; a tick in which a
 * query by client order id went out (an order under verification, which the perturbation may have
 * struck) is not quiet.
 */
class ReconcileQuietTickTest {

  private static final long MS = 1_000_000L;
  private static final long TICK = 500 * MS;
  private static final RunFacts.Declared DECLARED =
      new RunFacts.Declared(4, 2, 400, 15, 1_000, 4, 12, 4_000);

  /** Ticks 0..7; the view of tick 5 is perturbed and the bot counts nothing. */
  private static Evidence run(boolean queryInTick5) {
    List<TickSample> s = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      s.add(new TickSample(i * TICK + 100 * MS, 100, false, 0, i >= 5 ? 1 : 0, 2, 0, i * TICK, 0));
    }
    WireLog w = new WireLog();
    for (int i = 0; i < 8; i++) {
      long at = i * TICK;
      w.request(
          new WireLog.Request(
              at,
              at + 80 * MS,
              WireSearch.OPEN_ORDERS,
              WireLog.Outcome.ANSWERED,
              200,
              0,
              0,
              null,
              (char) 0,
              0));
      if (i == 5 && queryInTick5) {
        w.request(
            new WireLog.Request(
                at,
                at + 80 * MS,
                WireSearch.QUERY,
                WireLog.Outcome.ANSWERED,
                200,
                0,
                0,
                "b1",
                (char) 0,
                0));
      }
    }
    RunFacts facts = new RunFacts(0, 8 * TICK, 8 * TICK, 8 * TICK, TICK, true, DECLARED, false);
    return new Evidence(w, List.of(), s, facts, List.of(), 2);
  }

  @Test
  void aBotThatDoesNotCountAPerturbedViewOfAQuietTickFails() {
    assertThat(ReconcileChecks.reconcile(run(false)).undetected()).isEqualTo(1);
  }

  @Test
  void aTickWithAnOrderUnderVerificationIsNotQuiet() {
    assertThat(ReconcileChecks.reconcile(run(true)).undetected()).isZero();
  }
}
