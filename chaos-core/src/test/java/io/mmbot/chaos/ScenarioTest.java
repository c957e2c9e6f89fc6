package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScenarioTest {

  @Test
  void hasTheTenScenariosWithTheirKeysInOrder() {
    assertThat(Scenario.values())
        .extracting(Scenario::key)
        .containsExactly(
            "net_loss",
            "exch_429",
            "exch_5xx",
            "lat_spike",
            "ws_lag",
            "ws_disconnect",
            "dns_flap",
            "clock_skew",
            "rate_limit_storm",
            "reconcile_mismatch");
  }

  @Test
  void configKeysOfMagnitudeScenariosCarryTheirUnit() {
    assertThat(Scenario.LAT_SPIKE.configKey()).isEqualTo("lat_spike_ms");
    assertThat(Scenario.WS_LAG.configKey()).isEqualTo("ws_lag_ms");
    assertThat(Scenario.CLOCK_SKEW.configKey()).isEqualTo("clock_skew_ms");
    assertThat(Scenario.NET_LOSS.configKey()).isEqualTo("net_loss");
  }

  @Test
  void kindsFollowTheContract() {
    assertThat(Scenario.EXCH_429.kind()).isEqualTo(Scenario.Kind.WAVE);
    assertThat(Scenario.RATE_LIMIT_STORM.kind()).isEqualTo(Scenario.Kind.WAVE);
    assertThat(Scenario.WS_DISCONNECT.kind()).isEqualTo(Scenario.Kind.RATE);
    assertThat(Scenario.CLOCK_SKEW.kind()).isEqualTo(Scenario.Kind.MAGNITUDE);
    assertThat(Scenario.DNS_FLAP.kind()).isEqualTo(Scenario.Kind.PROBABILITY);
  }

  @Test
  void fromKeyRoundTripsAndRejectsUnknownKeysListingTheValidOnes() {
    for (Scenario s : Scenario.values()) {
      assertThat(Scenario.fromKey(s.key())).isSameAs(s);
    }
    assertThatThrownBy(() -> Scenario.fromKey("net-loss"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("net-loss")
        .hasMessageContaining("net_loss");
  }
}
