package io.mmbot.chaos.examples.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.metrics.ChaosMetrics;
import org.junit.jupiter.api.Test;

/**
 * RECONCILE_MISMATCH from the bot's own injector (the suite's bot mode): the reconcile path passes
 * the exchange's open orders through the library's reconcile hook, so a perturbed view is counted
 * as a discrepancy and the order is looked up, as when the exchange itself perturbs the view.
 */
class ReconcileMismatchHookTest {

  private static final String OPEN =
      "[{\"clientOrderId\":\"bbt-1\",\"side\":\"BUY\",\"price\":\"100.00\",\"status\":\"NEW\","
          + "\"origQty\":\"0.001\"}]";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private double discrepancies() {
    return registry.find("mm.reconcile.discrepancies").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  @Test
  void everyPerturbedViewIsADiscrepancyOfTheBotsOwnCounting() {
    ChaosInjector injector =
        ChaosInjector.create(
            ChaosConfig.builder()
                .enabled(true)
                .dryRun(false)
                .burstOffSec(0)
                .reconcileMismatch(1.0)
                .seed(7L)
                .build());
    ChaosMetrics metrics = ChaosMetrics.bind(injector, registry);
    OrderTracker tracker = new OrderTracker("bbt-");
    Reconciler reconciler = new Reconciler(tracker, metrics, "0.001", injector);
    for (int i = 0; i < 20; i++) {
      tracker.put("bbt-1", "BUY", 100, OrderTracker.State.LIVE);
      reconciler.reconcile(OPEN);
    }
    assertThat(injector.injections(Scenario.RECONCILE_MISMATCH)).isEqualTo(20);
    assertThat(discrepancies()).isEqualTo(20.0);
  }

  @Test
  void withChaosOffTheViewIsTheExchanges() {
    ChaosInjector injector = ChaosInjector.create(ChaosConfig.builder().enabled(false).build());
    OrderTracker tracker = new OrderTracker("bbt-");
    Reconciler reconciler =
        new Reconciler(tracker, ChaosMetrics.bind(injector, registry), "0.001", injector);
    tracker.put("bbt-1", "BUY", 100, OrderTracker.State.LIVE);
    reconciler.reconcile(OPEN);
    assertThat(discrepancies()).isZero();
    assertThat(tracker.get("bbt-1").state).isEqualTo(OrderTracker.State.LIVE);
  }
}
