package io.mmbot.chaos.examples.judge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What crossed the wire between a bot and its exchange, as the exchange side saw it: every REST
 * request (when it left the client, when its answer or failure reached the client, what the answer
 * was, the order fields it carried) and every WebSocket session event (opened, refused, first fresh
 * data delivered, abnormal close). Recorded outside the bot (a tap on the exchange's side of the
 * connector), so a judge reading it needs nothing of the bot's own objects. Times are the harness's
 * monotonic nanoseconds (virtual time in the simulation). Not thread-safe: one run, one writer, and
 * reading is not read-only either (the first read after new requests compacts them and builds the
 * judge's time orders), so the judge reads once the run is over.
 */
public final class WireLog {

  /** How a request ended for the client. */
  public enum Outcome {
    /** An HTTP answer reached the client. */
    ANSWERED,
    /** Nothing was sent: the host name did not resolve. */
    NOT_SENT,
    /** The connection was lost before the request left: the exchange did nothing. */
    LOST_BEFORE_SENDING,
    /** No answer reached the client in its time: the exchange may have executed it. */
    NO_ANSWER
  }

  /**
   * One REST request.
   *
   * @param sentAtNanos when it left the client
   * @param doneAtNanos when its answer (or its failure) reached the client
   * @param endpoint the endpoint's name (e.g. {@code PLACE_ORDER})
   * @param outcome how it ended
   * @param status the HTTP status delivered (0 without an answer)
   * @param code the exchange's error code (0 if none)
   * @param retryAfterMs the {@code Retry-After} delivered with a 429/418, ms (0 if none)
   * @param clientOrderId the order's client id for order requests, else null
   * @param side 'B' or 'S' for a place, else 0
   * @param priceTicks a place's limit price
   */
  public record Request(
      long sentAtNanos,
      long doneAtNanos,
      String endpoint,
      Outcome outcome,
      int status,
      int code,
      long retryAfterMs,
      String clientOrderId,
      char side,
      long priceTicks) {

    /** Whether the client got an answer it can act on (2xx or a 4xx other than 418/429). */
    public boolean succeeded() {
      return outcome == Outcome.ANSWERED && status > 0 && status < 429;
    }

    /** A 429 or 418 (rate limit or ban). */
    public boolean rateLimited() {
      return outcome == Outcome.ANSWERED && (status == 429 || status == 418);
    }

    /** A 5xx, or no answer at all (a lost answer or lost connection). */
    public boolean failed() {
      return !succeeded() && !rateLimited() && outcome != Outcome.NOT_SENT;
    }

    /** For a place or cancel: whether the client cannot know if the exchange executed it. */
    public boolean outcomeUnknown() {
      return outcome == Outcome.NO_ANSWER || (outcome == Outcome.ANSWERED && status >= 500);
    }
  }

  /** Kinds of WebSocket session events. */
  public enum WsKind {
    /** A connection attempt was made. */
    ATTEMPT,
    /** The connection opened (subscribed). */
    OPEN,
    /** The attempt was refused. */
    REFUSED,
    /** The first market-data message after the open was delivered. */
    FIRST_DATA,
    /** The connection was lost without a close handshake. */
    ABNORMAL_CLOSE,
    /** The connection was closed normally. */
    CLOSE
  }

  /**
   * One WebSocket session event.
   *
   * @param atNanos when
   * @param session the session (connection attempt) number, from 1
   * @param kind what happened
   */
  public record WsEvent(long atNanos, int session, WsKind kind) {}

  private final List<Request> requests = new ArrayList<>();
  // The requests in the order they left the client and in the order their answers reached it
  // (stable sorts of every request, NOT_SENT included), built on first use after the last
  // request was recorded: every check of the judge reads them, sorting once is enough.
  private List<Request> allBySend;
  private List<Request> allByDone;
  private List<Request> sentBySend;
  private List<Request> sentByDone;
  // Requests before this index have been copied into one contiguous stretch of memory.
  private int compactedUpTo;
  private final List<WsEvent> ws = new ArrayList<>();
  private final java.util.Map<String, Long> executions = new java.util.HashMap<>();
  // Every execution report's time per client order id, for reports after the first.
  private final java.util.Map<String, List<Long>> executionsOf = new java.util.HashMap<>();
  private final List<Long> executionTimes = new ArrayList<>();
  private final long[] recentData = new long[64];
  private int recentNext;
  private int dataSession;
  private long lastDataNanos;
  private long maxGapNanos;

  /**
   * A market-data message of {@code session} was delivered at {@code atNanos}: keeps the longest
   * gap between consecutive messages of one session (gaps across a reconnect are the reconnect's,
   * judged apart).
   */
  public void data(long atNanos, int session) {
    if (session == dataSession) {
      maxGapNanos = Math.max(maxGapNanos, atNanos - lastDataNanos);
    }
    dataSession = session;
    lastDataNanos = atNanos;
    recentData[recentNext] = atNanos;
    recentNext = (recentNext + 1) % recentData.length;
  }

  /**
   * The latest market-data delivery at or before {@code t} among the last 64 (about 6 s of data),
   * or {@link Long#MIN_VALUE} if none of them is.
   */
  public long lastDataAtOrBefore(long t) {
    long best = Long.MIN_VALUE;
    for (long v : recentData) {
      if (v != 0 && v <= t && v > best) {
        best = v;
      }
    }
    return best;
  }

  /** The longest gap between market-data messages since the last call, ms; resets it. */
  public double takeMaxGapMs() {
    double g = maxGapNanos / 1e6;
    maxGapNanos = 0;
    return g;
  }

  /** Records a request. */
  public void request(Request r) {
    requests.add(r);
    allBySend = null;
    allByDone = null;
    sentBySend = null;
    sentByDone = null;
  }

  /**
   * Replaces the requests recorded since the last call by equal copies made one after the other.
   * The originals were made during the run, one every few hundred bytes of the run's other
   * allocations; the judge reads every request a dozen times, and reading them from one contiguous
   * stretch of memory is several times faster than chasing them across the whole young generation.
   */
  private void compact() {
    for (int i = compactedUpTo; i < requests.size(); i++) {
      Request r = requests.get(i);
      requests.set(
          i,
          new Request(
              r.sentAtNanos(),
              r.doneAtNanos(),
              r.endpoint(),
              r.outcome(),
              r.status(),
              r.code(),
              r.retryAfterMs(),
              r.clientOrderId(),
              r.side(),
              r.priceTicks()));
    }
    compactedUpTo = requests.size();
  }

  /** The requests that were sent (all but NOT_SENT) in the order they left the client. */
  List<Request> sentBySend() {
    if (sentBySend == null) {
      sentBySend = withoutNotSent(allBySend());
    }
    return sentBySend;
  }

  /** The requests that were sent (all but NOT_SENT) in the order their answers came back. */
  List<Request> sentByDone() {
    if (sentByDone == null) {
      sentByDone = withoutNotSent(allByDone());
    }
    return sentByDone;
  }

  /**
   * {@code list} in the order of its send (or answer) times, ties in list order: the order a stable
   * sort gives. The requests come nearly in that order (a tick's batch is logged together), so an
   * insertion sort on the times does it in about one pass; past a budget of moves (requests logged
   * far out of order) a general stable sort takes over, giving the same order.
   */
  static List<Request> stableSort(List<Request> list, boolean bySend) {
    int n = list.size();
    Request[] a = list.toArray(new Request[0]);
    long[] key = new long[n];
    for (int i = 0; i < n; i++) {
      key[i] = bySend ? a[i].sentAtNanos() : a[i].doneAtNanos();
    }
    long budget = 8L * n + 64;
    for (int i = 1; i < n; i++) {
      long k = key[i];
      Request r = a[i];
      int j = i - 1;
      while (j >= 0 && key[j] > k) {
        key[j + 1] = key[j];
        a[j + 1] = a[j];
        j--;
        if (--budget < 0) {
          List<Request> l = new ArrayList<>(list);
          l.sort(
              bySend
                  ? java.util.Comparator.comparingLong(Request::sentAtNanos)
                  : java.util.Comparator.comparingLong(Request::doneAtNanos));
          return Collections.unmodifiableList(l);
        }
      }
      key[j + 1] = k;
      a[j + 1] = r;
    }
    return Collections.unmodifiableList(java.util.Arrays.asList(a));
  }

  private static List<Request> withoutNotSent(List<Request> sorted) {
    boolean any = false;
    for (Request r : sorted) {
      any |= r.outcome() == Outcome.NOT_SENT;
    }
    if (!any) {
      return sorted; // the usual case: every request was sent
    }
    List<Request> l = new ArrayList<>(sorted.size());
    for (Request r : sorted) {
      if (r.outcome() != Outcome.NOT_SENT) {
        l.add(r);
      }
    }
    return Collections.unmodifiableList(l);
  }

  /** Every request (NOT_SENT included) in the order it left the client; ties in record order. */
  List<Request> allBySend() {
    if (allBySend == null) {
      compact();
      allBySend = stableSort(requests, true);
    }
    return allBySend;
  }

  /**
   * Every request (NOT_SENT included) in the order its answer reached the client; ties in record
   * order.
   */
  List<Request> allByDone() {
    if (allByDone == null) {
      compact();
      allByDone = stableSort(requests, false);
    }
    return allByDone;
  }

  /** Records a WebSocket event. */
  public void ws(long atNanos, int session, WsKind kind) {
    ws.add(new WsEvent(atNanos, session, kind));
  }

  /**
   * An execution report (a fill) of order {@code clientOrderId} was delivered at {@code atNanos}.
   */
  public void execution(long atNanos, String clientOrderId) {
    executions.putIfAbsent(clientOrderId, atNanos);
    executionsOf.computeIfAbsent(clientOrderId, k -> new ArrayList<>(2)).add(atNanos);
    executionTimes.add(atNanos);
  }

  /**
   * Whether an execution report of {@code clientOrderId} was delivered at a time in {@code [from,
   * to)}.
   */
  public boolean anyExecutionOf(String clientOrderId, long from, long to) {
    List<Long> times = executionsOf.get(clientOrderId);
    if (times == null) {
      return false;
    }
    for (long t : times) {
      if (t >= from && t < to) {
        return true;
      }
    }
    return false;
  }

  /** Whether an execution report was delivered at a time in {@code [from, to]}. */
  public boolean anyExecutionBetween(long from, long to) {
    int lo = 0;
    int hi = executionTimes.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (executionTimes.get(mid) < from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < executionTimes.size() && executionTimes.get(lo) <= to;
  }

  /**
   * When the first execution report of {@code clientOrderId} was delivered, or {@link
   * Long#MAX_VALUE} if none was.
   */
  public long executionAt(String clientOrderId) {
    Long t = executions.get(clientOrderId);
    return t == null ? Long.MAX_VALUE : t;
  }

  /** Every request, in the order their answers reached the client. */
  public List<Request> requests() {
    compact();
    return Collections.unmodifiableList(requests);
  }

  /** Every WebSocket event, in time order. */
  public List<WsEvent> wsEvents() {
    return Collections.unmodifiableList(ws);
  }
}
