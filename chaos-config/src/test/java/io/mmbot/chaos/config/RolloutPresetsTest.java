package io.mmbot.chaos.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.fixtures.SeedConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The four rollout presets in docs/rollout load and hold exactly the seed's phase values. */
class RolloutPresetsTest {

  private static final Path DIR = Path.of("..", "docs", "rollout");

  private static ChaosConfig load(String name) {
    return ChaosConfigLoader.load(DIR.resolve(name));
  }

  private static ChaosConfig.Builder phase() {
    return ChaosConfig.builder().enabled(true).burstOnSec(30).burstOffSec(90);
  }

  @Test
  void phase1IsShadowWithTenPercentLossForAnHour() {
    assertThat(load("phase1-shadow.yaml"))
        .isEqualTo(phase().dryRun(true).netLoss(0.1).trafficPct(100).maxDurationSec(3600).build());
  }

  @Test
  void phase2PerturbsTenPercentOfTrafficForFourHours() {
    assertThat(load("phase2-canary-10pct.yaml"))
        .isEqualTo(
            phase()
                .dryRun(false)
                .netLoss(0.2)
                .exch429(0.1)
                .trafficPct(10)
                .maxDurationSec(14_400)
                .build());
  }

  @Test
  void phase3PerturbsHalfOfTrafficForEightHours() {
    assertThat(load("phase3-canary-50pct.yaml"))
        .isEqualTo(
            phase()
                .dryRun(false)
                .netLoss(0.3)
                .exch429(0.2)
                .latSpikeMs(200)
                .wsDisconnect(0.05)
                .trafficPct(50)
                .maxDurationSec(28_800)
                .build());
  }

  @Test
  void phase4RunsEverySeedScenarioOnAllTrafficAndExpiresAfterHalfAnHour() {
    ChaosConfig full =
        SeedConfig.intensities(phase().dryRun(false)).trafficPct(100).maxDurationSec(1800).build();

    ChaosConfig loaded = load("phase4-full.yaml");

    assertThat(loaded).isEqualTo(full);
    assertThat(loaded.toBuilder().maxDurationSec(0).dryRun(true).build())
        .as("phase 4 is the seed's example block plus live mode and an expiry")
        .isEqualTo(
            ChaosConfigLoader.parse(ChaosConfigLoaderTest.SEED).toBuilder()
                .trafficPct(100)
                .build());
  }
}
