package io.mmbot.chaos.examples.binance;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.metrics.ChaosMetrics;
import io.mmbot.chaos.reconcile.OrderViewChaos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Reconcile (resilient build only): the bot's view of its orders against the exchange's. Each tick
 * it reads {@code openOrders}; an order of the bot's that is missing, shown with another status or
 * quantity, or one the bot does not track, is a discrepancy ({@code
 * mm_reconcile_discrepancies_total{type}}) and becomes {@link OrderTracker.State#UNKNOWN}: the bot
 * believes neither view until it has looked the order up by its client order id ({@link #lookUp}).
 * An order that is not the bot's (a ghost) is counted and never touched.
 *
 * <p>The view passes through the library's reconcile hook ({@link OrderViewChaos}) first, so
 * RECONCILE_MISMATCH from the bot's own injector perturbs it as the exchange's would.
 */
final class Reconciler {

  private final OrderTracker tracker;
  private final ChaosMetrics metrics;
  private final String qty;
  private Map<String, JSONObject> lastOpen = Map.of();
  private final List<String> foreign = new ArrayList<>();
  private final OrderViewChaos<JSONObject> viewChaos;

  Reconciler(OrderTracker tracker, ChaosMetrics metrics, String qty, ChaosInjector injector) {
    this.tracker = tracker;
    this.metrics = metrics;
    this.qty = qty;
    this.viewChaos = OrderViewChaos.of(injector, new Perturbations());
  }

  /** Compares the {@code openOrders} answer {@code body} with the tracked orders. */
  void reconcile(String body) {
    foreign.clear();
    Map<String, JSONObject> open = new HashMap<>();
    JSONArray a = new JSONArray(body);
    List<JSONObject> exchangeView = new ArrayList<>(a.length());
    for (int i = 0; i < a.length(); i++) {
      exchangeView.add(a.getJSONObject(i));
    }
    for (JSONObject o : viewChaos.view(exchangeView).orders()) {
      String id = o.optString("clientOrderId", "");
      if (!tracker.isOurs(id)) {
        metrics.recordReconcileDiscrepancy("ghost");
        foreign.add(id);
        continue;
      }
      open.put(id, o);
      OrderTracker.Tracked t = tracker.get(id);
      if (t == null) {
        metrics.recordReconcileDiscrepancy("ghost");
        tracker.put(id, o.optString("side", "BUY"), o.optDouble("price", 0), unknown());
      } else if (t.state == OrderTracker.State.LIVE) {
        if (!"NEW".equals(o.optString("status"))) {
          metrics.recordReconcileDiscrepancy("stale_status");
          t.state = unknown();
        } else if (Double.compare(o.optDouble("origQty", 0), Double.parseDouble(qty)) != 0) {
          metrics.recordReconcileDiscrepancy("qty_diff");
          t.state = unknown();
        }
      }
    }
    for (OrderTracker.Tracked t : tracker.all()) {
      if (t.state == OrderTracker.State.LIVE && !open.containsKey(t.clientId)) {
        metrics.recordReconcileDiscrepancy("missing");
        t.state = unknown();
      }
    }
    lastOpen = open;
  }

  /**
   * Applies the answer to a look-up of {@code t} by client order id: open → live; closed →
   * forgotten; unknown to the exchange ({@code -2013}) → forgotten only for an order the exchange
   * never confirmed and the last {@code openOrders} did not show either (a placement that never
   * executed): an order once confirmed leaves only with a closed status, a fill or cancel report,
   * or a cancel's answer, since the exchange's views of it may be wrong.
   */
  void lookUp(OrderTracker.Tracked t, Outcome o) {
    if (o.kind() == Outcome.Kind.OK) {
      JSONObject order = new JSONObject(o.body());
      String status = order.optString("status");
      if (status.equals("NEW") || status.equals("PARTIALLY_FILLED")) {
        t.state = OrderTracker.State.LIVE;
        t.confirmed = true;
        t.cancelling = false;
        t.price = order.optDouble("price", t.price);
      } else if (!status.equals("PENDING_NEW")) {
        tracker.remove(t.clientId);
      }
    } else if (o.kind() == Outcome.Kind.NOT_FOUND
        && !t.confirmed
        && !lastOpen.containsKey(t.clientId)) {
      tracker.remove(t.clientId);
    }
  }

  /**
   * Client order ids of orders not the bot's that the last {@code openOrders} showed: the bot looks
   * each up once (a ghost of the view answers {@code -2013}) and never cancels it. Taken: a second
   * call returns nothing until the next {@code openOrders}.
   */
  List<String> takeForeign() {
    List<String> out = List.copyOf(foreign);
    foreign.clear();
    return out;
  }

  private static OrderTracker.State unknown() {
    return OrderTracker.State.UNKNOWN;
  }

  /** How RECONCILE_MISMATCH changes a view of Binance order objects. */
  private final class Perturbations implements OrderViewChaos.Perturber<JSONObject> {
    private int ghosts;

    @Override
    public JSONObject ghost(List<JSONObject> view) {
      return new JSONObject()
          .put("clientOrderId", "ghost-" + (++ghosts))
          .put("side", "BUY")
          .put("price", view.isEmpty() ? "1.00" : view.get(0).optString("price", "1.00"))
          .put("status", "NEW")
          .put("origQty", qty);
    }

    @Override
    public JSONObject stale(JSONObject order) {
      return new JSONObject(order.toString()).put("status", "FILLED");
    }

    @Override
    public JSONObject quantityDiff(JSONObject order) {
      return new JSONObject(order.toString())
          .put("origQty", Double.toString(2 * Double.parseDouble(qty)));
    }
  }
}
