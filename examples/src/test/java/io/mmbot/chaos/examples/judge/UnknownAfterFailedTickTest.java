package io.mmbot.chaos.examples.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An order request of unknown outcome must be asked about in the client's next batch of requests. A
 * batch in which every request failed (the tick's first call answered 5xx, so the tick stopped
 * there) is passed over: the client learned nothing in it and sent nothing else. The first batch
 * that got through is judged, so a client that never asks still fails.
 */
class UnknownAfterFailedTickTest {

  private static final long MS = 1_000_000L;
  private static final long TICK = 500 * MS;
  private static final RunFacts.Declared DECLARED =
      new RunFacts.Declared(4, 2, 2, 15, 2_000, 2, 3, 5_000);

  private static WireLog.Request request(long atMs, String endpoint, int status, String coid) {
    long at = atMs * MS;
    return new WireLog.Request(
        at,
        at + MS,
        endpoint,
        WireLog.Outcome.ANSWERED,
        status,
        status == 200 ? 0 : -1000,
        0,
        coid,
        WireSearch.PLACE.equals(endpoint) ? 'S' : (char) 0,
        WireSearch.PLACE.equals(endpoint) ? 3_002_259 : 0);
  }

  /**
   * A place answered 500 at 6,512 ms; the next tick's time call at 7,008 ms is answered {@code
   * secondTickStatus}; the tick after sends the time call and, if {@code asksInThirdTick}, the open
   * orders.
   */
  private static UnknownOutcomeChecks.Unknowns judge(
      int secondTickStatus, boolean asksInThirdTick) {
    WireLog wire = new WireLog();
    wire.request(request(6_506, WireSearch.OPEN_ORDERS, 200, null));
    wire.request(request(6_512, WireSearch.PLACE, 500, "bb-3"));
    wire.request(request(7_008, "SERVER_TIME", secondTickStatus, null));
    wire.request(request(7_505, "SERVER_TIME", 200, null));
    if (asksInThirdTick) {
      wire.request(request(7_510, WireSearch.OPEN_ORDERS, 200, null));
    }
    wire.request(request(8_005, "SERVER_TIME", 200, null));
    RunFacts facts = new RunFacts(0, 20 * TICK, TICK, 2 * TICK, TICK, true, DECLARED, false);
    return UnknownOutcomeChecks.unknowns(
        new Evidence(wire, List.of(), List.of(), facts, List.of(), 2));
  }

  /**
   * A place whose answer the exchange held back: the exchange closed the connection 5 s after the
   * request arrived, long after the client gave up on it (which the exchange cannot see). The
   * client's next burst of requests, its next tick, is what must ask, whether it asks or not.
   */
  private static UnknownOutcomeChecks.Unknowns heldBack(boolean asksInNextTick) {
    WireLog wire = new WireLog();
    wire.request(request(21_616, WireSearch.OPEN_ORDERS, 200, null));
    long at = 21_624 * MS;
    wire.request(
        new WireLog.Request(
            at,
            at + 5_244 * MS,
            WireSearch.PLACE,
            WireLog.Outcome.NO_ANSWER,
            0,
            0,
            0,
            "bb-9",
            'B',
            2_997_100));
    for (long t = 22_096; t < 28_000; t += 500) {
      wire.request(request(t, "SERVER_TIME", 200, null));
      if (asksInNextTick || t > 22_096) {
        wire.request(request(t + 1, WireSearch.OPEN_ORDERS, 200, null));
      }
    }
    RunFacts facts = new RunFacts(0, 60 * TICK, TICK, 2 * TICK, TICK, true, DECLARED, false);
    return UnknownOutcomeChecks.unknowns(
        new Evidence(wire, List.of(), List.of(), facts, List.of(), 2));
  }

  @Test
  void anAnswerHeldBackIsAskedAboutInTheNextTickNotAfterTheExchangeGaveUp() {
    assertThat(heldBack(true).notQueriedNextTick()).isZero();
    assertThat(heldBack(false).notQueriedNextTick()).isEqualTo(1);
  }

  @Test
  void aTickThatFailedAtItsFirstCallIsPassedOver() {
    UnknownOutcomeChecks.Unknowns u = judge(504, true);
    assertThat(u.count()).isEqualTo(1);
    assertThat(u.notQueriedNextTick()).isZero();
  }

  @Test
  void aTickThatGotThroughAndDidNotAskFails() {
    assertThat(judge(200, true).notQueriedNextTick()).isEqualTo(1);
  }

  @Test
  void aClientThatNeverAsksFailsAfterAFailedTick() {
    assertThat(judge(504, false).notQueriedNextTick()).isEqualTo(1);
  }
}
