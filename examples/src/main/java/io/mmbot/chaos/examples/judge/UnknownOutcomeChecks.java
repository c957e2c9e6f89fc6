package io.mmbot.chaos.examples.judge;

import static io.mmbot.chaos.examples.judge.WireSearch.CANCEL;
import static io.mmbot.chaos.examples.judge.WireSearch.OPEN_ORDERS;
import static io.mmbot.chaos.examples.judge.WireSearch.PLACE;
import static io.mmbot.chaos.examples.judge.WireSearch.QUERY;
import static io.mmbot.chaos.examples.judge.WireSearch.bySend;
import static io.mmbot.chaos.examples.judge.WireSearch.firstSentAtOrAfter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Order requests of unknown outcome (lost answers): whether the client asked about each on the next
 * tick and held back new orders on that side until it knew. Each a pure function of the run's
 * {@link Evidence}, defined in {@code docs/suite.md} ("The checks, from outside"); the wire search
 * they share is {@link WireSearch}.
 */
public final class UnknownOutcomeChecks {

  private UnknownOutcomeChecks() {}

  /** How the client handled order requests of unknown outcome: see the fields. */
  public record Unknowns(int count, int notQueriedNextTick, int placedBeforeTruth) {}

  /**
   * For every place or cancel whose outcome the client could not know (a 5xx or no answer): its
   * next requests (those sent within one tick interval of the first request after it) must ask the
   * exchange (a query of that client order id, or the open orders), and no new order may go out on
   * the order's side before such a question was answered or a fill of the order was reported on the
   * WebSocket. A burst of requests in which every request failed and none asked is passed over (a
   * tick that stopped at its failed first call, such as its time sync answered 5xx): the batch from
   * the next burst on is judged.
   */
  public static Unknowns unknowns(Evidence e) {
    WireLog w = e.wire();
    long tick = e.facts().tickNanos();
    Map<String, Character> sideOf = new HashMap<>();
    for (OrderRecord o : e.orders()) {
      sideOf.put(o.clientOrderId(), o.side());
    }
    List<WireLog.Request> sent = bySend(w);
    int count = 0;
    int notQueried = 0;
    int placed = 0;
    for (WireLog.Request r : w.requests()) {
      boolean orderRequest = PLACE.equals(r.endpoint()) || CANCEL.equals(r.endpoint());
      if (!orderRequest || !r.outcomeUnknown() || r.doneAtNanos() < e.facts().warmupNanos()) {
        continue;
      }
      Character side = PLACE.equals(r.endpoint()) ? r.side() : sideOf.get(r.clientOrderId());
      if (side == null) {
        continue; // a cancel of an order the exchange never had: nothing can be at risk
      }
      count++;
      int first = firstSentAtOrAfter(sent, Math.min(r.doneAtNanos(), nextBurstAt(sent, r, tick)));
      if (first >= sent.size()) {
        continue; // the run ended
      }
      int askFrom = firstBatchThatGotThrough(sent, first, tick);
      if (askFrom >= sent.size()) {
        continue; // the run ended
      }
      long batchEnd = sent.get(askFrom).sentAtNanos() + tick;
      boolean asked = false;
      long truthAt = w.executionAt(r.clientOrderId()); // a fill report tells the truth too
      for (int j = askFrom; j < sent.size(); j++) {
        WireLog.Request q = sent.get(j);
        boolean asks =
            OPEN_ORDERS.equals(q.endpoint())
                || (QUERY.equals(q.endpoint()) && r.clientOrderId().equals(q.clientOrderId()));
        if (asks && q.sentAtNanos() < batchEnd) {
          asked = true;
        }
        if (asks && q.succeeded()) {
          truthAt = Math.min(truthAt, q.doneAtNanos());
        }
        if (q.sentAtNanos() >= batchEnd && q.sentAtNanos() >= truthAt) {
          break;
        }
      }
      if (!asked) {
        notQueried++;
      }
      for (int j = first; j < sent.size() && sent.get(j).sentAtNanos() < truthAt; j++) {
        WireLog.Request q = sent.get(j);
        if (PLACE.equals(q.endpoint()) && q.side() == side) {
          placed++;
          break;
        }
      }
    }
    return new Unknowns(count, notQueried, placed);
  }

  /**
   * When the burst of requests after the one {@code r} belongs to began (bursts as in {@link
   * #firstBatchThatGotThrough}); {@code Long.MAX_VALUE} if there is none.
   */
  private static long nextBurstAt(List<WireLog.Request> sent, WireLog.Request r, long tick) {
    int j = firstSentAtOrAfter(sent, r.sentAtNanos());
    while (j + 1 < sent.size()
        && sent.get(j + 1).sentAtNanos() - sent.get(j).sentAtNanos() < tick / 2) {
      j++;
    }
    return j + 1 < sent.size() ? sent.get(j + 1).sentAtNanos() : Long.MAX_VALUE;
  }

  /**
   * The first request, from {@code first} on, of a burst of requests in which some request
   * succeeded or asked about orders; {@code sent.size()} if none. A burst is requests each sent
   * less than half a tick interval after the one before: one tick's calls go out back to back, and
   * ticks are a tick interval apart.
   */
  private static int firstBatchThatGotThrough(List<WireLog.Request> sent, int first, long tick) {
    int from = first;
    while (from < sent.size()) {
      int j = from;
      do {
        WireLog.Request q = sent.get(j);
        if (q.succeeded() || OPEN_ORDERS.equals(q.endpoint()) || QUERY.equals(q.endpoint())) {
          return from;
        }
        j++;
      } while (j < sent.size()
          && sent.get(j).sentAtNanos() - sent.get(j - 1).sentAtNanos() < tick / 2);
      from = j;
    }
    return from;
  }
}
