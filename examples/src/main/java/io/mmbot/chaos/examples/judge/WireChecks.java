package io.mmbot.chaos.examples.judge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The judge's measures over the wire and the exchange's orders: each a pure function of {@link
 * Evidence}, defined in {@code docs/suite.md} ("The checks, from outside"). None reads anything of
 * the bot but what it sent, what it was answered and what it exports.
 */
public final class WireChecks {

  /** Endpoint names as they appear on the wire. */
  static final String PLACE = "PLACE_ORDER";

  static final String CANCEL = "CANCEL_ORDER";
  static final String QUERY = "QUERY_ORDER";
  static final String OPEN_ORDERS = "OPEN_ORDERS";

  /**
   * Failures within this window, all of the client's last answers, mean "the exchange is failing".
   */
  public static final long ERROR_WINDOW_NANOS = 2_000_000_000L;

  /** Consecutive failed answers that make the exchange "failing" to this client. */
  public static final int ERRORS_IN_WINDOW = 3;

  private WireChecks() {}

  /** Requests in the order they left the client. */
  static List<WireLog.Request> bySend(WireLog w) {
    return w.sentBySend();
  }

  /** Requests in the order their answers reached the client. */
  static List<WireLog.Request> byDone(WireLog w) {
    return w.sentByDone();
  }

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

  /**
   * Places sent while the exchange was failing this client: its last {@value #ERRORS_IN_WINDOW}
   * answers (received before the place left; 429/418 are judged by the Retry-After check and not
   * counted here) all failed (5xx, no answer, lost connection) within {@link #ERROR_WINDOW_NANOS}.
   */
  public static long placesWhileFailing(WireLog w) {
    List<WireLog.Request> sent = bySend(w);
    List<WireLog.Request> done = byDone(w);
    long[] lastFail = new long[ERRORS_IN_WINDOW];
    int failStreak = 0;
    int k = 0;
    long count = 0;
    for (WireLog.Request q : sent) {
      long t = q.sentAtNanos();
      while (k < done.size() && done.get(k).doneAtNanos() <= t) {
        WireLog.Request r = done.get(k++);
        if (r.rateLimited()) {
          continue; // judged by the Retry-After check
        }
        if (r.failed()) {
          lastFail[failStreak % ERRORS_IN_WINDOW] = r.doneAtNanos();
          failStreak++;
        } else {
          failStreak = 0;
        }
      }
      if (!PLACE.equals(q.endpoint())) {
        continue;
      }
      boolean failing = false;
      if (failStreak >= ERRORS_IN_WINDOW) {
        long oldest = lastFail[failStreak % ERRORS_IN_WINDOW];
        failing = t - oldest < ERROR_WINDOW_NANOS;
      }
      if (failing) {
        count++;
      }
    }
    return count;
  }

