package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.examples.judge.WireLog;
import io.mmbot.chaos.exchange.server.ExchangeObserver;
import io.mmbot.chaos.exchange.server.RestObservation;
import io.mmbot.chaos.exchange.server.StreamObservation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The judge's {@link WireLog} for a bot in another process, taken on the exchange's side: the
 * exchange's observer collects every request and stream event while the run lasts (from the
 * server's threads), and {@link #wireLog()} turns them into the same records the in-process tap
 * writes, with these readings:
 *
 * <ul>
 *   <li>"sent" is when the request arrived at the exchange; "done" is when its answer was written
 *       (or the connection was reset or cut) plus {@link #IN_FLIGHT_NANOS}, the longest time an
 *       answer is taken to need to reach the client: a request that arrives within that time after
 *       a 429 was already on its way and is not a violation. The {@code Retry-After} is shortened
 *       by the same amount, so that its deadline stays the exchange's own: written + Retry-After.
 *   <li>A request reset before the exchange executed it is {@code LOST_BEFORE_SENDING} (nothing
 *       happened); one executed whose answer was held back, reset or cut off, or whose connection
 *       broke while it was written, is {@code NO_ANSWER} (its outcome is unknown to the client).
 *   <li>A 429 or 418 written later after its arrival than the bot declared it waits for an answer
 *       ({@code --bot-limits answer_wait_ms}) is {@code NO_ANSWER}, with no {@code Retry-After}:
 *       the bot had stopped waiting and never saw it. Without the declaration every written answer
 *       is taken to have reached the bot, as a real exchange takes it.
 *   <li>What never reached the exchange (a name that did not resolve, a connection the client's own
 *       adapter refused) is not in the log: {@code NOT_SENT} never occurs.
 * </ul>
 *
 * Thread-safe while collecting; {@link #wireLog()} is read once the exchange is closed.
 */
final class ServerWireLog implements ExchangeObserver {

  /** Time allowed for an answer to reach the client after the exchange wrote it, ns. */
  static final long IN_FLIGHT_NANOS = 250_000_000L;

  private final List<RestObservation> requests = new ArrayList<>();
  private final long answerWaitNanos;

  /** A log for a bot that declared no answer wait: every written answer reached it. */
  ServerWireLog() {
    this(0);
  }

  /**
   * A log for a bot that waits at most {@code answerWaitMs} for an answer from the request's
   * arrival (0: not declared): a 429 or 418 written later is read as no answer, without a {@code
   * Retry-After} (the bot had stopped waiting and never saw it).
   */
  ServerWireLog(long answerWaitMs) {
    this.answerWaitNanos = answerWaitMs * 1_000_000L;
  }

  private final List<StreamObservation> streams = new ArrayList<>();

  @Override
  public synchronized void onRequest(RestObservation r) {
    requests.add(r);
  }

  @Override
  public synchronized void onStream(StreamObservation e) {
    streams.add(e);
  }

  /** Requests observed so far. */
  synchronized int requestCount() {
    return requests.size();
  }

  /** The collected evidence as the judge reads it. */
  synchronized WireLog wireLog() {
    WireLog w = new WireLog();
    List<WireLog.Request> out = new ArrayList<>(requests.size());
    for (RestObservation r : requests) {
      out.add(request(r, answerWaitNanos));
    }
    out.sort(Comparator.comparingLong(WireLog.Request::doneAtNanos));
    out.forEach(w::request);
    List<StreamObservation> events = new ArrayList<>(streams);
    events.sort(Comparator.comparingLong(StreamObservation::atNanos));
    Set<Long> withData = new HashSet<>();
    for (StreamObservation e : events) {
      int session = (int) e.session();
      switch (e.kind()) {
        case ATTEMPT -> w.ws(e.atNanos(), session, WireLog.WsKind.ATTEMPT);
        case OPEN -> w.ws(e.atNanos(), session, WireLog.WsKind.OPEN);
        case REFUSED -> w.ws(e.atNanos(), session, WireLog.WsKind.REFUSED);
        case MARKET_DATA -> {
          if (withData.add(e.session())) {
            w.ws(e.atNanos(), session, WireLog.WsKind.FIRST_DATA);
          }
          w.data(e.atNanos(), session);
        }
        case EXECUTION -> w.execution(e.atNanos(), e.clientOrderId());
        case ABNORMAL_CLOSE -> w.ws(e.atNanos(), session, WireLog.WsKind.ABNORMAL_CLOSE);
        case CLOSE -> w.ws(e.atNanos(), session, WireLog.WsKind.CLOSE);
      }
    }
    w.takeMaxGapMs();
    return w;
  }

  /** Times of market-data deliveries, sorted, with the session of each (for the tick samples). */
  synchronized long[][] marketData() {
    List<StreamObservation> data = new ArrayList<>();
    for (StreamObservation e : streams) {
      if (e.kind() == StreamObservation.Kind.MARKET_DATA) {
        data.add(e);
      }
    }
    data.sort(Comparator.comparingLong(StreamObservation::atNanos));
    long[] at = new long[data.size()];
    long[] session = new long[data.size()];
    for (int i = 0; i < at.length; i++) {
      at[i] = data.get(i).atNanos();
      session[i] = data.get(i).session();
    }
    return new long[][] {at, session};
  }

  /** The REST endpoints whose answers carry market data. */
  static final Set<String> MARKET_DATA_ENDPOINTS =
      Set.of("BOOK_TICKER", "DEPTH_SNAPSHOT", "PRICE_TICKER");

  /**
   * Times the exchange wrote a successful market-data answer (book ticker, depth, price), sorted,
   * all as one session: the market data of a bot that polls REST ({@code market_data=rest}).
   */
  synchronized long[][] restMarketData() {
    List<Long> at = new ArrayList<>();
    for (RestObservation r : requests) {
      if (r.ending() == RestObservation.Ending.ANSWERED
          && r.status() == 200
          && MARKET_DATA_ENDPOINTS.contains(r.endpoint())) {
        at.add(r.endedAtNanos());
      }
    }
    at.sort(null);
    long[] times = new long[at.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = at.get(i);
    }
    return new long[][] {times, new long[times.length]};
  }

  private static WireLog.Request request(RestObservation r, long answerWaitNanos) {
    WireLog.Outcome outcome =
        switch (r.ending()) {
          case ANSWERED -> WireLog.Outcome.ANSWERED;
          case DROPPED_BEFORE_EXECUTION -> WireLog.Outcome.LOST_BEFORE_SENDING;
          case LOST_AFTER_EXECUTION, BROKEN -> WireLog.Outcome.NO_ANSWER;
        };
    if (outcome == WireLog.Outcome.ANSWERED
        && (r.status() == 429 || r.status() == 418)
        && answerWaitNanos > 0
        && r.endedAtNanos() - r.arrivedAtNanos() > answerWaitNanos) {
      outcome = WireLog.Outcome.NO_ANSWER; // written after the bot stopped waiting for it
    }
    boolean answered = outcome == WireLog.Outcome.ANSWERED;
    boolean limited = answered && (r.status() == 429 || r.status() == 418);
    long retryAfterMs =
        limited && r.retryAfterSec() > 0
            ? Math.max(1, r.retryAfterSec() * 1_000 - IN_FLIGHT_NANOS / 1_000_000L)
            : 0;
    return new WireLog.Request(
        r.arrivedAtNanos(),
        r.endedAtNanos() + IN_FLIGHT_NANOS,
        r.endpoint(),
        outcome,
        answered ? r.status() : 0,
        answered ? r.code() : 0,
        retryAfterMs,
        r.clientOrderId(),
        r.side(),
        r.priceTicks());
  }
}
