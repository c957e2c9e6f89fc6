package io.mmbot.chaos.examples.judge;

import java.util.List;

/**
 * Market data: how long it took to come back after an abnormal WebSocket close, and ticks that
 * acted on data not fresh enough without raising WS_STALE. Each a pure function of the run's {@link
 * Evidence}, defined in {@code docs/suite.md} ("The checks, from outside"); the wire search they
 * share is {@link WireSearch}.
 */
public final class MarketDataChecks {

  private MarketDataChecks() {}

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
}