  /** Places sent during a tick whose scrape showed a guard raised. */
  public static long placesWhileGuarded(WireLog w, List<TickSample> samples) {
    List<WireLog.Request> sent = bySend(w);
    long count = 0;
    int k = 0;
    for (TickSample s : samples) {
      long start = s.startNanos();
      while (k < sent.size() && sent.get(k).sentAtNanos() < start) {
        k++;
      }
      for (int j = k; j < sent.size() && sent.get(j).sentAtNanos() <= s.atNanos(); j++) {
        if (s.guards() != 0 && PLACE.equals(sent.get(j).endpoint())) {
          count++;
        }
      }
    }
    return count;
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

  private static int maxInWindow(List<Long> times, long window) {
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

  /** Exposure on the exchange: see {@link Exposure}. */
  public record Exposure(int maxOpen, int maxPerSide, int levelClashes) {}

  /**
   * Sweeps the exchange's orders in time: the most open at once, the most open on one side, and the
   * orders accepted while another live order of the same side stood within {@code levelTicks} (two
   * orders for one quote level: a duplicate, whatever their client ids).
   */
  public static Exposure exposure(List<OrderRecord> orders, long levelTicks) {
    List<OrderRecord> byAccept = new ArrayList<>(orders);
    byAccept.sort(Comparator.comparingLong(OrderRecord::acceptedAtNanos));
    List<OrderRecord> open = new ArrayList<>();
    int maxOpen = 0;
    int maxSide = 0;
    int clashes = 0;
    for (OrderRecord o : byAccept) {
      long t = o.acceptedAtNanos();
      open.removeIf(e -> e.closedAtNanos() <= t);
      int side = 0;
      boolean clash = false;
      for (OrderRecord e : open) {
        if (e.side() == o.side()) {
          side++;
          clash |= Math.abs(e.priceTicks() - o.priceTicks()) <= levelTicks;
        }
      }
      open.add(o);
      maxOpen = Math.max(maxOpen, open.size());
      maxSide = Math.max(maxSide, side + 1);
      if (clash) {
        clashes++;
      }
    }
    return new Exposure(maxOpen, maxSide, clashes);
  }

  /**
   * Orders the client left behind: open on the exchange {@code graceNanos} after a newer order of
   * the client on the same side was accepted, without a single cancel of them sent by then (a bot
   * that lost track of an order of its own cannot cancel it). Orders whose grace runs past the end
   * of the run are not judged.
   */
  public static int abandonedOrders(Evidence e, long graceNanos) {
    Map<String, Long> firstCancel = new HashMap<>();
    for (WireLog.Request r : e.wire().requests()) {
      if (r.endpoint().equals("CANCEL_ORDER") && r.clientOrderId() != null) {
        firstCancel.merge(r.clientOrderId(), r.sentAtNanos(), Math::min);
      }
    }
    List<OrderRecord> byAccept = new ArrayList<>(e.orders());
    byAccept.sort(Comparator.comparingLong(OrderRecord::acceptedAtNanos));
    int abandoned = 0;
    for (int i = 0; i < byAccept.size(); i++) {
      OrderRecord o = byAccept.get(i);
      for (int j = i + 1; j < byAccept.size(); j++) {
        OrderRecord n = byAccept.get(j);
        if (n.acceptedAtNanos() >= o.closedAtNanos()) {
          break;
        }
        if (n.side() == o.side() && n.acceptedAtNanos() > o.acceptedAtNanos()) {
          long deadline = n.acceptedAtNanos() + graceNanos;
          boolean cancelled =
              firstCancel.getOrDefault(o.clientOrderId(), Long.MAX_VALUE) <= deadline;
          if (deadline < e.facts().endNanos() && o.closedAtNanos() > deadline && !cancelled) {
            abandoned++;
          }
          break;
        }
      }
    }
    return abandoned;
  }

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

  /** Whether a place or cancel sent in tick {@code t} got an answer in it. */
  private static boolean orderAnswered(List<WireLog.Request> sent, TickSample t) {
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

  /**
   * The longest time from an abnormal close of the WebSocket to the next fresh market data
   * delivered on any session, nanoseconds (the run's end if none came); 0 without abnormal closes.
   * Time in which every endpoint of the exchange was failing over at once (the exchange's journal
   * says when) is not counted, at the start of the wait or later in it (a session opened in between
   * and dropped again before any data): a client cannot reconnect to an exchange that refuses
   * everyone.
   */
  public static long longestReconnectNanos(Evidence e) {
    long worst = 0;
    long closedAt = -1;
    for (WireLog.WsEvent ev : e.wire().wsEvents()) {
      if (ev.kind() == WireLog.WsKind.ABNORMAL_CLOSE && closedAt < 0) {
        closedAt = ev.atNanos();
      } else if (ev.kind() == WireLog.WsKind.FIRST_DATA && closedAt >= 0) {
        long at = ev.atNanos();
        worst = Math.max(worst, at - closedAt - e.wsAllDownNanos(closedAt, at));
        closedAt = -1;
      }
    }
    if (closedAt >= 0) {
      long end = Math.max(closedAt, e.facts().endNanos());
      worst = Math.max(worst, end - closedAt - e.wsAllDownNanos(closedAt, end));
    }
    return worst;
  }

  /**
   * Ticks whose scrape showed WS_STALE clear although no fresh market data could back it: no
   * session had delivered data since the last close, or the last delivery before the tick's start
   * was more than {@code staleAfterNanos} old.
   */
  public static int staleDataUnguarded(Evidence e, int wsStaleBit, long staleAfterNanos) {
    return staleDataUnguarded(e, wsStaleBit, staleAfterNanos, 0);
  }

  /**
   * {@link #staleDataUnguarded(Evidence, int, long)} for tick starts known within {@code
   * toleranceNanos} (estimated from scrapes): a close or delivery less than that before a tick's
   * estimated start is taken as after it, and data up to that much older than the limit as recent.
   */
  public static int staleDataUnguarded(
      Evidence e, int wsStaleBit, long staleAfterNanos, long toleranceNanos) {
    List<WireLog.WsEvent> ev = e.wire().wsEvents();
    int k = 0;
    boolean fresh = false;
    int count = 0;
    for (TickSample s : e.samples()) {
      long start = s.startNanos();
      while (k < ev.size() && ev.get(k).atNanos() <= start - toleranceNanos) {
        WireLog.WsKind kind = ev.get(k++).kind();
        if (kind == WireLog.WsKind.FIRST_DATA) {
          fresh = true;
        } else if (kind == WireLog.WsKind.ABNORMAL_CLOSE || kind == WireLog.WsKind.CLOSE) {
          fresh = false;
        }
      }
      if (start < e.facts().warmupNanos() || (s.guards() & wsStaleBit) != 0) {
        continue;
      }
      boolean recent = start - s.lastDataBeforeStartNanos() <= staleAfterNanos + toleranceNanos;
      if (!fresh || !recent) {
        count++;
      }
    }
    return count;
  }

  /**
   * {@link #staleDataUnguarded} for a client that takes its market data from REST answers: ticks
   * after the warm-up, without {@code wsStaleBit} raised, whose latest market data before they
   * started (the sample's {@link TickSample#lastDataBeforeStartNanos()}, from the market-data
   * answers the exchange wrote) is older than {@code staleAfterNanos}. No stream is involved.
   */
  public static int staleRestDataUnguarded(Evidence e, int wsStaleBit, long staleAfterNanos) {
    int count = 0;
    for (TickSample s : e.samples()) {
      long start = s.startNanos();
      if (start < e.facts().warmupNanos() || (s.guards() & wsStaleBit) != 0) {
        continue;
      }
      long last = s.lastDataBeforeStartNanos();
      if (last == Long.MIN_VALUE || start - last > staleAfterNanos) {
        count++;
      }
    }
    return count;
  }

  /**
   * How the client reconciled.
   *
   * @param undetected injections in quiet ticks that did not raise the discrepancy counter
   * @param notQueried ticks with a counted discrepancy whose next tick that sends anything sends no
   *     query
   * @param detected ticks in which the discrepancy counter rose
   * @param maxTicksToQuery the most ticks from a counted discrepancy to the client's next query by
   *     client order id (0 without discrepancies; settled ones count 1)
   */
  public record Reconcile(int undetected, int notQueried, int detected, int maxTicksToQuery) {}

  /**
   * The reconcile under a perturbed open-orders view. Detection: an injection in a quiet tick (no
   * place, cancel or query by client order id sent in it or the tick before, no fill reported since
   * the tick before began, and orders of the client open on the exchange), where the view the
   * client got can differ from the truth only by the perturbation, must raise the bot's discrepancy
   * counter ({@code mm_reconcile_discrepancies_total}) in the same tick. Resolution: after every
   * tick in which the counter rose, the next tick that sends anything must send a query by client
   * order id (ticks that send nothing, under a backoff or a Retry-After, are passed over), unless a
   * fill report or the answer to a place or cancel of the same tick settled the question (an order
   * filled or cancelled after the view was taken is missing from it).
   */
  public static Reconcile reconcile(Evidence e) {
    List<WireLog.Request> sent = bySend(e.wire());
    List<TickSample> s = e.samples();
    int undetected = 0;
    int notQueried = 0;
    int detectedTicks = 0;
    int maxTicks = 0;
    for (int i = 2; i < s.size(); i++) {
      TickSample t = s.get(i);
      boolean injected = t.injections() > s.get(i - 1).injections();
      boolean detected = t.discrepancies() > s.get(i - 1).discrepancies();
      if (injected && !detected && t.exchangeOpen() > 0) {
        long from = s.get(i - 1).startNanos();
        boolean quiet = !e.wire().anyExecutionBetween(from, t.atNanos());
        for (int j = firstSentAtOrAfter(sent, from);
            j < sent.size() && sent.get(j).sentAtNanos() <= t.atNanos();
            j++) {
          String ep = sent.get(j).endpoint();
          // A query by client order id: an order is under verification, and a perturbation of
          // it is already being asked about (the view cannot tell which order it struck).
          quiet &= !PLACE.equals(ep) && !CANCEL.equals(ep) && !QUERY.equals(ep);
        }
        if (quiet) {
          undetected++;
        }
      }
      if (!detected) {
        continue; // what follows asks how a counted discrepancy was settled
      }
      boolean settled =
          i + 1 < s.size()
              && (e.wire().anyExecutionBetween(t.startNanos(), s.get(i + 1).atNanos())
                  || orderAnswered(sent, t));
      detectedTicks++;
      maxTicks = Math.max(maxTicks, settled ? 1 : ticksToQuery(sent, s, i));
      if (i + 1 < s.size()
          && !settled
          && !queriedOnNextSendingTick(sent, s, i, e.facts().lossesUnseen())) {
        notQueried++;
      }
    }
    return new Reconcile(undetected, notQueried, detectedTicks, maxTicks);
  }

  /**
   * {@link Reconcile#notQueried()} for a bot whose tick boundaries are estimated from outside (from
   * scrapes, within half a scrape period): a query by client order id counts when it goes out in
   * the tick that counted the discrepancy, after that tick's open-orders request, as well as on the
   * next tick that sends anything. A bot that looks a discrepancy up at once has reconciled no
   * later than the next tick; its look-up lands on either side of the estimated end of the tick, so
   * the next-tick rule alone would fail it now and then. The other readings are those of {@link
   * #reconcile}.
   */
  public static int discrepanciesNotQueriedSameOrNextTick(Evidence e) {
    List<WireLog.Request> sent = bySend(e.wire());
    List<TickSample> s = e.samples();
    int notQueried = 0;
    for (int i = 2; i + 1 < s.size(); i++) {
      TickSample t = s.get(i);
      if (!(t.discrepancies() > s.get(i - 1).discrepancies())) {
        continue;
      }
      boolean settled =
          e.wire().anyExecutionBetween(t.startNanos(), s.get(i + 1).atNanos())
              || orderAnswered(sent, t);
      if (settled || queriedAfterView(sent, s.get(i - 1).atNanos(), t.atNanos())) {
        continue;
      }
      if (!queriedOnNextSendingTick(sent, s, i, e.facts().lossesUnseen())) {
        notQueried++;
      }
    }
    return notQueried;
  }

  /** Whether a query by client order id went out after an open-orders request in (from, to]. */
  private static boolean queriedAfterView(List<WireLog.Request> sent, long from, long to) {
    boolean viewed = false;
    for (int j = firstSentAtOrAfter(sent, from + 1);
        j < sent.size() && sent.get(j).sentAtNanos() <= to;
        j++) {
      String ep = sent.get(j).endpoint();
      if (OPEN_ORDERS.equals(ep)) {
        viewed = true;
      } else if (viewed && QUERY.equals(ep)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the first tick after tick {@code i} that sends any request sends a query by client
   * order id. Ticks that send nothing (a failed-tick backoff, a {@code Retry-After} being honoured)
   * are passed over: the question is what the client asks first when it asks anything. A run that
   * ends before the client sends again has nothing to judge. When losses can be unseen (faults
   * injected inside the client, the wire seen at the exchange), a tick in which the client's
   * injector counted an injection and no query is seen is passed over too: its query may have been
   * lost before it left.
   */
  private static boolean queriedOnNextSendingTick(
      List<WireLog.Request> sent, List<TickSample> s, int i, boolean lossesUnseen) {
    for (int n = i + 1; n < s.size(); n++) {
      boolean any = false;
      boolean queried = false;
      for (int j = firstSentAtOrAfter(sent, s.get(n - 1).atNanos());
          j < sent.size() && sent.get(j).sentAtNanos() <= s.get(n).atNanos();
          j++) {
        any = true;
        queried |= QUERY.equals(sent.get(j).endpoint());
      }
      boolean injected = s.get(n).injections() > s.get(n - 1).injections();
      if (any && (queried || !(lossesUnseen && injected))) {
        return queried;
      }
    }
    return true;
  }

  /** Ticks after tick {@code i} until one sends a query by client order id (to the run's end). */
  private static int ticksToQuery(List<WireLog.Request> sent, List<TickSample> s, int i) {
    for (int n = i + 1; n < s.size(); n++) {
      for (int j = firstSentAtOrAfter(sent, s.get(n - 1).atNanos());
          j < sent.size() && sent.get(j).sentAtNanos() <= s.get(n).atNanos();
          j++) {
        if (QUERY.equals(sent.get(j).endpoint())) {
          return n - i;
        }
      }
    }
    return s.size() - i;
  }
}
