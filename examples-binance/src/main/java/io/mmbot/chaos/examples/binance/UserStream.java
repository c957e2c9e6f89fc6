package io.mmbot.chaos.examples.binance;

import com.binance.connector.client.impl.WebSocketStreamClientImpl;
import io.mmbot.chaos.metrics.ChaosMetrics;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;
import org.json.JSONObject;

/**
 * The user data stream (resilient build): the connector's {@code listenUserStream} on a listen key
 * from {@code POST /api/v3/userDataStream}. Its {@code executionReport}s tell the tick what became
 * of its orders (placed, filled, cancelled) before reconcile has to find out, also for an order
 * whose REST answer was lost. When the stream fails, the tick opens it again on the same key after
 * a full-jitter backoff, counting {@code mm_reconnect_attempts_total{kind="ws"}}; meanwhile
 * reconcile alone keeps the bot's view right. Thread-safe: the connector's threads write the queue,
 * the tick thread drains it and opens the stream.
 */
final class UserStream implements AutoCloseable {

  /** What an execution report says of one order. */
  record Report(String clientId, String status) {}

  private final WebSocketStreamClientImpl ws;
  private final ChaosMetrics metrics;
  private final Backoff backoff;
  private final ConcurrentLinkedQueue<Report> reports = new ConcurrentLinkedQueue<>();
  private String listenKey;
  private int connection = -1;
  private boolean closed;

  UserStream(String wsBase, ChaosMetrics metrics, LongSupplier nanoClock, Random random) {
    this.ws = new WebSocketStreamClientImpl(wsBase);
    this.metrics = metrics;
    this.backoff = new Backoff(100, 2_000, nanoClock, random);
  }

  /** Whether the tick should fetch a listen key. */
  synchronized boolean needsKey() {
    return !closed && listenKey == null;
  }

  /** Whether the stream is down and its backoff over: the tick then calls {@link #open()}. */
  synchronized boolean due() {
    return !closed && listenKey != null && connection < 0 && backoff.ready();
  }

  /** The answer of {@code POST userDataStream}. */
  synchronized void listenKey(String body) {
    listenKey = new JSONObject(body).getString("listenKey");
  }

  /** Opens the stream on the listen key. */
  synchronized void open() {
    if (closed || listenKey == null || connection >= 0) {
      return;
    }
    int[] mine = new int[1];
    mine[0] =
        ws.listenUserStream(
            listenKey,
            open -> {},
            this::onMessage,
            (code, reason) -> {},
            (code, reason) -> dropped(mine),
            (t, response) -> dropped(mine));
    connection = mine[0];
  }

  /** One message of the stream (package-private: tests feed messages directly). */
  void onMessage(String text) {
    try {
      JSONObject m = new JSONObject(text);
      if ("executionReport".equals(m.optString("e"))) {
        String original = m.optString("C", "");
        reports.add(new Report(original.isEmpty() ? m.optString("c") : original, m.optString("X")));
        synchronized (this) {
          backoff.succeeded();
        }
      }
    } catch (RuntimeException e) {
      // an unreadable message is skipped; reconcile still sees the orders
    }
  }

  private synchronized void dropped(int[] which) {
    if (closed || which[0] != connection) {
      return;
    }
    connection = -1;
    metrics.recordReconnectAttempt("ws");
    backoff.failed();
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

  @Override
  public synchronized void close() {
    closed = true;
    if (connection >= 0) {
      try {
        ws.closeConnection(connection);
      } catch (RuntimeException ignored) {
        // the stream had already failed
      }
      connection = -1;
    }
  }
}
