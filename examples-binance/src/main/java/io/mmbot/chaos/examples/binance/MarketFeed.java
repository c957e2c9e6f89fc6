package io.mmbot.chaos.examples.binance;

import com.binance.connector.client.impl.WebSocketStreamClientImpl;
import com.binance.connector.client.utils.websocketcallback.WebSocketClosingCallback;
import com.binance.connector.client.utils.websocketcallback.WebSocketOpenCallback;
import io.mmbot.chaos.metrics.ChaosMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.json.JSONObject;

/**
 * The best bid and ask from the connector's {@code <symbol>@bookTicker} stream, in the resilient
 * build combined with the user data stream on one connection ({@link UserStream}). When the stream
 * fails or closes, the resilient build reconnects after a full-jitter backoff (100 ms doubling to 2
 * s, reset by the first message) and asks the tick for a REST snapshot (resync); the naive build
 * reconnects at once. Every reconnect counts {@code mm_reconnect_attempts_total{kind="ws"}}; every
 * message's gap since the previous one goes to {@code mm_ws_gap_ms}. Thread-safe: the connector's
 * threads write, the tick thread reads.
 */
final class MarketFeed implements AutoCloseable {

  private final WebSocketStreamClientImpl ws;
  private final String stream;
  private final boolean naive;
  private final ChaosMetrics metrics;
  private final ScheduledExecutorService scheduler;
  private final LongSupplier nanoClock;
  private final Backoff backoff;
  private volatile double bid = Double.NaN;
  private volatile double ask = Double.NaN;
  private volatile long lastMessage;
  private volatile boolean resync;
  private volatile boolean awaitingData;
  private int connection = -1;
  private boolean closed;
  private String listenKey;
  private UserStream users;

  MarketFeed(
      String wsBase,
      String symbol,
      boolean naive,
      ChaosMetrics metrics,
      ScheduledExecutorService scheduler,
      LongSupplier nanoClock,
      Random random) {
    this.ws = new WebSocketStreamClientImpl(wsBase);
    this.stream = symbol.toLowerCase(java.util.Locale.ROOT);
    this.naive = naive;
    this.metrics = metrics;
    this.scheduler = scheduler;
    this.nanoClock = nanoClock;
    this.backoff = new Backoff(100, 2_000, nanoClock, random);
    this.lastMessage = nanoClock.getAsLong();
  }

  /**
   * Adds the user data stream on {@code listenKey} to the connection (before {@link #start()}): one
   * combined stream then carries market data and execution reports, which go to {@code users}.
   */
  synchronized void withUserStream(String listenKey, UserStream users) {
    this.listenKey = listenKey;
    this.users = users;
  }

  /** Opens the stream: the book ticker alone, or combined with the user data stream. */
  synchronized void start() {
    if (closed) {
      return;
    }
    int[] mine = new int[1];
    WebSocketOpenCallback onOpen = open -> {};
    WebSocketClosingCallback onClosing = (code, reason) -> {};
    if (listenKey == null) {
      mine[0] =
          ws.bookTicker(
              stream,
              onOpen,
              this::onMessage,
              onClosing,
              (code, reason) -> dropped(mine),
              (t, response) -> dropped(mine));
    } else {
      mine[0] =
          ws.combineStreams(
              new ArrayList<>(List.of(stream + "@bookTicker", listenKey)),
              onOpen,
              this::onMessage,
              onClosing,
              (code, reason) -> dropped(mine),
              (t, response) -> dropped(mine));
    }
    connection = mine[0];
  }

  /** One message: a book ticker, or (combined) {@code {"stream":…,"data":…}}. */
  void onMessage(String text) {
    try {
      JSONObject m = new JSONObject(text);
      if (m.has("data") && m.has("stream")) {
        m = m.getJSONObject("data");
        if (m.has("e")) {
          if (users != null) {
            users.onEvent(m);
          }
          return;
        }
      }
      double b = Double.parseDouble(m.getString("b"));
      double a = Double.parseDouble(m.getString("a"));
      long now = nanoClock.getAsLong();
      metrics.recordWsGapMs((now - lastMessage) / 1e6);
      bid = b;
      ask = a;
      lastMessage = now;
      awaitingData = false;
      synchronized (this) {
        backoff.succeeded();
      }
    } catch (RuntimeException e) {
      // A message the bot cannot read is skipped; staleness catches a feed that sends only those.
    }
  }

  /** Reads the connection's id under the lock: a failure can come before {@code start} returns. */
  private synchronized void dropped(int[] which) {
    if (closed || which[0] != connection) {
      return;
    }
    connection = -1;
    metrics.recordReconnectAttempt("ws");
    resync = true;
    awaitingData = true;
    long delayNanos = naive ? 0 : backoff.failed();
    scheduler.schedule(this::start, delayNanos, TimeUnit.NANOSECONDS);
  }

  /** The mid price, or NaN before the first message. */
  double mid() {
    return (bid + ask) / 2;
  }

  /** Milliseconds since the last message (or since start, before the first). */
  long ageMs() {
    return (nanoClock.getAsLong() - lastMessage) / 1_000_000L;
  }

  /** Whether a reconnect happened since the last call (the tick then fetches a snapshot). */
  boolean takeResync() {
    boolean r = resync;
    resync = false;
    return r;
  }

  /**
   * Whether the stream broke and no market data has come since, or a resync is still to be done:
   * the market view may have missed updates (the resilient build raises {@code WS_STALE}).
   */
  boolean gapPending() {
    return resync || awaitingData;
  }

  /** A price from a REST snapshot, used until the stream speaks again. */
  void snapshot(double b, double a) {
    bid = b;
    ask = a;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (connection >= 0) {
      try {
        ws.closeConnection(connection);
      } catch (RuntimeException ignored) {
        // closing a stream that already failed
      }
      connection = -1;
    }
  }
}
