package io.mmbot.chaos.examples.judge;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * When a guard's cause is visible from outside. A guard that a scenario does not expect is still
 * not "unexpected" when the wire shows the very condition the guard answers: a place or cancel
 * whose outcome the client could not know (for {@code RECONCILE_PENDING}), or market data that
 * stopped coming for the declared staleness time (for {@code WS_STALE}). And a required guard is
 * not owed when the exchange's truth reached the client before it could raise it. Each reading is a
 * pure function of {@link Evidence}; the definitions are in {@code docs/suite.md}.
 */
public final class GuardCauses {

  private GuardCauses() {}

  /**
   * Places and cancels whose outcome the client could not know: no answer reached it in its time
   * (the exchange answered later than the client gave up, or never) or a 5xx. Any time in the run,
   * warm-up included: the latency of a chaos-free exchange has a tail too.
   */
  public static int unknownOrderOutcomes(WireLog w) {
    int n = 0;
    for (WireLog.Request r : w.requests()) {
      boolean order =
          WireSearch.PLACE.equals(r.endpoint()) || WireSearch.CANCEL.equals(r.endpoint());
      if (order && r.outcomeUnknown()) {
        n++;
      }
    }
    return n;
  }

  /**
   * Places and cancels of unknown outcome after the warm-up (on an order the exchange had, for a
   * cancel) that the exchange's truth had not settled by the start of the client's next tick: no
   * execution report of the order (a fill, or any report on a user data stream) reached the client
   * between the request leaving it and the first tick starting after the client gave up on it. The
   * client had nothing left to verify for a settled one, so it owes no {@code RECONCILE_PENDING}
   * for it. An unknown outcome after the last tick counts as unsettled.
   */
  public static int unsettledUnknownOutcomes(Evidence e) {
    WireLog w = e.wire();
    Set<String> known = new HashSet<>();
    for (OrderRecord o : e.orders()) {
      known.add(o.clientOrderId());
    }
    List<TickSample> s = e.samples();
    int n = 0;
    for (WireLog.Request r : w.requests()) {
      boolean place = WireSearch.PLACE.equals(r.endpoint());
      boolean order = place || WireSearch.CANCEL.equals(r.endpoint());
      if (!order || !r.outcomeUnknown() || r.doneAtNanos() < e.facts().warmupNanos()) {
        continue;
      }
      if (!place && !known.contains(r.clientOrderId())) {
        continue; // a cancel of an order the exchange never had: nothing to settle
      }
      long nextTick = nextTickStart(s, r.doneAtNanos());
      boolean settled =
          nextTick != Long.MAX_VALUE
              && w.anyExecutionOf(r.clientOrderId(), r.sentAtNanos(), nextTick);
      if (!settled) {
        n++;
      }
    }
    return n;
  }

  /** The start of the first tick starting at or after {@code t}, or {@link Long#MAX_VALUE}. */
  static long nextTickStart(List<TickSample> s, long t) {
    int lo = 0;
    int hi = s.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (s.get(mid).startNanos() < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < s.size() ? s.get(lo).startNanos() : Long.MAX_VALUE;
  }

  /**
   * Whether a tick after the warm-up began without live market data: after an abnormal or normal
   * close and before the next session's first data, or with the last delivery {@code
   * staleAfterNanos} old or more (tick starts known within {@code toleranceNanos}). WS_STALE is due
   * only then: a disconnect healed between two tick starts leaves the bot nothing to guard.
   */
  public static boolean staleGuardDue(Evidence e, long staleAfterNanos, long toleranceNanos) {
    // with no guard bit to honour, every tick that began without fresh data counts
    return MarketDataChecks.staleDataUnguarded(e, 0, staleAfterNanos, toleranceNanos) > 0;
  }

  /**
   * Whether the wire explains every tick whose scrape shows {@code wsStaleBit}: at the tick's start
   * no session had delivered market data since the last close, or the last delivery was at least
   * {@code staleAfterNanos} less {@code toleranceNanos} old (the tolerance covers tick boundaries
   * estimated from scrapes; 0 when they are exact). False when no tick shows the guard.
   */
  public static boolean staleGuardExplained(
      Evidence e, int wsStaleBit, long staleAfterNanos, long toleranceNanos) {
    List<WireLog.WsEvent> ev = e.wire().wsEvents();
    int k = 0;
    boolean fresh = false;
    boolean seen = false;
    for (TickSample s : e.samples()) {
      long start = s.startNanos();
      while (k < ev.size() && ev.get(k).atNanos() <= start) {
        WireLog.WsKind kind = ev.get(k++).kind();
        if (kind == WireLog.WsKind.FIRST_DATA) {
          fresh = true;
        } else if (kind == WireLog.WsKind.ABNORMAL_CLOSE || kind == WireLog.WsKind.CLOSE) {
          fresh = false;
        }
      }
      if ((s.guards() & wsStaleBit) == 0) {
        continue;
      }
      seen = true;
      long last = s.lastDataBeforeStartNanos();
      boolean silent = last == Long.MIN_VALUE || start - last >= staleAfterNanos - toleranceNanos;
      if (fresh && !silent) {
        return false;
      }
    }
    return seen;
  }
}
