package io.mmbot.chaos.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.config.ChaosConfigLoader;
import io.mmbot.chaos.fixtures.SeedConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ValidateCommandTest {

  private static final String SEED_CONFIG =
      "bot:\n" + "  symbol: BTC-USDT\n" + SeedConfig.YAML_BLOCK;

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int validate(String yaml) throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, yaml);
    return MmChaos.run(new PrintWriter(out), new PrintWriter(err), "validate", file.toString());
  }

  @Test
  void printsTheSeedsChaosBlockAsUnderstoodAndThePrintoutBindsToTheSameConfig() throws Exception {
    assertThat(validate(SEED_CONFIG)).as(err.toString()).isZero();

    String printed = out.toString();
    assertThat(printed)
        .contains("Chaos is ON in shadow mode")
        .contains("\n  net_loss: 0.3\n")
        .contains("  lat_spike:\n    magnitude_ms: 200\n    probability: 0.1 ")
        .contains("\n  ws_disconnect: 0.05 ")
        .contains("\n  burst_off_sec: 90\n");
    assertThat(ChaosConfigLoader.parse(printed)).isEqualTo(ChaosConfigLoader.parse(SEED_CONFIG));
  }

  @Test
  void printsEveryNonDefaultSettingSoThatItRoundTrips() throws Exception {
    String yaml =
        "chaos:\n"
            + "  enabled: true\n"
            + "  dry_run: false\n"
            + "  seed: 42\n"
            + "  traffic_pct: 10\n"
            + "  instance_pct: 50\n"
            + "  instance_id: \"maker \\\"eu\\\" 1\"\n"
            + "  max_duration_sec: 14400\n"
            + "  unknown_outcome_share: 0.25\n"
            + "  dns_flap_evict_pool: true\n"
            + "  net_loss: {probability: 0.2, cut_share: 0.75}\n"
            + "  exch_429: {probability: 0.1, wave_calls: 7}\n"
            + "  clock_skew: {magnitude_ms: 80, probability: 0.5}\n"
            + "  rate_limit_storm: {probability: 0.4, storm_calls: 12}\n"
            + "  burst_off_sec: 0\n"
            + "  rollback:\n"
            + "    enabled: false\n"
            + "    baseline_p95_ms: 187\n"
            + "    deadline_miss_pct: 3\n";

    assertThat(validate(yaml)).as(err.toString()).isZero();

    ChaosConfig printed = ChaosConfigLoader.parse(out.toString());
    assertThat(printed).isEqualTo(ChaosConfigLoader.parse(yaml));
    assertThat(printed.seed()).isEqualTo(42);
    assertThat(out.toString())
        .contains("Chaos is ON: faults are injected")
        .contains("continuous chaos");
  }

  @Test
  void saysChaosIsOffWithoutAChaosBlock() throws Exception {
    assertThat(validate("bot:\n  symbol: BTC-USDT\n")).isZero();

    assertThat(out.toString()).contains("Chaos is OFF").contains("  enabled: false\n");
  }

  @Test
  void rejectsAnUnknownKeyWithItsPositionAndASuggestion() throws Exception {
    assertThat(validate("chaos:\n  enabled: true\n  net_los: 0.3\n")).isEqualTo(2);

    assertThat(err.toString()).contains("chaos.net_los at 3:3").contains("did you mean");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void rejectsAnOutOfRangeValueNamingKeyLineValueAndRange() throws Exception {
    assertThat(validate("chaos:\n  net_loss: 1.5\n")).isEqualTo(2);

    assertThat(err.toString())
        .contains("chaos.net_loss at 2:13")
        .contains("1.5")
        .contains("[0, 1]");
  }

  @Test
  void rejectsAnEmptyDocumentAndAMissingFile() throws Exception {
    assertThat(validate("")).isEqualTo(2);
    assertThat(
            MmChaos.run(
                new PrintWriter(out),
                new PrintWriter(err),
                "validate",
                dir.resolve("missing.yaml").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("missing.yaml");
    assertThat(MmChaos.run(new PrintWriter(out), new PrintWriter(err), "validate")).isEqualTo(2);
  }

  @Test
  void refusesAFifoAtOnceWithExitTwoInsteadOfHanging() throws Exception {
    Path fifo = dir.resolve("config.yaml");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();

    int code = MmChaos.run(new PrintWriter(out), new PrintWriter(err), "validate", fifo.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("FIFO").contains("not a regular file");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void refusesADeviceWithExitTwo() {
    int code = MmChaos.run(new PrintWriter(out), new PrintWriter(err), "validate", "/dev/zero");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("not a regular file");
  }

  @ParameterizedTest
  @ValueSource(strings = {"choas", "Chaos", "\u0441haos"})
  void aBlockThatLooksLikeChaosExitsTwoWithADidYouMean(String key) throws Exception {
    int code = validate("bot: 1\n" + key + ":\n  enabled: true\n  net_loss: 0.3\n");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("at 2:1")
        .contains("chaos stays off")
        .contains("did you mean `chaos:`?");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anEmptyChaosBlockExitsTwo() throws Exception {
    assertThat(validate("chaos: {}\n")).isEqualTo(2);

    assertThat(err.toString()).contains("chaos at 1:8").contains("empty");
  }

  @Test
  void aChaosBlockOnlyThroughARootMergeKeyExitsTwo() throws Exception {
    assertThat(validate("base: &b\n  chaos:\n    enabled: true\n<<: *b\n")).isEqualTo(2);

    assertThat(err.toString()).contains("<< at 4:1").contains("merge key");
  }

  @Test
  void aTagInTheChaosBlockExitsTwo() throws Exception {
    assertThat(validate("chaos:\n  net_loss: !!float 0.3\n")).isEqualTo(2);

    assertThat(err.toString()).contains("chaos.net_loss at 2:13").contains("tag");
  }
}
