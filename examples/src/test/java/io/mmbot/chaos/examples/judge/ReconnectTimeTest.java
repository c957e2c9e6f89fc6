package io.mmbot.chaos.examples.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reconnect time after an abnormal close counts only the time in which the client could have
 * reconnected: a stretch in which every endpoint of the exchange refused connections is left out,
 * whether it begins with the close or later in the wait (a session opened and dropped again before
 * any data).
 */
class ReconnectTimeTest {

  private static final long MS = 1_000_000L;
  private static final RunFacts.Declared DECLARED =
      new RunFacts.Declared(4, 2, 400, 15, 1_000, 4, 12, 4_000);
  private static final RunFacts FACTS =
      new RunFacts(0, 10_000 * MS, 30_000 * MS, 120_000 * MS, 500 * MS, true, DECLARED, false);

  /** Data on session 1, an abnormal close at 1,000 ms, data on session 3 at {@code backAtMs}. */
  private static long reconnectMs(long backAtMs, List<Outage> outages) {
    WireLog w = new WireLog();
    w.ws(0, 1, WireLog.WsKind.FIRST_DATA);
    w.ws(1_000 * MS, 1, WireLog.WsKind.ABNORMAL_CLOSE);
    w.ws(1_200 * MS, 2, WireLog.WsKind.OPEN);
    w.ws(1_250 * MS, 2, WireLog.WsKind.ABNORMAL_CLOSE);
    w.ws(backAtMs * MS, 3, WireLog.WsKind.FIRST_DATA);
    Evidence e = new Evidence(w, List.of(), List.of(), FACTS, outages, 2);
    return MarketDataChecks.longestReconnectNanos(e) / MS;
  }

  @Test
  void withoutOutagesTheWholeWaitCounts() {
    assertThat(reconnectMs(3_400, List.of())).isEqualTo(2_400);
  }

  @Test
  void bothEndpointsFailingOverAfterASecondDropIsNotTheClientsTime() {
    List<Outage> failOver =
        List.of(new Outage("a", 1_300 * MS, 3_000 * MS), new Outage("b", 1_250 * MS, 3_100 * MS));
    // both down from 1,300 to 3,000 ms: 1,700 ms of the 2,400 are the exchange's
    assertThat(reconnectMs(3_400, failOver)).isEqualTo(700);
  }

  @Test
  void oneEndpointDownLeavesTheOtherToReconnectTo() {
    List<Outage> one = List.of(new Outage("a", 1_000 * MS, 3_000 * MS));
    assertThat(reconnectMs(3_400, one)).isEqualTo(2_400);
  }

  @Test
  void anOutageAtTheCloseIsLeftOutAsBefore() {
    List<Outage> atClose =
        List.of(new Outage("a", 900 * MS, 2_000 * MS), new Outage("b", 950 * MS, 1_500 * MS));
    // both down from the close to 1,500 ms
    assertThat(reconnectMs(2_100, atClose)).isEqualTo(600);
  }
}
