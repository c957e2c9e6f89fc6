package io.mmbot.chaos.examples.bot;

import io.mmbot.chaos.examples.exchange.DepthDiff;
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
 * once fresh data arrived on the new connection. With a backoff, a stream that carries depth diffs
 * keeps a local book ({@link BookSync}) and prices come from that book while it is in step: after
 * every (re)connect the book waits for a depth snapshot and no price is given until it is in step;
 * after a gap in the diffs' update ids (a lost message) it waits for a snapshot as well (no sooner
 * than {@value #GAP_RESYNC_SPACING_MS} ms after the previous request, to stay far below the request
 * weight limit when messages are lost often), and meanwhile the book ticker of the same connection,
 * which carries the whole top of book in every message, gives the price. Without a backoff (the
 * naive bot) prices come from the book ticker, and it reconnects at once, as often as it is
 * refused. Not thread-safe: runs on the bot's thread.
 */
final class WsSession implements WsListener {

  static final long MIN_ATTEMPT_SPACING_MS = 300;

  static final long GAP_RESYNC_SPACING_MS = 3_000;

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
  private final BookSync sync;
  private boolean depthStream;
  private long lastSnapshotRequestNanos = Long.MIN_VALUE / 2;
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
    this.sync = new BookSync(options.snapshotResync());
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

  /**
   * Whether a depth snapshot should be fetched now: after a reconnect, or, on a stream of depth
   * diffs, when the local book is not in step (after a gap, spaced out); the caller sends it.
   */
  boolean needsSnapshot() {
    if (depthStream && backoff != null) {
      long now = exchange.nanoTime();
      boolean due =
          sync.awaitingAfterConnect()
              || now - lastSnapshotRequestNanos >= GAP_RESYNC_SPACING_MS * 1_000_000L;
      return sync.wantsSnapshot() && due;
    }
    return needsSnapshot;
  }

  /** A depth snapshot is being requested now. */
  void snapshotRequested() {
    lastSnapshotRequestNanos = exchange.nanoTime();
  }

  /**
   * A depth snapshot arrived, answered at server time {@code serverMs}: the book is resynced from
   * it.
   */
  void snapshot(long snapshotBid, long snapshotAsk, long serverMs) {
    if (snapshotBid > 0 && snapshotAsk > 0) {
      sync.snapshot(snapshotBid, snapshotAsk, serverMs);
      bid = snapshotBid;
      ask = snapshotAsk;
      needsSnapshot = false;
    }
  }

  /**
   * Whether a price is known. On a stream of depth diffs: the local book is in step, or it is out
   * of step after a gap (not a new connection) and the book ticker of this connection gives the top
   * of book until the snapshot comes.
   */
  boolean hasPrice() {
    if (bookPriced()) {
      LocalBook b = sync.book();
      return b.bestBid() > 0 && b.bestAsk() > 0;
    }
    return !(depthStream && sync.awaitingAfterConnect()) && bid > 0 && ask > 0;
  }

  /** The mid price in ticks: from the local book while it is in step, else the book ticker. */
  long mid() {
    if (bookPriced()) {
      LocalBook b = sync.book();
      return (b.bestBid() + b.bestAsk()) / 2;
    }
    return (bid + ask) / 2;
  }

  private boolean bookPriced() {
    return depthStream && sync.synced();
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
    sync.connected();
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
  public void onDepthDiff(DepthDiff diff) {
    if (backoff == null) {
      return; // the naive bot prices from the book ticker
    }
    depthStream = true;
    sync.diff(diff);
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
