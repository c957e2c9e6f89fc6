package io.mmbot.chaos.examples.bot;

import io.mmbot.chaos.examples.exchange.Exchange;
import io.mmbot.chaos.examples.exchange.WsConnection;
import io.mmbot.chaos.examples.exchange.WsListener;
import io.mmbot.chaos.exchange.OrderView;
import io.mmbot.chaos.metrics.ChaosMetrics;
import java.net.InetAddress;
import java.util.function.Consumer;

/**
 * The bot's WebSocket session: market data (best bid and ask), fills of its orders, keep-alive
 * pongs, and reconnects. With a {@link Backoff}, a lost connection is retried after a full-jitter
 * wait, never sooner than {@value #MIN_ATTEMPT_SPACING_MS} ms after the previous attempt (so the
 * exchange's attempt limit is never met) and on the other endpoint (primary or secondary host: the
 * one that dropped the connection may be failing over), and market data counts as live again only
 * once fresh data arrived on the new connection; a depth snapshot then resyncs the book. Without
 * one (the naive bot), it reconnects at once, as often as it is refused. Not thread-safe: runs on
 * the bot's thread.
 */
final class WsSession implements WsListener {

  static final long MIN_ATTEMPT_SPACING_MS = 300;

  private enum State {
    DOWN,
    CONNECTING,
    OPEN,
    LIVE
  }

  private final Exchange exchange;
  private final DnsFallback dns;
  private final ChaosMetrics metrics;
  private final Backoff backoff;
  private final Consumer<OrderView> fills;
  private final Options options;
  private State state = State.DOWN;
  private WsConnection connection;
  private long bid;
  private long ask;
  private long lastMessageNanos;
  private long lastAttemptNanos = Long.MIN_VALUE / 2;
  private boolean started;
  private boolean needsSnapshot;
  private long attempts;
  private long maxGapNanos;
  private boolean secondary;

  WsSession(
      Exchange exchange,
      DnsFallback dns,
      ChaosMetrics metrics,
      Backoff backoff,
      Consumer<OrderView> fills,
      Options options) {
    this.options = options;
    this.exchange = exchange;
    this.dns = dns;
    this.metrics = metrics;
    this.backoff = backoff;
    this.fills = fills;
  }

  /**
   * Which of the session's defences are on (all of them for the resilient bot).
   *
   * @param reconnectBackoff wait a full-jitter backoff between attempts, at least 300 ms apart
   * @param switchEndpoint reconnect to the other endpoint after an abnormal close or a refusal
   * @param snapshotResync fetch a depth snapshot after every (re)connect
   * @param liveAfterData market data counts as live only once fresh data arrived
   */
  record Options(
      boolean reconnectBackoff,
      boolean switchEndpoint,
      boolean snapshotResync,
      boolean liveAfterData) {

    static final Options ALL = new Options(true, true, true, true);

    static Options of(BotConfig cfg) {
      return new Options(
          cfg.has(ResilienceFeature.WS_RECONNECT_BACKOFF),
          cfg.has(ResilienceFeature.WS_SWITCH_ENDPOINT),
          cfg.has(ResilienceFeature.SNAPSHOT_RESYNC),
          cfg.has(ResilienceFeature.LIVE_AFTER_DATA));
    }
  }

  /** Opens the first connection. */
  void start() {
    connectNow();
  }

  /** Whether fresh market data is flowing on an open connection. */
  boolean live() {
    return state == State.LIVE;
  }

  /** Whether the connection is down or not yet live. */
  boolean down() {
    return state != State.LIVE;
  }

  /** Whether a depth snapshot should be fetched to resync after a reconnect. */
  boolean needsSnapshot() {
    return needsSnapshot;
  }

  /** A depth snapshot arrived: the book is resynced from it. */
  void snapshot(long snapshotBid, long snapshotAsk) {
    if (snapshotBid > 0 && snapshotAsk > 0) {
      bid = snapshotBid;
      ask = snapshotAsk;
      needsSnapshot = false;
    }
  }

  /** Whether a price is known. */
  boolean hasPrice() {
    return bid > 0 && ask > 0;
  }

  /** The mid price in ticks. */
  long mid() {
    return (bid + ask) / 2;
  }

  /** When the last market-data message arrived, bot nanoseconds. */
  long lastMessageNanos() {
    return lastMessageNanos;
  }

  /** The longest gap between market-data messages since the last call, ms; resets it. */
  double takeMaxGapMs() {
    double g = maxGapNanos / 1e6;
    maxGapNanos = 0;
    return g;
  }

  /** Connection attempts after the first. */
  long reconnectAttempts() {
    return attempts;
  }

  // ---------------------------------------------------------------- WsListener

  @Override
  public void onOpen(WsConnection c) {
    connection = c;
    state = backoff != null && !options.liveAfterData() ? State.LIVE : State.OPEN;
    needsSnapshot = backoff != null && options.snapshotResync();
  }

  @Override
  public void onRefused(String reason) {
    state = State.DOWN;
    if (backoff != null && options.switchEndpoint()) {
      secondary = !secondary; // refused (failing over or locked out): try the other endpoint
    }
    scheduleReconnect();
  }

  @Override
  public void onBookTicker(long b, long a, long eventTimeMs, long sequence) {
    long now = exchange.nanoTime();
    if (lastMessageNanos != 0 && state == State.LIVE) {
      long gap = now - lastMessageNanos;
      metrics.recordWsGapMs(gap / 1e6);
      maxGapNanos = Math.max(maxGapNanos, gap);
    }
    lastMessageNanos = now;
    bid = b;
    ask = a;
    if (state == State.OPEN) {
      state = State.LIVE;
      if (backoff != null) {
        backoff.reset();
      }
    }
  }

  @Override
  public void onExecution(OrderView filled) {
    fills.accept(filled);
  }

  @Override
  public void onPing() {
    if (connection != null) {
      connection.pong();
    }
  }

  @Override
  public void onClosed(boolean abnormal, String reason) {
    connection = null;
    state = State.DOWN;
    if (abnormal && backoff != null && options.switchEndpoint()) {
      secondary = !secondary; // the endpoint that dropped us may be failing over: use the other
    }
    scheduleReconnect();
  }

  // ---------------------------------------------------------------- internals

  private void scheduleReconnect() {
    long now = exchange.nanoTime();
    if (backoff == null || !options.reconnectBackoff()) {
      exchange.timer(now + 1_000_000L, this::connectNow);
      return;
    }
    long at = now + backoff.next(0);
    at = Math.max(at, lastAttemptNanos + MIN_ATTEMPT_SPACING_MS * 1_000_000L);
    exchange.timer(at, this::connectNow);
  }

  private void connectNow() {
    if (state == State.CONNECTING || state == State.OPEN || state == State.LIVE) {
      return;
    }
    if (started) {
      attempts++;
      metrics.recordReconnectAttempt("ws");
    }
    started = true;
    lastAttemptNanos = exchange.nanoTime();
    InetAddress a = secondary ? dns.resolveSecondary() : dns.resolve();
    if (a == null) {
      scheduleReconnect();
      return;
    }
    state = State.CONNECTING;
    exchange.connect(a, this);
  }
}
