package io.mmbot.chaos.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import org.junit.jupiter.api.Test;

/** {@code chaos.net_loss.cut_share}: the share of after-send losses cut mid-response. */
class NetLossCutShareKeyTest {

  @Test
  void theStructuredNetLossTakesACutShare() {
    ChaosConfig c =
        ChaosConfigLoader.parse(
            "chaos:\n  enabled: true\n  net_loss:\n    probability: 0.3\n    cut_share: 0.8\n");
    assertThat(c.netLoss()).isEqualTo(0.3);
    assertThat(c.netLossCutShare()).isEqualTo(0.8);
  }

  @Test
  void withoutItTheDefaultHolds() {
    assertThat(ChaosConfigLoader.parse("chaos:\n  net_loss: 0.3\n").netLossCutShare())
        .isEqualTo(ChaosConfig.DEFAULT_NET_LOSS_CUT_SHARE);
  }

  @Test
  void anOutOfRangeShareIsRefusedWithItsPathLineAndRange() {
    String yaml = "chaos:\n  net_loss:\n    probability: 0.3\n    cut_share: 1.2\n";
    assertThatThrownBy(() -> ChaosConfigLoader.parse(yaml))
        .isInstanceOfSatisfying(
            ChaosConfigException.class,
            e -> {
              assertThat(e.keyPath()).isEqualTo("chaos.net_loss.cut_share");
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.getMessage()).contains("1.2").contains("[0, 1]");
            });
  }
}
