package io.mmbot.chaos.examples.bot;

import io.mmbot.chaos.MismatchType;
import io.mmbot.chaos.exchange.ExchangeRules;
import io.mmbot.chaos.exchange.OrderStatus;
import io.mmbot.chaos.exchange.OrderView;
import io.mmbot.chaos.exchange.RestCall;
import io.mmbot.chaos.metrics.ChaosMetrics;
import io.mmbot.chaos.reconcile.OrderViewChaos;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resilient bot's reconcile: compares the exchange's view of open orders (through {@link
 * OrderViewChaos}, where RECONCILE_MISMATCH strikes) with the orders the bot tracks, and turns
 * every disagreement into a query by client order id on the next tick. It is timing-aware: an order
 * acknowledged, filled or cancelled after the exchange took its view is not a disagreement.
 * Disagreements are counted in {@code mm_reconcile_discrepancies_total{type}}.
 */
final class Reconciler {

  private static final long CLOSED_MEMORY_NANOS = 30_000_000_000L;

  private final OrderViewChaos<OrderView> view;
  private final ChaosMetrics metrics;
  private final Map<String, TrackedOrder> orders;
  private final Set<String> toQuery;
  private final boolean adopt;
  private final Map<String, Long> closedAtMs = new HashMap<>();
  private final Set<String> inView = new HashSet<>();
  private final Map<String, Integer> foundAt = new HashMap<>();
  private int tick;
  private int maxResolve;
  private long lastExpire;
  private long discrepancies;

  Reconciler(
      OrderViewChaos<OrderView> view,
      ChaosMetrics metrics,
      Map<String, TrackedOrder> orders,
      Set<String> toQuery,
      boolean adopt) {
    this.adopt = adopt;
    this.metrics = metrics;
    this.orders = orders;
    this.toQuery = toQuery;
    this.view = view;
  }

  /** A new tick starts. */
  void tick() {
    tick++;
  }

  /** The most ticks a discrepancy took to resolve. */
  int maxResolveTicks() {
    return maxResolve;
  }

  /** Discrepancies found so far. */
  long discrepancies() {
    return discrepancies;
  }

  /** The bot learnt that an order closed at {@code serverMs} (fill, cancel). */
  void closed(String id, long serverMs) {
    closedAtMs.put(id, serverMs);
  }

  /** Compares the exchange's open orders, taken at server time {@code snapshotMs}. */
  void reconcile(List<OrderView> exchangeOrders, long snapshotMs) {
    List<OrderView> seen = view.view(exchangeOrders).orders();
    inView.clear();
    for (int i = 0; i < seen.size(); i++) {
      OrderView v = seen.get(i);
      inView.add(v.clientOrderId());
      TrackedOrder t = orders.get(v.clientOrderId());
      if (t == null) {
        Long closed = closedAtMs.get(v.clientOrderId());
        if (closed == null || closed < snapshotMs) {
          if (toQuery.add(v.clientOrderId())) {
            found(v.clientOrderId(), MismatchType.GHOST_ORDER);
          }
        }
      } else if (t.state == TrackedOrder.State.UNKNOWN && v.status() == OrderStatus.NEW) {
        t.state = TrackedOrder.State.LIVE; // the unknown place landed: the view says so
        t.ackServerMs = v.updateTimeMs();
      } else if (t.state == TrackedOrder.State.LIVE) {
        if (v.status() != OrderStatus.NEW) {
          t.state = TrackedOrder.State.VERIFY;
          found(t.id, MismatchType.STALE_STATUS);
        } else if (v.qty() != t.qty) {
          t.state = TrackedOrder.State.VERIFY;
          found(t.id, MismatchType.QTY_DIFF);
        }
      }
    }
    for (TrackedOrder t : orders.values()) {
      if (t.state == TrackedOrder.State.LIVE
          && t.ackServerMs < snapshotMs
          && !inView.contains(t.id)) {
        t.state = TrackedOrder.State.VERIFY;
        found(t.id, MismatchType.MISSING_ORDER);
      }
    }
  }

  /** The answer to a query by client order id: the truth about one order. */
  void queried(RestCall c) {
    String id = c.clientOrderId();
    TrackedOrder t = orders.get(id);
    if (c.ok() || c.errorCode() == ExchangeRules.ERR_NO_SUCH_ORDER) {
      Integer at = foundAt.remove(id);
      if (at != null) {
        maxResolve = Math.max(maxResolve, tick - at);
      }
    }
    if (c.ok()) {
      toQuery.remove(id);
      OrderView o = c.order();
      if (o.status().open()) {
        if (t == null) {
          Long closedMs = closedAtMs.get(id);
          if (closedMs != null && closedMs >= c.serverTimeMs()) {
            // Closed (a fill reported, a cancel answered) after the exchange took this answer: the
            // answer is older than what the bot knows, so there is nothing to adopt.
            return;
          }
          if (adopt && id.startsWith(Bot.ID_PREFIX)) {
            // Ours and open but untracked: adopt it (it will be cancelled if not wanted).
            orders.put(
                id,
                new TrackedOrder(
                    id,
                    o.side(),
                    o.priceTicks(),
                    o.qty(),
                    TrackedOrder.State.LIVE,
                    o.updateTimeMs()));
          }
        } else {
          t.state = TrackedOrder.State.LIVE;
          t.ackServerMs = o.updateTimeMs();
        }
      } else {
        if (t != null) {
          orders.remove(id);
        }
        closed(id, o.updateTimeMs());
      }
    } else if (c.errorCode() == ExchangeRules.ERR_NO_SUCH_ORDER) {
      toQuery.remove(id); // never existed (a ghost, or a place that never arrived)
      if (t != null) {
        orders.remove(id);
      }
    }
  }

  /** Forgets closed orders older than half a minute. */
  void expire(long nowNanos) {
    if (nowNanos - lastExpire < CLOSED_MEMORY_NANOS) {
      return;
    }
    lastExpire = nowNanos;
    long newest = 0;
    for (long v : closedAtMs.values()) {
      newest = Math.max(newest, v);
    }
    long limit = newest - CLOSED_MEMORY_NANOS / 1_000_000L;
    for (Iterator<Long> it = closedAtMs.values().iterator(); it.hasNext(); ) {
      if (it.next() < limit) {
        it.remove();
      }
    }
  }

  private void found(String id, MismatchType type) {
    foundAt.putIfAbsent(id, tick);
    discrepancies++;
    metrics.recordReconcileDiscrepancy(type);
  }
}
