package io.mmbot.chaos.examples.judge;

import static io.mmbot.chaos.examples.judge.WireSearch.CANCEL;
import static io.mmbot.chaos.examples.judge.WireSearch.PLACE;
import static io.mmbot.chaos.examples.judge.WireSearch.byDone;
import static io.mmbot.chaos.examples.judge.WireSearch.bySend;
import static io.mmbot.chaos.examples.judge.WireSearch.maxInWindow;

import java.util.ArrayList;
import java.util.List;

/**
 * How fast the client sent requests when it should have held back: inside a received Retry-After,
 * in attempts after failed ones, in cancels, WebSocket connection attempts and retried places. Each
 * a pure function of the run's {@link Evidence}, defined in {@code docs/suite.md} ("The checks,
 * from outside"); the wire search they share is {@link WireSearch}.
 */
public final class RequestRateChecks {

  private RequestRateChecks() {}

  /**
   * Requests sent after a 429/418 had reached the client and before its {@code Retry-After} had
   * passed, counted from the moment it reached the client, to the millisecond. Requests already
   * sent when the 429 arrived (in flight) are not counted.
   */
  public static long retryAfterViolations(WireLog w) {
    List<WireLog.Request> sent = bySend(w);
    List<WireLog.Request> done = byDone(w);
    long until = Long.MIN_VALUE;
    int k = 0;
    long violations = 0;
    for (WireLog.Request q : sent) {
      long t = q.sentAtNanos();
      while (k < done.size() && done.get(k).doneAtNanos() <= t) {
        WireLog.Request r = done.get(k++);
        if (r.rateLimited() && r.retryAfterMs() > 0) {
          until = Math.max(until, r.doneAtNanos() / 1_000_000L + r.retryAfterMs());
        }
      }
      if (t / 1_000_000L < until) {
        violations++;
      }
    }
    return violations;
  }

  /** Requests sent within this long of each other are one attempt (one tick's batch). */
  public static final long ATTEMPT_GAP_NANOS = 50_000_000L;

  /**
   * The most attempts within any 10 s that followed an attempt in which every request failed: an
   * attempt is a group of requests sent within {@link #ATTEMPT_GAP_NANOS} of each other (a tick's
   * batch), and it failed when none of its requests got a usable answer (each got a 5xx, a 429/418,
   * no answer, or lost its connection).
   */
  public static int maxFailingAttemptsPer10s(WireLog w) {
    List<WireLog.Request> sent = bySend(w);
    List<Long> attempts = new ArrayList<>();
    boolean previousFailed = false;
    int i = 0;
    while (i < sent.size()) {
      long t = sent.get(i).sentAtNanos();
      int j = i;
      boolean anyOk = false;
      while (j < sent.size() && sent.get(j).sentAtNanos() - t < ATTEMPT_GAP_NANOS) {
        anyOk |= sent.get(j).succeeded();
        j++;
      }
      if (previousFailed) {
        attempts.add(t);
      }
      previousFailed = !anyOk;
      i = j;
    }
    return maxInWindow(attempts, 10_000_000_000L);
  }

  /** The most cancels sent within any one second. */
  public static int maxCancelsPerSecond(WireLog w) {
    List<Long> times = new ArrayList<>();
    for (WireLog.Request r : bySend(w)) {
      if (CANCEL.equals(r.endpoint())) {
        times.add(r.sentAtNanos());
      }
    }
    int best = 0;
    int lo = 0;
    for (int hi = 0; hi < times.size(); hi++) {
      while (times.get(hi) - times.get(lo) >= 1_000_000_000L) {
        lo++;
      }
      best = Math.max(best, hi - lo + 1);
    }
    return best;
  }

  /** The most WebSocket connection attempts within any one second. */
  public static int maxWsAttemptsPerSecond(WireLog w) {
    List<Long> times = new ArrayList<>();
    for (WireLog.WsEvent ev : w.wsEvents()) {
      if (ev.kind() == WireLog.WsKind.ATTEMPT) {
        times.add(ev.atNanos());
      }
    }
    return maxInWindow(times, 1_000_000_000L);
  }

  /**
   * The most retried places within any 10 s: a place is a retry when the client's previous place on
   * the same side is known not to have been placed (it was not sent, its connection was lost before
   * sending, or it was answered 4xx, 429 or 418); a placed order ends the streak.
   */
  public static int maxRetriedPlacesPer10s(WireLog w) {
    List<WireLog.Request> all = w.allBySend();
    List<WireLog.Request> done = w.allByDone();
    boolean[] failed = new boolean[2];
    List<Long> retries = new ArrayList<>();
    int k = 0;
    for (WireLog.Request q : all) {
      while (k < done.size() && done.get(k).doneAtNanos() <= q.sentAtNanos()) {
        WireLog.Request r = done.get(k++);
        if (!PLACE.equals(r.endpoint())) {
          continue;
        }
        int side = r.side() == 'B' ? 0 : 1;
        boolean notPlaced =
            r.outcome() == WireLog.Outcome.NOT_SENT
                || r.outcome() == WireLog.Outcome.LOST_BEFORE_SENDING
                || (r.outcome() == WireLog.Outcome.ANSWERED
                    && r.status() >= 400
                    && r.status() < 500);
        if (notPlaced) {
          failed[side] = true;
        } else if (r.outcome() == WireLog.Outcome.ANSWERED && r.status() < 300) {
          failed[side] = false;
        }
      }
      if (PLACE.equals(q.endpoint()) && failed[q.side() == 'B' ? 0 : 1]) {
        retries.add(q.sentAtNanos());
      }
    }
    return maxInWindow(retries, 10_000_000_000L);
  }
}
