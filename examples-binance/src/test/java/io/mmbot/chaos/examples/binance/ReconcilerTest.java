package io.mmbot.chaos.examples.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.metrics.ChaosMetrics;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ChaosMetrics metrics =
      ChaosMetrics.bind(
          ChaosInjector.create(ChaosConfig.builder().enabled(false).build()), registry);
  private final OrderTracker tracker = new OrderTracker("bbt-");
  private final Reconciler reconciler =
      new Reconciler(
          tracker,
          metrics,
          "0.001",
          ChaosInjector.create(ChaosConfig.builder().enabled(false).build()));

  private static String row(String id, String status, String qty) {
    return "{\"clientOrderId\":\""
        + id
        + "\",\"side\":\"BUY\",\"price\":\"100.00\",\"status\":\""
        + status
        + "\",\"origQty\":\""
        + qty
        + "\"}";
  }

  private double discrepancies(String type) {
    return registry.get("mm.reconcile.discrepancies").tag("type", type).counter().count();
  }

  @Test
  void anOrderMissingFromOpenOrdersIsCountedAndBelievedOnlyAfterALookUp() {
    tracker.put("bbt-1", "BUY", 100, OrderTracker.State.LIVE);
    reconciler.reconcile("[]");
    assertThat(discrepancies("missing")).isEqualTo(1.0);
    assertThat(tracker.get("bbt-1").state).isEqualTo(OrderTracker.State.UNKNOWN);

    reconciler.lookUp(
        tracker.get("bbt-1"), Outcome.ok("{\"status\":\"NEW\",\"price\":\"100.00\"}"));
    assertThat(tracker.get("bbt-1").state).isEqualTo(OrderTracker.State.LIVE);
  }

  @Test
  void aFilledOrderIsForgottenAfterTheLookUpSaysSo() {
    tracker.put("bbt-1", "BUY", 100, OrderTracker.State.LIVE);
    reconciler.reconcile("[]");
    reconciler.lookUp(tracker.get("bbt-1"), Outcome.ok("{\"status\":\"FILLED\"}"));
    assertThat(tracker.get("bbt-1")).isNull();
  }

  @Test
  void aStaleStatusAndAQuantityOffByALotAreDiscrepancies() {
    tracker.put("bbt-1", "BUY", 100, OrderTracker.State.LIVE);
    tracker.put("bbt-2", "SELL", 200, OrderTracker.State.LIVE);
    reconciler.reconcile(
        "[" + row("bbt-1", "PENDING_NEW", "0.001") + "," + row("bbt-2", "NEW", "0.002") + "]");
    assertThat(discrepancies("stale_status")).isEqualTo(1.0);
    assertThat(discrepancies("qty_diff")).isEqualTo(1.0);
    assertThat(tracker.unknown()).hasSize(2);
  }

  @Test
  void aGhostOfAnotherClientIsCountedAndNeverTracked() {
    reconciler.reconcile("[" + row("ghost3", "NEW", "0.001") + "]");
    assertThat(discrepancies("ghost")).isEqualTo(1.0);
    assertThat(tracker.all()).isEmpty();
    assertThat(reconciler.takeForeign()).as("to be looked up once").containsExactly("ghost3");
    assertThat(reconciler.takeForeign()).isEmpty();
  }

  @Test
  void anOrderOfTheBotsItDoesNotTrackIsLookedUpBeforeItIsBelieved() {
    reconciler.reconcile("[" + row("bbt-9", "NEW", "0.001") + "]");
    assertThat(tracker.get("bbt-9").state).isEqualTo(OrderTracker.State.UNKNOWN);
  }

  @Test
  void notFoundIsBelievedOnlyWhenOpenOrdersDidNotShowTheOrderEither() {
    tracker.put("bbt-1", "BUY", 100, OrderTracker.State.LIVE);
    reconciler.reconcile("[" + row("bbt-1", "PENDING_NEW", "0.001") + "]");
    reconciler.lookUp(tracker.get("bbt-1"), Outcome.of(Outcome.Kind.NOT_FOUND, -2013));
    assertThat(tracker.get("bbt-1")).as("shown open: a -2013 may be a stale view").isNotNull();

    reconciler.reconcile("[]");
    reconciler.lookUp(tracker.get("bbt-1"), Outcome.of(Outcome.Kind.NOT_FOUND, -2013));
    assertThat(tracker.get("bbt-1")).isNull();
  }

  @Test
  void anOrderTheExchangeConfirmedIsNotForgottenBecauseAViewMissesIt() {
    tracker.put("bbt-1", "BUY", 100, OrderTracker.State.LIVE);
    tracker.get("bbt-1").confirmed = true;
    reconciler.reconcile("[]");
    reconciler.lookUp(tracker.get("bbt-1"), Outcome.of(Outcome.Kind.NOT_FOUND, -2013));
    assertThat(tracker.get("bbt-1").state).isEqualTo(OrderTracker.State.UNKNOWN);

    reconciler.lookUp(tracker.get("bbt-1"), Outcome.ok("{\"status\":\"CANCELED\"}"));
    assertThat(tracker.get("bbt-1")).isNull();
  }
}
