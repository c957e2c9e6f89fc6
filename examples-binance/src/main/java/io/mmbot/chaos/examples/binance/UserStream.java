package io.mmbot.chaos.examples.binance;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.json.JSONObject;

/**
 * The user data stream's execution reports (resilient build). The stream itself rides on the market
 * data connection ({@link MarketFeed} opens {@code /stream?streams=<symbol>@bookTicker/<listen
 * key>} on a listen key from {@code POST /api/v3/userDataStream}), so one connection carries both
 * and one reconnect restores both. The reports tell the tick what became of its orders (placed,
 * filled, cancelled) before reconcile has to find out, also for an order whose REST answer was
 * lost. Thread-safe: the connector's threads add reports, the tick thread applies them.
 */
final class UserStream {

  /** What an execution report says of one order. */
  record Report(String clientId, String status) {}

  private final ConcurrentLinkedQueue<Report> reports = new ConcurrentLinkedQueue<>();

  /** Takes {@code event} (a user data stream event) if it is an execution report. */
  void onEvent(JSONObject event) {
    if ("executionReport".equals(event.optString("e"))) {
      String original = event.optString("C", "");
      reports.add(
          new Report(original.isEmpty() ? event.optString("c") : original, event.optString("X")));
    }
  }

  /** Applies the reports received since the last call: an order open, or closed for good. */
  void applyReports(OrderTracker tracker) {
    for (Report r = reports.poll(); r != null; r = reports.poll()) {
      OrderTracker.Tracked t = tracker.get(r.clientId());
      if (t == null) {
        continue;
      }
      switch (r.status()) {
        case "NEW":
        case "PARTIALLY_FILLED":
          if (t.state == OrderTracker.State.UNKNOWN && !t.cancelling) {
            t.state = OrderTracker.State.LIVE;
            t.confirmed = true;
            t.inFlight = null;
          }
          break;
        case "FILLED":
        case "CANCELED":
        case "EXPIRED":
        case "REJECTED":
          tracker.remove(r.clientId());
          break;
        default:
          break;
      }
    }
  }
}
