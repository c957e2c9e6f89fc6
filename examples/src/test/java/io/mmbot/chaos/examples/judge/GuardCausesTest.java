package io.mmbot.chaos.examples.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the wire explains a guard, and when it does not: every exemption the judge grants must leave
 * a bot that does not do the right thing failing.
 */
class GuardCausesTest {

  private static final long MS = 1_000_000L;
  private static final long TICK = 500 * MS;
  private static final int WS_STALE = 1;
  private static final RunFacts.Declared DECLARED =
      new RunFacts.Declared(4, 2, 400, 15, 1_000, 4, 12, 4_000);
  private static final RunFacts FACTS =
      new RunFacts(0, 20 * TICK, 30_000 * MS, 120_000 * MS, TICK, true, DECLARED, false);

  /** Ticks 0..19, each starting at {@code i * TICK} and lasting 100 ms. */
  private static List<TickSample> ticks(int guards, long lastDataBeforeStart) {
    List<TickSample> s = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long last = lastDataBeforeStart == 0 ? i * TICK - 50 * MS : lastDataBeforeStart;
      s.add(new TickSample(i * TICK + 100 * MS, 100, false, guards, 0, 1, 0, last, 0));
    }
    return s;
  }

  private static WireLog.Request place(long sentAt, WireLog.Outcome outcome, int status) {
    return new WireLog.Request(
        sentAt, sentAt + 90 * MS, WireSearch.PLACE, outcome, status, 0, 0, "b1", 'B', 1_000);
  }

  private static Evidence evidence(WireLog w, List<TickSample> samples) {
    List<OrderRecord> orders = List.of(new OrderRecord("b1", 'B', 1_000, 2 * TICK, 3 * TICK, 0));
    return new Evidence(w, orders, samples, FACTS, List.of(), 2);
  }

  @Test
  void anAnsweredPlaceLeavesNothingUnknown() {
    WireLog w = new WireLog();
    w.request(place(2 * TICK, WireLog.Outcome.ANSWERED, 200));
    assertThat(GuardCauses.unknownOrderOutcomes(w)).isZero();
    assertThat(GuardCauses.unsettledUnknownOutcomes(evidence(w, ticks(0, 0)))).isZero();
  }

  @Test
  void aPlaceWithoutAnAnswerExplainsTheReconcileGuard() {
    WireLog w = new WireLog();
    w.request(place(2 * TICK, WireLog.Outcome.NO_ANSWER, 0));
    assertThat(GuardCauses.unknownOrderOutcomes(w)).isEqualTo(1);
  }

  @Test
  void aFillReportBeforeTheNextTickSettlesAnUnknownPlace() {
    WireLog w = new WireLog();
    w.request(place(2 * TICK, WireLog.Outcome.NO_ANSWER, 0));
    w.execution(2 * TICK + 300 * MS, "b1"); // before tick 3 starts
    assertThat(GuardCauses.unsettledUnknownOutcomes(evidence(w, ticks(0, 0)))).isZero();
  }

  @Test
  void anUnknownPlaceNothingSettledStillOwesTheGuard() {
    // A bot that never raises RECONCILE_PENDING when nothing settled the order must still fail.
    WireLog w = new WireLog();
    w.request(place(2 * TICK, WireLog.Outcome.NO_ANSWER, 0));
    assertThat(GuardCauses.unsettledUnknownOutcomes(evidence(w, ticks(0, 0)))).isEqualTo(1);
  }

  @Test
  void aFillAfterTheNextTickStartedOrOfAnotherOrderSettlesNothing() {
    WireLog late = new WireLog();
    late.request(place(2 * TICK, WireLog.Outcome.NO_ANSWER, 0));
    late.execution(3 * TICK + MS, "b1"); // tick 3 started without the truth
    assertThat(GuardCauses.unsettledUnknownOutcomes(evidence(late, ticks(0, 0)))).isEqualTo(1);
    WireLog other = new WireLog();
    other.request(place(2 * TICK, WireLog.Outcome.ANSWERED, 503));
    other.execution(2 * TICK + 300 * MS, "s7");
    assertThat(GuardCauses.unsettledUnknownOutcomes(evidence(other, ticks(0, 0)))).isEqualTo(1);
  }

  private static WireLog feed() {
    WireLog w = new WireLog();
    w.ws(0, 1, WireLog.WsKind.ATTEMPT);
    w.ws(MS, 1, WireLog.WsKind.OPEN);
    w.ws(2 * MS, 1, WireLog.WsKind.FIRST_DATA);
    return w;
  }

  @Test
  void wsStaleWhileDataKeepsComingIsNotExplained() {
    // Data 50 ms before every tick's start: a bot raising WS_STALE then has no cause to show.
    Evidence e = evidence(feed(), ticks(WS_STALE, 0));
    assertThat(GuardCauses.staleGuardExplained(e, WS_STALE, 1_000 * MS, 0)).isFalse();
  }

  @Test
  void wsStaleAfterASecondWithoutDataIsExplained() {
    List<TickSample> s = ticks(0, 0);
    // Tick 10 starts 1,100 ms after the last delivery and shows the guard.
    long last = 10 * TICK - 1_100 * MS;
    s.set(10, new TickSample(10 * TICK + 100 * MS, 100, false, WS_STALE, 0, 1, 0, last, 0));
    Evidence e = evidence(feed(), s);
    assertThat(GuardCauses.staleGuardExplained(e, WS_STALE, 1_000 * MS, 0)).isTrue();
    assertThat(
            GuardCauses.staleGuardExplained(evidence(feed(), ticks(0, 0)), WS_STALE, 1_000 * MS, 0))
        .as("no tick shows the guard")
        .isFalse();
  }

  @Test
  void wsStaleAfterACloseIsExplained() {
    WireLog w = feed();
    w.ws(4 * TICK, 1, WireLog.WsKind.ABNORMAL_CLOSE);
    List<TickSample> s = ticks(0, 0);
    s.set(5, new TickSample(5 * TICK + 100 * MS, 100, false, WS_STALE, 0, 1, 0, 5 * TICK - MS, 0));
    assertThat(GuardCauses.staleGuardExplained(evidence(w, s), WS_STALE, 1_000 * MS, 0)).isTrue();
  }

  /**
   * Data on session 1 from the start, an abnormal close at 1,150 ms, data on session 2 at {@code
   * backAtMs}; ticks start every 500 ms.
   */
  private static boolean staleGuardDue(long backAtMs) {
    WireLog w = new WireLog();
    w.ws(0, 1, WireLog.WsKind.FIRST_DATA);
    w.ws(1_150 * MS, 1, WireLog.WsKind.ABNORMAL_CLOSE);
    w.ws(backAtMs * MS, 2, WireLog.WsKind.FIRST_DATA);
    return GuardCauses.staleGuardDue(evidence(w, ticks(0, 0)), 1_000 * MS, 0);
  }

  @Test
  void aDisconnectHealedBeforeTheNextTickStartsLeavesNothingToGuard() {
    // ticks start at 1,000 and 1,500 ms: the feed was down only between them
    assertThat(staleGuardDue(1_450)).isFalse();
  }

  @Test
  void aTickThatBeginsWhileTheFeedIsDownCallsForTheStaleGuard() {
    assertThat(staleGuardDue(1_700)).isTrue();
  }

  @Test
  void aFeedSilentPastTheStaleTimeCallsForTheStaleGuardWithoutAnyClose() {
    WireLog w = new WireLog();
    w.ws(0, 1, WireLog.WsKind.FIRST_DATA);
    // the last data before every tick's start is 1,200 ms old
    List<TickSample> silent = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long start = i * TICK;
      silent.add(new TickSample(start + 100 * MS, 100, false, 0, 0, 1, 0, start - 1_200 * MS, 0));
    }
    assertThat(GuardCauses.staleGuardDue(evidence(w, silent), 1_000 * MS, 0)).isTrue();
  }
}
