package io.mmbot.chaos.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.RollbackConfig;
import io.mmbot.chaos.fixtures.SeedConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaosConfigLoaderTest {

  /** The seed's example block, verbatim, inside a bot config with other blocks. */
  static final String SEED =
      "exchange:\n"
          + "  name: binance\n"
          + "  symbols: [BTCUSDT, ETHUSDT]\n"
          + SeedConfig.YAML_BLOCK
          + "quoting:\n"
          + "  spread_bps: 12\n";

  @Test
  void seedExampleBindsToExactlyTheSeedValues() {
    ChaosConfig expected = SeedConfig.builder().build();

    ChaosConfig parsed = ChaosConfigLoader.parse(SEED);

    assertThat(parsed).isEqualTo(expected);
    assertThat(parsed.netLoss()).isEqualTo(0.3);
    assertThat(parsed.latSpikeMs()).isEqualTo(200L);
    assertThat(parsed.wsDisconnect()).isEqualTo(0.05);
    assertThat(parsed.hasSeed()).isFalse();
  }

  @Test
  void documentWithoutChaosBlockMeansChaosOff() {
    ChaosConfig c = ChaosConfigLoader.parse("exchange:\n  name: binance\n");

    assertThat(c).isEqualTo(ChaosConfig.defaults());
    assertThat(c.enabled()).isFalse();
    assertThat(c.dryRun()).isTrue();
  }

  @Test
  void otherBlocksMayUseAnyYamlIncludingAliasesAndLists() {
    String yaml =
        "defaults: &d {timeout_ms: 500, retries: 3}\n"
            + "venues:\n"
            + "  - {<<: *d, name: a}\n"
            + "  - {<<: *d, name: b}\n"
            + "chaos: {enabled: true, dry_run: false, net_loss: 0.25}\n";

    ChaosConfig c = ChaosConfigLoader.parse(yaml);

    assertThat(c.enabled()).isTrue();
    assertThat(c.dryRun()).isFalse();
    assertThat(c.netLoss()).isEqualTo(0.25);
  }

  @Test
  void structuredFormSetsProbabilitiesMagnitudesRunLengthsAndBlastRadius() {
    String yaml =
        "chaos:\n"
            + "  enabled: true\n"
            + "  dry_run: false\n"
            + "  seed: -42\n"
            + "  traffic_pct: 10\n"
            + "  instance_pct: 25.5\n"
            + "  max_duration_sec: 7200\n"
            + "  unknown_outcome_share: 0.3\n"
            + "  net_loss: {probability: 0.2}\n"
            + "  exch_429:\n"
            + "    probability: 0.1\n"
            + "    wave_calls: 7\n"
            + "  lat_spike: {magnitude_ms: 250, probability: 0.3}\n"
            + "  ws_lag: {magnitude_ms: 120, probability: 0.4}\n"
            + "  clock_skew: {magnitude_ms: 90, probability: 0.5}\n"
            + "  ws_disconnect: {rate_per_min: 0.5}\n"
            + "  rate_limit_storm: {probability: 0.05, storm_calls: 30}\n";

    ChaosConfig c = ChaosConfigLoader.parse(yaml);

    assertThat(c.hasSeed()).isTrue();
    assertThat(c.seed()).isEqualTo(-42L);
    assertThat(c.trafficPct()).isEqualTo(10.0);
    assertThat(c.instancePct()).isEqualTo(25.5);
    assertThat(c.maxDurationSec()).isEqualTo(7200L);
    assertThat(c.unknownOutcomeShare()).isEqualTo(0.3);
    assertThat(c.netLoss()).isEqualTo(0.2);
    assertThat(c.exch429()).isEqualTo(0.1);
    assertThat(c.exch429WaveCalls()).isEqualTo(7);
    assertThat(c.latSpikeMs()).isEqualTo(250L);
    assertThat(c.latSpikeProbability()).isEqualTo(0.3);
    assertThat(c.wsLagMs()).isEqualTo(120L);
    assertThat(c.wsLagProbability()).isEqualTo(0.4);
    assertThat(c.clockSkewMs()).isEqualTo(90L);
    assertThat(c.clockSkewProbability()).isEqualTo(0.5);
    assertThat(c.wsDisconnect()).isEqualTo(0.5);
    assertThat(c.rateLimitStorm()).isEqualTo(0.05);
    assertThat(c.rateLimitStormCalls()).isEqualTo(30);
  }

  @Test
  void rollbackBlockMapsOntoRollbackConfig() {
    String yaml =
        "chaos:\n"
            + "  rollback:\n"
            + "    enabled: false\n"
            + "    p95_tick_increase_pct: 20\n"
            + "    p95_tick_window_sec: 300\n"
            + "    baseline_p95_ms: 187\n"
            + "    deadline_miss_pct: 3\n"
            + "    deadline_miss_window_sec: 120\n"
            + "    partial_fail_pct: 4.5\n"
            + "    partial_fail_window_sec: 900\n";

    RollbackConfig r = ChaosConfigLoader.parse(yaml).rollback();

    assertThat(r)
        .isEqualTo(
            RollbackConfig.builder()
                .enabled(false)
                .p95TickIncreasePct(20)
                .p95TickWindowSec(300)
                .baselineP95Ms(187)
                .deadlineMissPct(3)
                .deadlineMissWindowSec(120)
                .partialFailPct(4.5)
                .partialFailWindowSec(900)
                .build());
  }

  @Test
  void absentRollbackBlockKeepsTheContractDefaults() {
    assertThat(ChaosConfigLoader.parse("chaos:\n  enabled: false\n").rollback())
        .isEqualTo(RollbackConfig.defaults());
  }

  @Test
  void flatAndStructuredFormsOfOneScenarioAreAnErrorNamingBothLines() {
    String yaml = "chaos:\n  lat_spike_ms: 200\n  lat_spike:\n    probability: 0.2\n";

    assertThatThrownBy(() -> ChaosConfigLoader.parse(yaml))
        .isInstanceOfSatisfying(
            ChaosConfigException.class,
            e -> {
              assertThat(e.keyPath()).isEqualTo("chaos.lat_spike");
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.getMessage())
                  .contains("chaos.lat_spike_ms (line 2)")
                  .contains("not both");
            });
  }

  @Test
  void loadReadsAFileAndIgnoresAByteOrderMark(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("config.yaml");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = SEED.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    Files.write(f, all);

    assertThat(ChaosConfigLoader.load(f)).isEqualTo(ChaosConfigLoader.parse(SEED));
  }

  @Test
  void loadRejectsALatin1FileNamingTheLineOfTheFirstBadByte(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("config.yaml");
    Files.write(f, "chaos:\n  enabled: true\n  # café\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> ChaosConfigLoader.load(f))
        .isInstanceOfSatisfying(
            ChaosConfigException.class,
            e -> {
              assertThat(e.keyPath()).isEqualTo("chaos");
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo(8);
              assertThat(e.getMessage()).contains("byte 0xE9").contains("not valid UTF-8");
            });
  }

  @Test
  void missingFileIsAChaosConfigExceptionNamingTheFile(@TempDir Path dir) {
    Path f = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> ChaosConfigLoader.load(f))
        .isInstanceOf(ChaosConfigException.class)
        .hasMessageContaining("nope.yaml")
        .hasMessageContaining("does not exist");
  }

  @Test
  void directoryIsAChaosConfigException(@TempDir Path dir) {
    assertThatThrownBy(() -> ChaosConfigLoader.load(dir))
        .isInstanceOf(ChaosConfigException.class)
        .hasMessageContaining("is a directory");
  }

  @Test
  void nullInputIsAChaosConfigExceptionNotANullPointerException() {
    assertThatThrownBy(() -> ChaosConfigLoader.parse(null))
        .isInstanceOf(ChaosConfigException.class);
    assertThatThrownBy(() -> ChaosConfigLoader.load(null)).isInstanceOf(ChaosConfigException.class);
  }

  @Test
  void instanceIdBindsAsTextFromAPlainNameAQuotedOneOrAWholeNumber() {
    assertThat(ChaosConfigLoader.parse("chaos:\n  instance_id: maker-eu-1\n").instanceId())
        .isEqualTo("maker-eu-1");
    assertThat(ChaosConfigLoader.parse("chaos:\n  instance_id: \" pod 7 \"\n").instanceId())
        .isEqualTo("pod 7");
    assertThat(ChaosConfigLoader.parse("chaos:\n  instance_id: 007\n").instanceId())
        .isEqualTo("007");
    assertThatThrownBy(() -> ChaosConfigLoader.parse("chaos:\n  instance_id: true\n"))
        .isInstanceOf(ChaosConfigException.class)
        .hasMessageStartingWith("chaos.instance_id at 2:16: must be a text of 1 to 128");
    assertThatThrownBy(() -> ChaosConfigLoader.parse("chaos:\n  instance_id: \"\"\n"))
        .hasMessageContaining("got 0 characters");
  }
}
