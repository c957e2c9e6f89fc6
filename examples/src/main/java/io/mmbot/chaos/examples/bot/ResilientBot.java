package io.mmbot.chaos.examples.bot;

import static io.mmbot.chaos.examples.bot.GuardReason.RATE_LIMITED;

import io.mmbot.chaos.examples.exchange.ConnectorChaos;
import io.mmbot.chaos.examples.exchange.Exchange;
import io.mmbot.chaos.exchange.Endpoint;
import io.mmbot.chaos.exchange.ExchangeRules;
import io.mmbot.chaos.exchange.OrderView;
import io.mmbot.chaos.exchange.RestCall;
import io.mmbot.chaos.exchange.Side;
import io.mmbot.chaos.metrics.ChaosMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The resilient market maker. Every tick: evaluate the guards; unless rate-limited, send at most
 * {@value #MAX_IN_FLIGHT} requests at once, in this priority: the open-orders reconcile (every
 * tick), queries by client order id of every order whose state is unknown or disputed, the account
 * refresh when due, the depth snapshot its local book needs (after a (re)connect or a gap in the
 * depth diffs' update ids), then — only when no guard is raised and, after a (re)connect, the book
 * is in step again — cancels (rate-limited) and places (retry budget) that move the quotes to mid ±
 * spread (the local book's mid; the book ticker's while a snapshot after a gap is awaited); wait
 * for the answers at most {@link BotConfig#giveUpMs()} after the tick started; digest them. A new
 * start of the process places nothing before its first open-orders answer, and adopts the own
 * orders an earlier start left open.
 *
 * <p>Unknown outcomes: a place or cancel that timed out or got a 5xx is never repeated blindly; the
 * order is queried by its client order id first (and re-placed only if the exchange never had it),
 * so no order is duplicated and none is left untracked. Reconcile compares the exchange's view with
 * the bot's (timing-aware: orders placed or closed after the view was taken are not disputes) and
 * queries every disagreement.
 *
 * <p>Wired to mm-chaos as a user's connector is, through {@link ConnectorChaos}: its chaos clock on
 * the machine clock, its chaos resolver behind a {@link DnsFallback}, {@link Reconciler} on its
 * order view; and {@link ChaosMetrics} for ticks, reconnects, WebSocket gaps, discrepancies and
 * partial failures.
 */
public final class ResilientBot extends Bot {

  /** Requests in flight at once (a connection pool of three). */
  public static final int MAX_IN_FLIGHT = 3;

  private static final long MS = 1_000_000L;

  private final ChaosMetrics metrics;
  private final GuardMetrics guardMetrics;
  private final int pausing;
  private final int inFlight;
  private final Clock clock;
  private final DnsFallback dns;
  private final WsSession ws;
  private final SkewGuard skew;
  private final Reconciler reconciler;
  private final Map<String, TrackedOrder> orders = new LinkedHashMap<>();
  private final Set<String> toQuery = new LinkedHashSet<>();
  private final TokenBucket cancelLimit;
  private final TokenBucket retryBudget;
  private final ExchangeWaits waits;
  private final GuardState guards;
  private final List<RestCall> batch = new ArrayList<>(MAX_IN_FLIGHT);
  private final boolean[] lastPlaceFailed = new boolean[2];
  private final UsedWeight usedWeight = new UsedWeight();
  private long nextAccountAt;
  private int guardsSeen;
  private boolean reconciledSinceStart;

  /**
   * A resilient bot on {@code exchange}, with its clock, resolver and order view wired to chaos by
   * {@code chaos}, and its random choices (jitter) from {@code seed}.
   */
  public ResilientBot(
      Exchange exchange, BotConfig cfg, ConnectorChaos chaos, ChaosMetrics metrics, long seed) {
    this(exchange, cfg, chaos, metrics, seed, 0);
  }

  /**
   * The same bot in the {@code start}-th start of its process (0 for the first): it begins with
   * nothing tracked, and its client order ids and jitter differ from every earlier start's.
   */
  public ResilientBot(
      Exchange exchange,
      BotConfig cfg,
      ConnectorChaos chaos,
      ChaosMetrics metrics,
      long seed,
      int start) {
    super(exchange, cfg, start);
    SplittableRandom random =
        new SplittableRandom(seed ^ 0x5DEECE66DL ^ (start * 0x9E3779B97F4A7C15L));
    this.metrics = metrics;
    this.guardMetrics = new GuardMetrics(metrics.registry());
    this.pausing = GuardState.pausing(cfg);
    this.inFlight = cfg.has(ResilienceFeature.IN_FLIGHT_CAP) ? MAX_IN_FLIGHT : 3 * MAX_IN_FLIGHT;
    this.clock = chaos.clock(exchange.clock());
    this.dns =
        new DnsFallback(
            chaos.dns(exchange.resolver()),
            exchange.primaryHost(),
            exchange.secondaryHost(),
            cfg.has(ResilienceFeature.DNS_FALLBACK));
    this.ws =
        new WsSession(
            exchange,
            dns,
            metrics,
            // Waits of at most 400 ms: after a fail-over the first attempt may meet the endpoint
            // still failing, and the one after it must still bring data within three ticks.
            new Backoff(0, 100, 400, random.split()),
            this::filled,
            WsSession.Options.of(cfg));
    this.skew = new SkewGuard(cfg.skewToleranceMs());
    this.reconciler =
        new Reconciler(
            chaos.orderView(ID_PREFIX),
            metrics,
            orders,
            toQuery,
            cfg.has(ResilienceFeature.ADOPT_UNTRACKED));
    long now = exchange.nanoTime();
    this.cancelLimit = new TokenBucket(cfg.cancelsPerSecond(), cfg.cancelsPerSecond(), now);
    this.retryBudget = new TokenBucket(cfg.retriesPerSecond(), 2 * cfg.retriesPerSecond(), now);
    Backoff failedTick = new Backoff(0, 250, 4_000, random.split());
    this.waits = new ExchangeWaits(cfg, failedTick, new Backoff(0, 50, 250, random.split()));
    this.guards = new GuardState(cfg, ws, skew, clock, usedWeight, waits, toQuery, orders, dns);
    this.nextAccountAt = now; // at start-up, then every accountEverySec
  }

  @Override
  public void close() {
    guardMetrics.close();
  }

  @Override
  protected void start() {
    ws.start();
  }

  @Override
  public String kind() {
    return "resilient";
  }

  @Override
  public boolean knows(String clientOrderId) {
    return orders.containsKey(clientOrderId) || toQuery.contains(clientOrderId);
  }

  @Override
  public int guardsSeen() {
    return guardsSeen;
  }

  /** Reconnect attempts of the WebSocket so far. */
  public long wsReconnectAttempts() {
    return ws.reconnectAttempts();
  }

  /** The largest clock offset estimated, ms. */
  public long maxSkewMs() {
    return skew.maxAbsOffsetMs();
  }

  @Override
  public int maxResolveTicks() {
    return reconciler.maxResolveTicks();
  }

  @Override
  protected void tick(TickReport r) {
    reconciler.tick();
    long now = exchange.nanoTime();
    int g = guards.raised(now);
    guardsSeen |= g;
    guardMetrics.update(g);
    r.guards = g;
    r.wsLive = ws.live();
    r.wsMaxGapMs = ws.takeMaxGapMs();
    if ((g & RATE_LIMITED.bit()) != 0 || waits.backingOff(now)) {
      return; // honour Retry-After and the backoff: send nothing at all
    }
    batch.clear();
    if (cfg.has(ResilienceFeature.RECONCILE_OPEN_ORDERS)) {
      batch.add(RestCall.of(Endpoint.OPEN_ORDERS));
    }
    for (TrackedOrder o : orders.values()) {
      if (o.pending() && batch.size() < inFlight) {
        batch.add(RestCall.byId(Endpoint.QUERY_ORDER, o.id));
      }
    }
    for (String id : toQuery) {
      if (batch.size() < inFlight && !orders.containsKey(id)) {
        batch.add(RestCall.byId(Endpoint.QUERY_ORDER, id));
      }
    }
    boolean account = now >= nextAccountAt && batch.size() < inFlight;
    if (account) {
      batch.add(RestCall.of(Endpoint.ACCOUNT));
      nextAccountAt += cfg.accountEverySec() * 1_000 * MS;
    }
    if (batch.size() < inFlight && ws.needsSnapshot()) {
      ws.snapshotRequested();
      batch.add(RestCall.of(Endpoint.DEPTH_SNAPSHOT));
    }
    if ((g & pausing) == 0 && ws.hasPrice() && knowsWhatIsOpen()) {
      r.quoting = true;
      quote(Side.BUY, now, r);
      quote(Side.SELL, now, r);
    }
    long localMs = clock.millis();
    long ts = localMs + (cfg.has(ResilienceFeature.CLOCK_CORRECTION) ? skew.correctionMs() : 0);
    for (int i = 0; i < batch.size(); i++) {
      RestCall c = batch.get(i);
      if (c.endpoint().signed()) {
        c.signed(ts, ExchangeRules.DEFAULT_RECV_WINDOW_MS);
      }
      c.address(dns.resolve());
    }
    r.requests = batch.size();
    long waitMs =
        !cfg.has(ResilienceFeature.GIVE_UP_BEFORE_DEADLINE)
            ? cfg.naiveTimeoutMs()
            : account ? cfg.accountGiveUpMs() : cfg.giveUpMs();
    long giveUp = r.startNanos + waitMs * MS;
    exchange.execute(batch, giveUp);
    digest(r, localMs);
  }

  @Override
  protected void afterTick(TickReport r) {
    metrics.recordTick(r.durationNanos / 1e6, r.deadlineMissed);
  }

  // ---------------------------------------------------------------- quoting

  private void quote(Side side, long now, TickReport r) {
    long mid = ws.mid();
    long target = side == Side.BUY ? mid - cfg.halfSpreadTicks() : mid + cfg.halfSpreadTicks();
    target = target / 10 * 10;
    TrackedOrder current = null;
    for (TrackedOrder o : orders.values()) {
      if (o.side == side) {
        if (o.pending() && cfg.has(ResilienceFeature.HOLD_PENDING_SIDE)) {
          return; // unknown or disputed: learn the truth before touching this side
        }
        current = o;
      }
    }
    for (TrackedOrder o : orders.values()) {
      if (batch.size() >= inFlight) {
        return;
      }
      if (o.side == side
          && !o.pending()
          && (o != current || far(o, target))
          && (!cfg.has(ResilienceFeature.CANCEL_RATE_LIMIT) || cancelLimit.tryTake(now))) {
        batch.add(RestCall.byId(Endpoint.CANCEL_ORDER, o.id));
        r.cancels++;
      }
    }
    boolean needNew = current == null || far(current, target);
    boolean atLimit =
        cfg.has(ResilienceFeature.OWN_ORDER_LIMIT) && orders.size() >= cfg.maxOpenOrders();
    if (!needNew || batch.size() >= inFlight || atLimit) {
      return;
    }
    int s = side.ordinal();
    if (lastPlaceFailed[s]) {
      if (cfg.has(ResilienceFeature.RETRY_BUDGET) && !retryBudget.tryTake(now)) {
        return;
      }
      r.retries++;
    }
    String id = attemptId(newIntent(side == Side.BUY ? 'B' : 'S'), 0);
    orders.put(id, new TrackedOrder(id, side, target, cfg.qty(), TrackedOrder.State.UNKNOWN, 0));
    batch.add(RestCall.place(id, side, target, cfg.qty()));
    r.places++;
  }

  /**
   * Whether this start of the process may quote: only once it has reconciled the exchange's open
   * orders, so that orders an earlier start left open are found (and adopted) before anything is
   * placed beside them. Without the open-orders reconcile, or without adoption, there is nothing to
   * wait for.
   */
  private boolean knowsWhatIsOpen() {
    return reconciledSinceStart
        || !cfg.has(ResilienceFeature.RECONCILE_OPEN_ORDERS)
        || !cfg.has(ResilienceFeature.ADOPT_UNTRACKED);
  }

  private boolean far(TrackedOrder o, long target) {
    return Math.abs(o.priceTicks - target) > cfg.requoteTicks();
  }

  // ---------------------------------------------------------------- answers

  /**
   * Takes in the answers of the tick's batch: counts, timing, waits, and each call's own effect.
   */
  private void digest(TickReport r, long localSendMs) {
    long now = exchange.nanoTime();
    boolean anyOk = false;
    boolean anyFailed = false;
    RestCall best = null;
    for (int i = 0; i < batch.size(); i++) {
      RestCall c = batch.get(i);
      if (r.countFailure(c)) {
        anyFailed = true;
      } else {
        anyOk = true;
      }
      best = readServerTime(c, best);
      waits.answered(c, now);
      if (c.errorCode() == ExchangeRules.ERR_TIMESTAMP) {
        skew.rejected();
      }
      route(c);
    }
    if (best != null) {
      skew.sample(best.serverTimeMs(), localSendMs, best.doneAtNanos() - best.sentAtNanos());
    }
    metrics.recordOperation(anyOk && anyFailed);
    waits.batchDone(anyOk, anyFailed, now);
    reconciler.expire(now);
  }

  /**
   * Reads the server's time and used weight from an answer that states them; returns the answer
   * with the shortest round trip so far ({@code best} or {@code c}), the one the skew is sampled
   * on.
   */
  private RestCall readServerTime(RestCall c, RestCall best) {
    if (c.failure() != RestCall.Failure.NONE || c.serverTimeMs() <= 0) {
      return best;
    }
    if (c.usedWeight() > 0) {
      usedWeight.report(c.usedWeight(), c.serverTimeMs());
    }
    boolean faster =
        best == null || c.doneAtNanos() - c.sentAtNanos() < best.doneAtNanos() - best.sentAtNanos();
    return faster ? c : best;
  }

  /** What an answer means for the orders, the reconcile or the book. */
  private void route(RestCall c) {
    switch (c.endpoint()) {
      case PLACE_ORDER:
        placed(c);
        break;
      case CANCEL_ORDER:
        cancelled(c);
        break;
      case QUERY_ORDER:
        reconciler.queried(c);
        break;
      case OPEN_ORDERS:
        if (c.ok()) {
          reconciler.reconcile(c.orders(), c.serverTimeMs());
          reconciledSinceStart = true;
        }
        break;
      case DEPTH_SNAPSHOT:
        if (c.ok()) {
          ws.snapshot(c.bidTicks(), c.askTicks(), c.serverTimeMs());
        }
        break;
      default:
        break;
    }
  }

  private void placed(RestCall c) {
    TrackedOrder t = orders.get(c.clientOrderId());
    if (t == null) {
      return;
    }
    int s = t.side.ordinal();
    if (c.ok()) {
      t.state = TrackedOrder.State.LIVE;
      t.ackServerMs = c.serverTimeMs();
      lastPlaceFailed[s] = false;
    } else if (c.outcomeUnknown() && cfg.has(ResilienceFeature.QUERY_UNKNOWN_PLACE)) {
      t.state = TrackedOrder.State.UNKNOWN; // query by client order id next tick
    } else if (c.errorCode() == ExchangeRules.ERR_REJECTED
        && cfg.has(ResilienceFeature.VERIFY_REJECTED_PLACE)) {
      t.state = TrackedOrder.State.VERIFY; // the id may be open already: find out
    } else {
      orders.remove(t.id); // known not placed: 429, 418, lost connection, lookup, -1021
      lastPlaceFailed[s] = true;
    }
  }

  private void cancelled(RestCall c) {
    TrackedOrder t = orders.get(c.clientOrderId());
    if (t == null) {
      return;
    }
    boolean assumeDone = c.outcomeUnknown() && !cfg.has(ResilienceFeature.QUERY_UNKNOWN_CANCEL);
    if (c.ok() || c.errorCode() == ExchangeRules.ERR_CANCEL_UNKNOWN || assumeDone) {
      orders.remove(t.id); // cancelled, or not open any more (filled): either way gone
      reconciler.closed(t.id, c.serverTimeMs());
    } else if (c.outcomeUnknown()) {
      t.state = TrackedOrder.State.CANCEL_UNKNOWN;
    }
  }

  private void filled(OrderView fill) {
    if (orders.remove(fill.clientOrderId()) != null) {
      reconciler.closed(fill.clientOrderId(), fill.updateTimeMs());
    }
  }
}
