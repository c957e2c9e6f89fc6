package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.report.RunReader;
import io.mmbot.chaos.report.RunRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stress scenarios started from the runner: their names on the command line, their run records and
 * heading in report.md, and replay lines that reproduce them.
 */
class StressRunnerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String JAR = "java -jar examples/target/mm-chaos-suite.jar";

  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    return SuiteMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theScenarioOptionTakesStressNamesTheWordStressAndListsMixingBothKinds() throws Exception {
    SuiteArgs plain = SuiteArgs.parse(new String[] {"--benchmark"});
    assertThat(plain.scenarios).containsExactly(Scenario.values());
    assertThat(plain.stresses).isEmpty();

    SuiteArgs all = SuiteArgs.parse(new String[] {"--benchmark", "--scenario", "all"});
    assertThat(all.scenarios).containsExactly(Scenario.values());
    assertThat(all.stresses).as("all keeps meaning the seed's ten").isEmpty();

    SuiteArgs stress = SuiteArgs.parse(new String[] {"--benchmark", "--scenario", "stress"});
    assertThat(stress.scenarios).isEmpty();
    assertThat(stress.stresses).containsExactly(StressScenario.values());

    SuiteArgs mixed =
        SuiteArgs.parse(
            new String[] {
              "--benchmark", "--scenario", "ws_flap,net_loss, SUSTAINED_OUTAGE,ws_flap"
            });
    assertThat(mixed.scenarios).containsExactly(Scenario.NET_LOSS);
    assertThat(mixed.stresses)
        .containsExactly(StressScenario.SUSTAINED_OUTAGE, StressScenario.WS_FLAP);

    SuiteArgs both = SuiteArgs.parse(new String[] {"--benchmark", "--scenario", "stress,all"});
    assertThat(both.scenarios).hasSize(10);
    assertThat(both.stresses).hasSize(StressScenario.values().length);
  }

  @Test
  void anUnknownNameExitsTwoListingEveryValidName() {
    Path dir = tmp.resolve("out");
    assertThat(run("--scenario", "net_loss,meteor", "--out", dir.toString()))
        .isEqualTo(SuiteMain.BAD_INPUT);
    String e = stderr().strip();
    assertThat(e).startsWith("mm-chaos-suite: --scenario: unknown scenario 'meteor'");
    assertThat(e).doesNotContain("\n").contains("all").contains("stress");
    for (Scenario s : Scenario.values()) {
      assertThat(e).contains(s.key());
    }
    for (StressScenario s : StressScenario.values()) {
      assertThat(e).contains(s.key());
    }
    assertThat(dir).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--scenario ws_flap --bot-cmd bot",
        "--scenario net_loss,stress --bot-cmd bot",
        "--scenario ws_flap --exchange loopback",
        "--scenario ws_flap --intensity 3"
      })
  void aStressScenarioWhereItCannotRunIsBadInputNamingIt(String args) {
    Path dir = tmp.resolve("out");
    String[] argv = (args + " --out " + dir).split(" ");
    assertThat(run(argv)).isEqualTo(SuiteMain.BAD_INPUT);
    assertThat(stderr().strip()).startsWith("mm-chaos-suite: ").doesNotContain("\n");
    assertThat(stderr()).contains(args.contains("stress") ? "sustained_outage" : "ws_flap");
    assertThat(dir).doesNotExist();
  }

  @Test
  void stressRunsGetTheirOwnRecordsAndTheirOwnHeadingInTheReport() throws Exception {
    Path dir = tmp.resolve("chaos");
    int code =
        run(
            "--scenario",
            "ws_flap,net_loss,sustained_outage",
            "--seeds",
            "1..2",
            "--out",
            dir.toString());
    assertThat(code).as(stderr()).isIn(SuiteMain.OK, SuiteMain.FAILED);
    assertThat(stderr()).contains("ws_flap").contains("sustained_outage");

    RunRecord flap = RunReader.read(dir.resolve("runs").resolve("ws_flap-1.json"));
    assertThat(flap.scenario()).isEqualTo(Scenario.WS_DISCONNECT);
    assertThat(flap.stress()).contains("ws_flap");
    JsonNode record =
        JSON.readTree(dir.resolve("runs").resolve("sustained_outage-2.json").toFile());
    assertThat(record.get("scenario").asText()).isEqualTo("exch_5xx");
    assertThat(record.get("stress").asText()).isEqualTo("sustained_outage");
    assertThat(record.get("intensity").asDouble()).isEqualTo(1.0);
    assertThat(record.get("replay").asText()).contains("--scenario sustained_outage --seed 2");
    JsonNode seedRecord = JSON.readTree(dir.resolve("runs").resolve("net_loss-1.json").toFile());
    assertThat(seedRecord.has("stress")).isFalse();

    String md = Files.readString(dir.resolve("report.md"));
    int stressHeading = md.indexOf("## Stress scenarios");
    assertThat(stressHeading).as(md).isPositive();
    String seedPart = md.substring(0, stressHeading);
    assertThat(seedPart).contains("| net_loss | ");
    assertThat(seedPart)
        .as("stress runs stay out of the seed's table")
        .doesNotContain("| ws_disconnect | ")
        .doesNotContain("| exch_5xx | ")
        .contains("2 runs of 1 scenario");
    String stressPart = md.substring(stressHeading);
    assertThat(stressPart)
        .containsPattern("\\| ws_flap \\| ws_disconnect \\| 2 \\| \\d \\| \\d \\|");
    assertThat(stressPart)
        .containsPattern("\\| sustained_outage \\| exch_5xx \\| 2 \\| \\d \\| \\d \\|");
    assertThat(stdout()).contains("stress scenarios").contains("ws_flap").contains("net_loss");
    assertThat(dir.resolve("findings.json")).content().contains("\"total_findings\"");
  }

  @Test
  void aSeedOnlyRunHasNoStressHeading() throws IOException {
    Path dir = tmp.resolve("chaos");
    assertThat(run("--scenario", "exch_5xx", "--seed", "1", "--out", dir.toString()))
        .as(stderr())
        .isEqualTo(SuiteMain.OK);
    assertThat(Files.readString(dir.resolve("report.md"))).doesNotContain("Stress");
  }

  @Test
  void theReplayLineOfAFailingStressRunReproducesItsRecord() throws Exception {
    Path first = tmp.resolve("first");
    int code =
        run(
            "--scenario",
            "sustained_outage",
            "--seed",
            "4",
            "--bot",
            "naive",
            "--out",
            first.toString());
    assertThat(code).as(stderr()).isEqualTo(SuiteMain.FAILED);
    assertThat(stderr()).contains("FAILED sustained_outage seed 4 (naive)");
    String replay = replayLine(stderr());
    assertThat(replay).isEqualTo(JAR + " --scenario sustained_outage --seed 4 --bot naive");

    Path second = tmp.resolve("second");
    assertThat(run(replayArgs(replay, "--out", second.toString()))).isEqualTo(SuiteMain.FAILED);
    String name = "sustained_outage-4.json";
    JsonNode a = JSON.readTree(first.resolve("runs").resolve(name).toFile());
    JsonNode b = JSON.readTree(second.resolve("runs").resolve(name).toFile());
    assertThat(b.get("event_log_hash")).isEqualTo(a.get("event_log_hash"));
    assertThat(b.get("failed_checks")).isEqualTo(a.get("failed_checks"));
    assertThat(second.resolve("runs").resolve(name))
        .hasSameBinaryContentAs(first.resolve("runs").resolve(name));

    // The same hash as the stress run made directly, not as the base scenario's run.
    RunPlan p = StressScenario.SUSTAINED_OUTAGE.plan(4, "naive");
    RunResult base = SimRun.run(p.baselinePlan(), null);
    RunResult direct = SimRun.run(p, base);
    assertThat(a.get("event_log_hash").asText())
        .isEqualTo(String.format("%016x", direct.tally().eventLogHash()));
  }

  @Test
  void aStressRunWithServedMetricsIsTheSameRunAsWithout() throws Exception {
    Path plain = tmp.resolve("plain");
    run("--scenario", "ws_flap", "--seed", "3", "--out", plain.toString());
    Path served = tmp.resolve("served");
    int code =
        run(
            "--scenario",
            "ws_flap",
            "--seed",
            "3",
            "--serve-metrics",
            "127.0.0.1:0",
            "--pace",
            "1000000",
            "--out",
            served.toString());
    assertThat(code).as(stderr()).isIn(SuiteMain.OK, SuiteMain.FAILED);
    assertThat(served.resolve("runs").resolve("ws_flap-3.json"))
        .hasSameBinaryContentAs(plain.resolve("runs").resolve("ws_flap-3.json"));
  }

  @Test
  void theBenchmarkRunsStressScenariosToo() {
    assertThat(run("--benchmark", "--scenario", "net_loss,stress", "--seed", "1"))
        .isEqualTo(SuiteMain.OK);
    // the seed's baseline, net_loss and every stress scenario
    assertThat(stdout())
        .startsWith("benchmark: " + (2 + StressScenario.values().length) + " runs, ");
  }

  @ParameterizedTest
  @EnumSource(StressScenario.class)
  void everyStressRunReplaysAsPrintedToTheSameRecord(StressScenario st) throws Exception {
    Path first = tmp.resolve("first");
    run("--scenario", st.key(), "--seed", "7", "--bot", "naive", "--out", first.toString());
    String name = st.key() + "-7.json";
    JsonNode a = JSON.readTree(first.resolve("runs").resolve(name).toFile());
    assertThat(a.get("stress").asText()).isEqualTo(st.key());
    assertThat(a.get("scenario").asText()).isEqualTo(st.scenario().key());
    Path second = tmp.resolve("second");
    run(replayArgs(a.get("replay").asText(), "--out", second.toString()));
    assertThat(second.resolve("runs").resolve(name))
        .hasSameBinaryContentAs(first.resolve("runs").resolve(name));
  }

  @Test
  void aShortenedStressRunReplaysWithItsDuration() throws Exception {
    Path first = tmp.resolve("first");
    run("--scenario", "ws_storm", "--seed", "2", "--duration-sec", "40", "--out", first.toString());
    JsonNode a = JSON.readTree(first.resolve("runs").resolve("ws_storm-2.json").toFile());
    String replay = a.get("replay").asText();
    assertThat(replay)
        .isEqualTo(JAR + " --scenario ws_storm --seed 2 --duration-sec 40 --bot resilient");
    Path second = tmp.resolve("second");
    run(replayArgs(replay, "--out", second.toString()));
    JsonNode b = JSON.readTree(second.resolve("runs").resolve("ws_storm-2.json").toFile());
    assertThat(b.get("event_log_hash")).isEqualTo(a.get("event_log_hash"));
    assertThat(b.get("duration_sec").asLong()).isEqualTo(40);
  }

  @Test
  void shrinkOfAFailingStressRunNamesItAndItsPrintedReplayGivesTheSameShrink() {
    int code = run("--scenario", "sustained_outage", "--seed", "4", "--bot", "naive", "--shrink");
    assertThat(code).as(stderr()).isEqualTo(SuiteMain.FAILED);
    String shrink = stdout();
    assertThat(shrink).startsWith("shrink: sustained_outage seed 4 (naive)");
    String replay = replayLine(shrink);
    assertThat(replay)
        .isEqualTo(JAR + " --scenario sustained_outage --seed 4 --bot naive --shrink");
    assertThat(run(replayArgs(replay))).isEqualTo(SuiteMain.FAILED);
    assertThat(stdout()).isEqualTo(shrink);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"clock_beyond_window", "weight_near_limit", "orders_refused", "bot_restart"})
  void shrinkRefusesAStressScenarioWithoutNetworkFaultsToNarrow(String key) {
    assertThat(run("--scenario", key, "--seed", "1", "--bot", "naive", "--shrink"))
        .isEqualTo(SuiteMain.BAD_INPUT);
    assertThat(stderr().strip()).startsWith("mm-chaos-suite: --shrink").contains(key);
    assertThat(stdout()).isEmpty();
  }

  @Test
  void aStressPlanNeverRunsOffTheSimulatedExchange() {
    RunPlan p = StressScenario.WS_FLAP.plan(1, "resilient").onExchange("loopback");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Suite.runOne(p, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ws_flap");
  }

  /** The command after the last {@code replay: } of {@code text}. */
  private static String replayLine(String text) {
    int at = text.lastIndexOf("replay: ");
    assertThat(at).as(text).isNotNegative();
    String rest = text.substring(at + "replay: ".length());
    int nl = rest.indexOf('\n');
    return (nl < 0 ? rest : rest.substring(0, nl)).strip();
  }

  /** The runner's arguments of a printed replay command, with {@code extra} appended. */
  private static String[] replayArgs(String replay, String... extra) {
    assertThat(replay).startsWith(JAR + " ");
    List<String> args =
        new ArrayList<>(Arrays.asList(replay.substring(JAR.length() + 1).split(" ")));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }
}
