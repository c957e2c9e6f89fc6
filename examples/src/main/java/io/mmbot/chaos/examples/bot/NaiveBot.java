package io.mmbot.chaos.examples.bot;

import io.mmbot.chaos.examples.exchange.ConnectorChaos;
import io.mmbot.chaos.examples.exchange.Exchange;
import io.mmbot.chaos.exchange.Endpoint;
import io.mmbot.chaos.exchange.ExchangeRules;
import io.mmbot.chaos.exchange.OrderView;
import io.mmbot.chaos.exchange.RestCall;
import io.mmbot.chaos.exchange.Side;
import io.mmbot.chaos.metrics.ChaosMetrics;
import io.mmbot.chaos.reconcile.OrderViewChaos;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The naive market maker, the suite's negative control: the same quoting on the same hooks, but
 * none of the defences. It waits for answers as long as a plain HTTP client does ({@link
 * BotConfig#naiveTimeoutMs()}), retries every failed request at once (up to {@value #ROUNDS} rounds
 * per tick, ignoring {@code Retry-After}), re-places an order whose outcome is unknown under a new
 * client order id, reconnects the WebSocket at once, has no guards, no clock correction and no DNS
 * fallback, and takes the exchange's open-orders view as the truth instead of reconciling it.
 */
public final class NaiveBot extends Bot {

  /** Send rounds per tick: the first and up to four immediate retries. */
  public static final int ROUNDS = 5;

  private static final long MS = 1_000_000L;

  private final ChaosMetrics metrics;
  private final GuardMetrics guardMetrics;
  private final Clock clock;
  private final DnsFallback dns;
  private final WsSession ws;
  private final OrderViewChaos<OrderView> view;
  private final Map<String, OrderView> orders = new LinkedHashMap<>();
  private final Map<String, Integer> attempts = new LinkedHashMap<>();
  private final List<RestCall> batch = new ArrayList<>();
  private final List<RestCall> retry = new ArrayList<>();
  private final List<OrderView> knownAtStart = new ArrayList<>();
  private final java.util.Set<String> cancelling = new java.util.HashSet<>();
  private final java.util.Set<String> filled = new java.util.LinkedHashSet<>();

  /**
   * A naive bot on {@code exchange}, with its clock, resolver and order view wired by {@code
   * chaos}.
   */
  public NaiveBot(Exchange exchange, BotConfig cfg, ConnectorChaos chaos, ChaosMetrics metrics) {
    this(exchange, cfg, chaos, metrics, 0);
  }

  /** The same bot in the {@code start}-th start of its process (0 for the first). */
  public NaiveBot(
      Exchange exchange, BotConfig cfg, ConnectorChaos chaos, ChaosMetrics metrics, int start) {
    super(exchange, cfg, start);
    this.metrics = metrics;
    this.guardMetrics = new GuardMetrics(metrics.registry()); // no guards: every gauge stays 0
    this.clock = chaos.clock(exchange.clock());
    this.dns =
        new DnsFallback(
            chaos.dns(exchange.resolver()),
            exchange.primaryHost(),
            exchange.secondaryHost(),
            false);
    this.ws = new WsSession(exchange, dns, metrics, null, this::filled, WsSession.Options.ALL);
    this.view = chaos.orderView(ID_PREFIX);
  }

  @Override
  protected void start() {
    ws.start();
  }

  @Override
  public String kind() {
    return "naive";
  }

  @Override
  public boolean knows(String clientOrderId) {
    return orders.containsKey(clientOrderId);
  }

  @Override
  public void close() {
    guardMetrics.close();
  }

  @Override
  public int guardsSeen() {
    return 0;
  }

  @Override
  protected void tick(TickReport r) {
    r.wsLive = ws.live();
    r.wsMaxGapMs = ws.takeMaxGapMs();
    knownAtStart.clear();
    knownAtStart.addAll(orders.values());
    cancelling.clear();
    batch.clear();
    batch.add(RestCall.of(Endpoint.OPEN_ORDERS));
    if (ws.hasPrice()) {
      r.quoting = true;
      quote(Side.BUY, r);
      quote(Side.SELL, r);
    }
    for (int round = 0; round < ROUNDS && !batch.isEmpty(); round++) {
      long ts = clock.millis();
      for (RestCall c : batch) {
        if (c.endpoint().signed()) {
          c.signed(ts, ExchangeRules.DEFAULT_RECV_WINDOW_MS);
        }
        c.address(dns.resolve());
      }
      r.requests += batch.size();
      if (round > 0) {
        r.retries += batch.size();
      }
      exchange.execute(batch, exchange.nanoTime() + cfg.naiveTimeoutMs() * MS);
      retry.clear();
      boolean anyOk = false;
      boolean anyFailed = false;
      for (RestCall c : batch) {
        if (c.ok()) {
          anyOk = true;
        } else {
          anyFailed = true;
          r.failures++;
          if (c.failure() == RestCall.Failure.DNS) {
            r.dnsFailures++;
          }
          if (c.httpStatus() == 418) {
            r.bans418++;
          }
        }
        digest(c);
      }
      metrics.recordOperation(anyOk && anyFailed);
      batch.clear();
      batch.addAll(retry);
    }
  }

  @Override
  protected void afterTick(TickReport r) {
    metrics.recordTick(r.durationNanos / 1e6, r.deadlineMissed);
  }

  private void quote(Side side, TickReport r) {
    long mid = ws.mid();
    long target = side == Side.BUY ? mid - cfg.halfSpreadTicks() : mid + cfg.halfSpreadTicks();
    target = target / 10 * 10;
    OrderView current = null;
    for (OrderView o : orders.values()) {
      if (o.side() == side) {
        current = o;
      }
    }
    if (current != null && Math.abs(current.priceTicks() - target) <= cfg.requoteTicks()) {
      return;
    }
    if (current != null) {
      cancelling.add(current.clientOrderId());
      batch.add(RestCall.byId(Endpoint.CANCEL_ORDER, current.clientOrderId()));
      r.cancels++;
    }
    String intent = newIntent(side == Side.BUY ? 'B' : 'S');
    String id = attemptId(intent, 0);
    attempts.put(intent, 0);
    batch.add(RestCall.place(id, side, target, cfg.qty()));
    r.places++;
  }

  private void filled(OrderView f) {
    orders.remove(f.clientOrderId());
    filled.add(f.clientOrderId());
    if (filled.size() > 64) {
      filled.remove(filled.iterator().next());
    }
  }

  private void digest(RestCall c) {
    switch (c.endpoint()) {
      case OPEN_ORDERS:
        if (c.ok()) {
          // Trust the view as it comes: whatever it has is ours; an order we had that it lacks
          // is re-placed at once under a new client order id.
          List<OrderView> seen = view.view(c.orders()).orders();
          java.util.Set<String> ids = new java.util.HashSet<>();
          for (OrderView o : seen) {
            ids.add(o.clientOrderId());
          }
          for (OrderView o : knownAtStart) {
            if (!ids.contains(o.clientOrderId())
                && !cancelling.contains(o.clientOrderId())
                && orders.containsKey(o.clientOrderId())) {
              String intent = intentOf(o.clientOrderId());
              int attempt = attempts.merge(intent, 1, Integer::sum);
              retry.add(
                  RestCall.place(attemptId(intent, attempt), o.side(), o.priceTicks(), o.qty()));
            }
          }
          orders.clear();
          for (OrderView o : seen) {
            if (!filled.contains(o.clientOrderId())) {
              orders.put(o.clientOrderId(), o);
            }
          }
        }
        break;
      case PLACE_ORDER:
        if (c.ok()) {
          if (!filled.contains(c.clientOrderId())) {
            orders.put(c.clientOrderId(), c.order());
          }
        } else if (c.failure() != RestCall.Failure.NONE || c.httpStatus() >= 429) {
          // Blind re-place under a new client order id, whatever happened to the first one.
          String intent = intentOf(c.clientOrderId());
          int attempt = attempts.merge(intent, 1, Integer::sum);
          retry.add(RestCall.place(attemptId(intent, attempt), c.side(), c.priceTicks(), c.qty()));
        }
        break;
      case CANCEL_ORDER:
        if (c.ok() || c.errorCode() == ExchangeRules.ERR_CANCEL_UNKNOWN) {
          orders.remove(c.clientOrderId());
        } else if (c.failure() != RestCall.Failure.NONE || c.httpStatus() >= 429) {
          retry.add(RestCall.byId(Endpoint.CANCEL_ORDER, c.clientOrderId()));
        }
        break;
      default:
        break;
    }
  }
}
