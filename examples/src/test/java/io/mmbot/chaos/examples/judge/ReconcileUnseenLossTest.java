package io.mmbot.chaos.examples.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reconcile check when the wire is seen at the exchange and faults are injected inside the bot:
 * a query the bot's own injector lost before sending never reaches the wire, so a tick in which the
 * bot counted an injection cannot show that it did not ask.
 */
class ReconcileUnseenLossTest {

  private static final long MS = 1_000_000L;
  private static final long TICK = 200 * MS;
  private static final RunFacts.Declared DECLARED =
      new RunFacts.Declared(4, 2, 2, 15, 2_000, 2, 3, 5_000);

  /** Tick {@code i} ends at {@code (i + 1) * TICK} and lasts 100 ms. */
  private static TickSample tick(int i, long injections, double discrepancies) {
    return new TickSample((i + 1) * TICK, 100, false, 0, injections, 1, 0, 0, discrepancies);
  }

  private static WireLog.Request sent(int tick, String endpoint) {
    long at = (tick + 1) * TICK - 90 * MS;
    return new WireLog.Request(
        at, at + MS, endpoint, WireLog.Outcome.ANSWERED, 200, 0, 0, null, (char) 0, 0);
  }

  /**
   * A discrepancy counted in tick 2; tick 3 sends only the open-orders view (its query unseen) and
   * counts an injection if {@code injectedInTick3}; tick 4 sends the query if {@code
   * queriedInTick4}.
   */
  private static ReconcileChecks.Reconcile judge(
      boolean lossesUnseen, boolean injectedInTick3, boolean queriedInTick4) {
    List<TickSample> samples = new ArrayList<>();
    samples.add(tick(0, 0, 0));
    samples.add(tick(1, 0, 0));
    samples.add(tick(2, 0, 1));
    samples.add(tick(3, injectedInTick3 ? 1 : 0, 1));
    samples.add(tick(4, injectedInTick3 ? 1 : 0, 1));
    samples.add(tick(5, injectedInTick3 ? 1 : 0, 1));
    WireLog wire = new WireLog();
    for (int t = 0; t <= 5; t++) {
      wire.request(sent(t, WireSearch.OPEN_ORDERS));
    }
    if (queriedInTick4) {
      wire.request(sent(4, WireSearch.QUERY));
    }
    RunFacts facts = new RunFacts(0, 6 * TICK, TICK, TICK, TICK, true, DECLARED, lossesUnseen);
    return ReconcileChecks.reconcile(new Evidence(wire, List.of(), samples, facts, List.of(), 2));
  }

  @Test
  void aTickWhoseQueryMayHaveBeenLostUnseenIsPassedOver() {
    assertThat(judge(true, true, true).notQueried()).isZero();
  }

  @Test
  void withTheWireSeenByTheClientTheSameTickIsJudged() {
    assertThat(judge(false, true, true).notQueried()).isEqualTo(1);
  }

  @Test
  void aTickWithoutAnInjectionIsJudgedEvenWhenLossesCanBeUnseen() {
    assertThat(judge(true, false, true).notQueried()).isEqualTo(1);
  }

  @Test
  void aBotThatNeverAsksFailsOnceItsTicksAreNoLongerInjected() {
    // the injection counted in tick 3 stays flat after it: tick 4 is judged and asks nothing
    assertThat(judge(true, true, false).notQueried()).isEqualTo(1);
  }
}
