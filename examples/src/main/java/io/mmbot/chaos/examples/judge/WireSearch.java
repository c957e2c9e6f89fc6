package io.mmbot.chaos.examples.judge;

import java.util.List;

/**
 * The search over the wire that the judge's checks share: the endpoint names as they appear on the
 * wire, the requests in send and in answer order, the first request sent at or after a moment, and
 * the most events within a sliding window.
 */
public final class WireSearch {

  /** Endpoint names as they appear on the wire. */
  static final String PLACE = "PLACE_ORDER";

  static final String CANCEL = "CANCEL_ORDER";
  static final String QUERY = "QUERY_ORDER";
  static final String OPEN_ORDERS = "OPEN_ORDERS";

  /** Requests in the order they left the client. */
  static List<WireLog.Request> bySend(WireLog w) {
    return w.sentBySend();
  }

  /** Requests in the order their answers reached the client. */
  static List<WireLog.Request> byDone(WireLog w) {
    return w.sentByDone();
  }

  /** The index of the first request of {@code sent} (in send order) sent at or after {@code t}. */
  static int firstSentAtOrAfter(List<WireLog.Request> sent, long t) {
    int lo = 0;
    int hi = sent.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sent.get(mid).sentAtNanos() < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The most of {@code times} (ascending) within any {@code window}. */
  static int maxInWindow(List<Long> times, long window) {
    int best = 0;
    int lo = 0;
    for (int hi = 0; hi < times.size(); hi++) {
      while (times.get(hi) - times.get(lo) >= window) {
        lo++;
      }
      best = Math.max(best, hi - lo + 1);
    }
    return best;
  }

  /** Whether a place or cancel sent in tick {@code t} got an answer in it. */
  static boolean orderAnswered(List<WireLog.Request> sent, TickSample t) {
    for (int j = firstSentAtOrAfter(sent, t.startNanos());
        j < sent.size() && sent.get(j).sentAtNanos() <= t.atNanos();
        j++) {
      WireLog.Request q = sent.get(j);
      boolean order = PLACE.equals(q.endpoint()) || CANCEL.equals(q.endpoint());
      if (order && q.outcome() == WireLog.Outcome.ANSWERED && q.doneAtNanos() <= t.atNanos()) {
        return true;
      }
    }
    return false;
  }

  private WireSearch() {}
}
