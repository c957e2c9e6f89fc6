package io.mmbot.chaos.examples.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code STALE_DATA} for a bot whose tick boundaries are estimated from scrapes (within half a
 * scrape period): an abnormal close that the exchange saw just before a tick's estimated start may
 * have come after the tick really started, when the bot could not yet know of it. Such a tick is
 * not counted; a close well before the start still is.
 */
class StaleDataBoundaryTest {

  private static final long MS = 1_000_000L;
  private static final int STALE = 1;
  private static final RunFacts.Declared DECLARED =
      new RunFacts.Declared(4, 2, 2, 15, 1_000, 2, 3, 5_000);

  /**
   * Market data every 100 ms on session 1 until a close at {@code closedAtMs}, then data on session
   * 2 from 5,902 ms; one tick (no guard) estimated to start at 5,800 ms.
   */
  private static int unguarded(long closedAtMs, long toleranceMs) {
    WireLog wire = new WireLog();
    wire.ws(1_000 * MS, 1, WireLog.WsKind.FIRST_DATA);
    wire.ws(closedAtMs * MS, 1, WireLog.WsKind.ABNORMAL_CLOSE);
    wire.ws(5_902 * MS, 2, WireLog.WsKind.FIRST_DATA);
    TickSample tick = new TickSample(5_810 * MS, 10, false, 0, 0, 1, 100, 5_701 * MS, 0);
    RunFacts facts =
        new RunFacts(
            3_000 * MS, 30_000 * MS, 3_000 * MS, 12_000 * MS, 500 * MS, true, DECLARED, false);
    Evidence e = new Evidence(wire, List.of(), List.of(tick), facts, List.of(), 2);
    return MarketDataChecks.staleDataUnguarded(e, STALE, 1_000 * MS, toleranceMs * MS);
  }

  @Test
  void aCloseWithinTheBoundarysUncertaintyIsNotHeldAgainstTheTick() {
    assertThat(unguarded(5_780, 50)).isZero();
  }

  @Test
  void withExactBoundariesTheSameCloseCounts() {
    assertThat(unguarded(5_780, 0)).isEqualTo(1);
  }

  @Test
  void aCloseWellBeforeTheStartCountsWhateverTheTolerance() {
    assertThat(unguarded(5_705, 50)).isEqualTo(1);
  }
}
