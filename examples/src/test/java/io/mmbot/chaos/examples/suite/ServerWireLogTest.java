package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.examples.judge.Evidence;
import io.mmbot.chaos.examples.judge.GuardCauses;
import io.mmbot.chaos.examples.judge.OrderRecord;
import io.mmbot.chaos.examples.judge.RequestRateChecks;
import io.mmbot.chaos.examples.judge.RunFacts;
import io.mmbot.chaos.examples.judge.TickSample;
import io.mmbot.chaos.examples.judge.WireLog;
import io.mmbot.chaos.exchange.server.RestObservation;
import io.mmbot.chaos.exchange.server.StreamObservation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exchange's observations read as the judge's wire log. */
class ServerWireLogTest {

  private static final long MS = 1_000_000L;

  private static RestObservation answered(long atMs, String endpoint, int status, long raSec) {
    return new RestObservation(
        atMs * MS,
        atMs * MS + MS / 2,
        endpoint,
        RestObservation.Ending.ANSWERED,
        status,
        status == 200 ? 0 : -1003,
        raSec,
        null,
        (char) 0,
        0);
  }

  @Test
  void endingsMapToTheOutcomesTheInProcessTapRecords() {
    ServerWireLog s = new ServerWireLog();
    s.onRequest(answered(10, "OPEN_ORDERS", 200, 0));
    s.onRequest(
        new RestObservation(
            20 * MS,
            21 * MS,
            "PLACE_ORDER",
            RestObservation.Ending.DROPPED_BEFORE_EXECUTION,
            0,
            0,
            0,
            "a",
            'B',
            100));
    s.onRequest(
        new RestObservation(
            30 * MS,
            31 * MS,
            "PLACE_ORDER",
            RestObservation.Ending.LOST_AFTER_EXECUTION,
            0,
            0,
            0,
            "b",
            'S',
            200));
    WireLog w = s.wireLog();
    assertThat(w.requests())
        .extracting(WireLog.Request::outcome)
        .containsExactly(
            WireLog.Outcome.ANSWERED,
            WireLog.Outcome.LOST_BEFORE_SENDING,
            WireLog.Outcome.NO_ANSWER);
    WireLog.Request lost = w.requests().get(2);
    assertThat(lost.outcomeUnknown()).isTrue();
    assertThat(lost.clientOrderId()).isEqualTo("b");
    assertThat(lost.side()).isEqualTo('S');
    assertThat(lost.sentAtNanos()).isEqualTo(30 * MS);
    assertThat(lost.doneAtNanos()).isEqualTo(31 * MS + ServerWireLog.IN_FLIGHT_NANOS);
  }

  @Test
  void aRetryAfterIsJudgedAgainstTheExchangesDeadlineAndSparesRequestsInFlight() {
    ServerWireLog s = new ServerWireLog();
    s.onRequest(answered(1_000, "PLACE_ORDER", 429, 1)); // deadline at the exchange: 2,000 ms
    s.onRequest(answered(1_100, "OPEN_ORDERS", 200, 0)); // sent before the 429 reached the client
    s.onRequest(answered(1_600, "OPEN_ORDERS", 429, 1)); // sent after it: a violation
    WireLog w = s.wireLog();
    assertThat(RequestRateChecks.retryAfterViolations(w)).isEqualTo(1);

    ServerWireLog patient = new ServerWireLog();
    patient.onRequest(answered(1_000, "PLACE_ORDER", 429, 1));
    patient.onRequest(answered(2_001, "PLACE_ORDER", 200, 0)); // just after the deadline
    assertThat(RequestRateChecks.retryAfterViolations(patient.wireLog())).isZero();
  }

