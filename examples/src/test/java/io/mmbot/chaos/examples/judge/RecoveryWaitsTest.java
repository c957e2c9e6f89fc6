package io.mmbot.chaos.examples.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The wait a client spends backing off after an attempt that failed at a burst's end: granted up to
 * the declared longest backoff, never to a client whose last attempt went through, never beyond.
 */
class RecoveryWaitsTest {

  private static final long MS = 1_000_000L;
  private static final long TICK = 500 * MS;
  private static final long CAP = 4_000 * MS;
  private static final RunFacts.Declared DECLARED =
      new RunFacts.Declared(4, 2, 400, 15, 1_000, 4, 12, 4_000);
  private static final RunFacts FACTS =
      new RunFacts(0, 60_000 * MS, 30_000 * MS, 120_000 * MS, TICK, true, DECLARED, false);

  private static List<TickSample> ticks() {
    List<TickSample> s = new ArrayList<>();
    for (long t = 0; t < 60_000 * MS; t += TICK) {
      s.add(new TickSample(t + 100 * MS, 100, false, 0, 0, 1, 0, t, 0));
    }
    return s;
  }

  private static WireLog.Request req(long sentMs, String endpoint, WireLog.Outcome o, int status) {
    return new WireLog.Request(
        sentMs * MS, (sentMs + 205) * MS, endpoint, o, status, 0, 0, null, (char) 0, 0);
  }

  /** The tick at 29.5 s: its open-orders request gets {@code status} (0: no answer). */
  private static WireLog lastAttempt(int status) {
    WireLog w = new WireLog();
    w.request(req(29_000, WireSearch.OPEN_ORDERS, WireLog.Outcome.ANSWERED, 200));
    WireLog.Outcome o = status == 0 ? WireLog.Outcome.NO_ANSWER : WireLog.Outcome.ANSWERED;
    w.request(req(29_500, WireSearch.OPEN_ORDERS, o, status));
    w.request(req(29_500, WireSearch.QUERY, WireLog.Outcome.NO_ANSWER, 0));
    return w;
  }

  private static List<Integer> waits(WireLog w) {
    return RecoveryWaits.ticksAfterBursts(
        new Evidence(w, List.of(), ticks(), FACTS, List.of(), 2), CAP);
  }

  @Test
  void aClientBackingOffAfterAFailedAttemptIsJudgedFromWhenItComesBack() {
    WireLog w = lastAttempt(0);
    w.request(req(31_500, WireSearch.OPEN_ORDERS, WireLog.Outcome.ANSWERED, 200));
    assertThat(waits(w)).containsExactly(3); // silent at 30.0, 30.5 and 31.0 s
  }

  @Test
  void aClientSilentLongerThanItsDeclaredBackoffGetsNoMoreTime() {
    WireLog w = lastAttempt(503);
    w.request(req(50_000, WireSearch.OPEN_ORDERS, WireLog.Outcome.ANSWERED, 200));
    // 4 s after the failed attempt's last answer (29.705 s): 3.705 s past the end, 8 ticks.
    assertThat(waits(w)).containsExactly(8);
  }

  @Test
  void aClientWhoseLastAttemptWentThroughGetsNone() {
    WireLog w = lastAttempt(200);
    w.request(req(33_000, WireSearch.OPEN_ORDERS, WireLog.Outcome.ANSWERED, 200));
    assertThat(waits(w)).containsExactly(0);
  }

  @Test
  void aClientThatSendsAtOnceGetsNone() {
    WireLog w = lastAttempt(0);
    w.request(req(30_000, WireSearch.OPEN_ORDERS, WireLog.Outcome.ANSWERED, 200));
    assertThat(waits(w)).containsExactly(0);
  }

  private static List<Integer> failOverWaits(List<Outage> outages) {
    return RecoveryWaits.failOverTicksAfterBursts(
        new Evidence(new WireLog(), List.of(), ticks(), FACTS, outages, 2));
  }

  @Test
  void aFailOverOfEveryEndpointThatOutlastsTheBurstIsWaitedOut() {
    // the burst ends at 30 s; both endpoints refuse until 31.2 s
    List<Outage> both =
        List.of(
            new Outage("a", 29_600 * MS, 31_200 * MS), new Outage("b", 29_700 * MS, 31_000 * MS));
    assertThat(failOverWaits(both)).containsExactly(2); // 1.0 s: 2 ticks
  }

  @Test
  void oneEndpointStillFailingLeavesTheOtherAndNoWait() {
    List<Outage> one = List.of(new Outage("a", 29_600 * MS, 31_200 * MS));
    assertThat(failOverWaits(one)).containsExactly(0);
  }

  @Test
  void aFailOverOverBeforeTheBurstsEndGivesNoWait() {
    List<Outage> over =
        List.of(
            new Outage("a", 28_000 * MS, 29_000 * MS), new Outage("b", 28_000 * MS, 29_500 * MS));
    assertThat(failOverWaits(over)).containsExactly(0);
  }
}
