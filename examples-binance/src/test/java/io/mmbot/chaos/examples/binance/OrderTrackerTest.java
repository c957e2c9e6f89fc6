package io.mmbot.chaos.examples.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.metrics.ChaosMetrics;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How the bot settles an order whose outcome it did not know. */
class OrderTrackerTest {

  private final OrderTracker tracker = new OrderTracker("bbt-");

  private OrderTracker.Tracked unknown(String id, boolean cancelling) {
    tracker.put(id, "BUY", 100, OrderTracker.State.UNKNOWN);
    OrderTracker.Tracked t = tracker.get(id);
    t.cancelling = cancelling;
    return t;
  }

  @Test
  void aLateOkSettlesAPlacementAsLiveAndACancelAsGone() {
    assertThat(tracker.settle(unknown("bbt-1", false), Outcome.ok("{}"))).isTrue();
    assertThat(tracker.get("bbt-1").state).isEqualTo(OrderTracker.State.LIVE);
    assertThat(tracker.settle(unknown("bbt-2", true), Outcome.ok("{}"))).isTrue();
    assertThat(tracker.get("bbt-2")).isNull();
  }

  @Test
  void aLateRefusalMeansNothingExecuted() {
    tracker.settle(unknown("bbt-1", false), Outcome.of(Outcome.Kind.RATE_LIMITED, -1003));
    assertThat(tracker.get("bbt-1")).as("the placement never executed").isNull();
    OrderTracker.Tracked c = unknown("bbt-2", true);
    tracker.settle(c, Outcome.of(Outcome.Kind.REJECTED, -1100));
    assertThat(c.state).as("the cancel never executed").isEqualTo(OrderTracker.State.LIVE);
    assertThat(c.cancelling).isFalse();
  }

  @Test
  void aLateUnknownLeavesTheOrderToALookUp() {
    OrderTracker.Tracked t = unknown("bbt-1", false);
    assertThat(tracker.settle(t, Outcome.of(Outcome.Kind.UNKNOWN, 0))).isFalse();
    assertThat(tracker.unknown()).containsExactly(t);
  }

  private static String combined(String event) {
    return "{\"stream\":\"key1\",\"data\":" + event + "}";
  }

  @Test
  void executionReportsOnTheCombinedStreamSettleOrdersAndIgnoreOthersOrders() {
    ChaosMetrics metrics =
        ChaosMetrics.bind(
            ChaosInjector.create(ChaosConfig.builder().enabled(false).build()),
            new SimpleMeterRegistry());
    UserStream users = new UserStream();
    MarketFeed feed =
        new MarketFeed(
            "ws://127.0.0.1:1",
            "BTCUSDT",
            false,
            metrics,
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(),
            System::nanoTime,
            new Random(1));
    feed.withUserStream("key1", users);
    unknown("bbt-1", false);
    tracker.put("bbt-2", "SELL", 200, OrderTracker.State.LIVE);
    unknown("bbt-3", true);
    feed.onMessage(
        combined("{\"e\":\"executionReport\",\"c\":\"bbt-1\",\"C\":\"\",\"X\":\"NEW\"}"));
    feed.onMessage(
        combined("{\"e\":\"executionReport\",\"c\":\"bbt-2\",\"C\":\"\",\"X\":\"FILLED\"}"));
    feed.onMessage(
        combined("{\"e\":\"executionReport\",\"c\":\"x9\",\"C\":\"bbt-3\",\"X\":\"CANCELED\"}"));
    feed.onMessage(
        combined("{\"e\":\"executionReport\",\"c\":\"ghost1\",\"C\":\"\",\"X\":\"NEW\"}"));
    feed.onMessage(combined("{\"e\":\"outboundAccountPosition\"}"));
    feed.onMessage(
        "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"b\":\"99.00\",\"a\":\"101.00\"}}");

    users.applyReports(tracker);

    assertThat(tracker.get("bbt-1").state).isEqualTo(OrderTracker.State.LIVE);
    assertThat(tracker.get("bbt-2")).as("filled").isNull();
    assertThat(tracker.get("bbt-3")).as("cancelled, named by its original id").isNull();
    assertThat(tracker.all()).hasSize(1);
    assertThat(feed.mid()).as("market data of the same connection").isEqualTo(100.0);
    feed.close();
  }
}