  @Test
  void streamEventsGiveSessionsFirstDataGapsAndFills() {
    ServerWireLog s = new ServerWireLog();
    s.onStream(new StreamObservation(1 * MS, 1, StreamObservation.Kind.ATTEMPT, null));
    s.onStream(new StreamObservation(2 * MS, 1, StreamObservation.Kind.OPEN, null));
    s.onStream(new StreamObservation(5 * MS, 1, StreamObservation.Kind.MARKET_DATA, null));
    s.onStream(new StreamObservation(105 * MS, 1, StreamObservation.Kind.MARKET_DATA, null));
    s.onStream(new StreamObservation(150 * MS, 1, StreamObservation.Kind.EXECUTION, "x1"));
    s.onStream(new StreamObservation(400 * MS, 1, StreamObservation.Kind.MARKET_DATA, null));
    s.onStream(new StreamObservation(450 * MS, 1, StreamObservation.Kind.ABNORMAL_CLOSE, null));
    WireLog w = s.wireLog();
    assertThat(w.wsEvents())
        .extracting(WireLog.WsEvent::kind)
        .containsExactly(
            WireLog.WsKind.ATTEMPT,
            WireLog.WsKind.OPEN,
            WireLog.WsKind.FIRST_DATA,
            WireLog.WsKind.ABNORMAL_CLOSE);
    assertThat(w.executionAt("x1")).isEqualTo(150 * MS);
    long[][] data = s.marketData();
    assertThat(data[0]).containsExactly(5 * MS, 105 * MS, 400 * MS);
    assertThat(ScrapedTicks.maxGapMs(data, 0, 500 * MS)).isEqualTo(295.0);
    assertThat(ScrapedTicks.maxGapMs(data, 105 * MS, 500 * MS)).isEqualTo(295.0);
    assertThat(ScrapedTicks.maxGapMs(data, 0, 200 * MS)).isEqualTo(100.0);
    assertThat(ScrapedTicks.lastAtOrBefore(data[0], 300 * MS)).isEqualTo(105 * MS);
    assertThat(ScrapedTicks.lastAtOrBefore(data[0], 1 * MS)).isEqualTo(Long.MIN_VALUE);
  }

  /**
   * A place whose answer was lost after the exchange executed it, as a bot in another process sees
   * it; {@code reportAtMs}: when the exchange's execution report of it went out on the user data
   * stream (none when negative). Ticks every 500 ms from 0, 100 ms long.
   */
  private static Evidence lostPlace(long reportAtMs) {
    ServerWireLog s = new ServerWireLog();
    s.onRequest(
        new RestObservation(
            1_000 * MS,
            1_100 * MS,
            "PLACE_ORDER",
            RestObservation.Ending.LOST_AFTER_EXECUTION,
            0,
            0,
            0,
            "p1",
            'B',
            100));
    if (reportAtMs >= 0) {
      s.onStream(new StreamObservation(reportAtMs * MS, 1, StreamObservation.Kind.EXECUTION, "p1"));
    }
    List<TickSample> ticks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ticks.add(new TickSample(i * 500 * MS + 100 * MS, 100, false, 0, 0, 1, 0, i * 500 * MS, 0));
    }
    RunFacts facts =
        new RunFacts(
            0,
            4_000 * MS,
            4_000 * MS,
            4_000 * MS,
            500 * MS,
            true,
            new RunFacts.Declared(4, 2, 400, 15, 1_000, 4, 12, 4_000),
            false);
    List<OrderRecord> orders = List.of(new OrderRecord("p1", 'B', 100, 1_050 * MS, 4_000 * MS, 0));
    return new Evidence(s.wireLog(), orders, ticks, facts, List.of(), 2);
  }

  @Test
  void theUserDataStreamsReportBeforeTheNextTickSettlesALostPlace() {
    // The same rule as in process: the exchange's truth on the user data stream, before the
    // client's next tick (1,500 ms), leaves nothing to verify under RECONCILE_PENDING.
    assertThat(GuardCauses.unsettledUnknownOutcomes(lostPlace(1_200))).isZero();
    assertThat(GuardCauses.unsettledUnknownOutcomes(lostPlace(1_600))).isEqualTo(1);
    assertThat(GuardCauses.unsettledUnknownOutcomes(lostPlace(-1))).isEqualTo(1);
  }
}
