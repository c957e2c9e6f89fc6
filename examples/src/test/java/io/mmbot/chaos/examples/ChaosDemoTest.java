package io.mmbot.chaos.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.Scenario;
import org.junit.jupiter.api.Test;

class ChaosDemoTest {

  @Test
  void theDemoSpendsAQuarterOfItsTicksInBurstsAndCountsWhatTheConnectorSaw() {
    ChaosDemo.Result r = ChaosDemo.run();
    assertThat(r.ticks).isEqualTo(6_000);
    assertThat(r.activeTicks).isEqualTo(1_500);
    assertThat(r.connector.lost).isEqualTo(r.injector.injections(Scenario.NET_LOSS)).isPositive();
    assertThat(r.connector.lookupFailures).isEqualTo(r.injector.injections(Scenario.DNS_FLAP));
    assertThat(r.connector.mismatches)
        .isEqualTo(r.injector.injections(Scenario.RECONCILE_MISMATCH));
    assertThat(r.connector.addedLatencyMs)
        .isEqualTo(200 * r.injector.injections(Scenario.LAT_SPIKE));
    assertThat(r.render()).contains("net_loss").contains("inside bursts (25.0%");
  }

  @Test
  void theDemoIsReproducible() {
    assertThat(ChaosDemo.run().render()).isEqualTo(ChaosDemo.run().render());
  }
}
