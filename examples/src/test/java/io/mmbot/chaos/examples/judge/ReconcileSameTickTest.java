package io.mmbot.chaos.examples.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reconcile check for a bot judged from outside, whose tick boundaries are estimated from
 * scrapes: a bot that looks a discrepancy up in the tick that found it (after that tick's open
 * orders view) has reconciled no later than the next tick. Its query lands on either side of the
 * estimated end of the tick, so a rule that only looks at the next tick fails it now and then.
 */
class ReconcileSameTickTest {

  private static final long MS = 1_000_000L;
  private static final long TICK = 500 * MS;
  private static final RunFacts.Declared DECLARED =
      new RunFacts.Declared(4, 2, 2, 15, 2_000, 2, 3, 5_000);

  /** Tick {@code i} is seen to end at {@code (i + 1) * TICK} and lasts 20 ms. */
  private static TickSample tick(int i, double discrepancies) {
    return new TickSample((i + 1) * TICK, 20, false, 0, 0, 1, 0, 0, discrepancies);
  }

  /** A request of tick {@code tick} sent {@code beforeEndMs} before the tick's estimated end. */
  private static WireLog.Request sent(int tick, long beforeEndMs, String endpoint) {
    long at = (tick + 1) * TICK - beforeEndMs * MS;
    return new WireLog.Request(
        at, at + MS, endpoint, WireLog.Outcome.ANSWERED, 200, 0, 0, "c1", (char) 0, 0);
  }

  /**
   * A discrepancy counted in tick 2. Every tick sends its open-orders view 15 ms before its
   * estimated end; the query goes out {@code queryBeforeEndMs} before the end of tick {@code
   * queryTick} (none when negative).
   */
  private static Evidence run(int queryTick, long queryBeforeEndMs) {
    List<TickSample> samples = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      samples.add(tick(i, i >= 2 ? 1 : 0));
    }
    WireLog wire = new WireLog();
    for (int t = 0; t < 6; t++) {
      wire.request(sent(t, 15, WireSearch.OPEN_ORDERS));
      if (t == queryTick) {
        wire.request(sent(t, queryBeforeEndMs, WireSearch.QUERY));
      }
    }
    RunFacts facts = new RunFacts(0, 6 * TICK, TICK, TICK, TICK, true, DECLARED, false);
    return new Evidence(wire, List.of(), samples, facts, List.of(), 2);
  }

  @Test
  void aLookUpInTheTickThatFoundTheDiscrepancyCounts() {
    Evidence e = run(2, 5);
    assertThat(ReconcileChecks.reconcile(e).notQueried()).as("the next-tick rule").isEqualTo(1);
    assertThat(ReconcileChecks.discrepanciesNotQueriedSameOrNextTick(e)).isZero();
  }

  @Test
  void aLookUpOnTheNextTickStillCounts() {
    Evidence e = run(3, 5);
    assertThat(ReconcileChecks.reconcile(e).notQueried()).isZero();
    assertThat(ReconcileChecks.discrepanciesNotQueriedSameOrNextTick(e)).isZero();
  }

  @Test
  void aQueryBeforeTheViewThatFoundTheDiscrepancyDoesNotCount() {
    Evidence e = run(2, 18); // sent before tick 2's open-orders view
    assertThat(ReconcileChecks.discrepanciesNotQueriedSameOrNextTick(e)).isEqualTo(1);
  }

  @Test
  void aBotThatNeverAsksFails() {
    Evidence e = run(-1, 0);
    assertThat(ReconcileChecks.discrepanciesNotQueriedSameOrNextTick(e)).isEqualTo(1);
  }
}
