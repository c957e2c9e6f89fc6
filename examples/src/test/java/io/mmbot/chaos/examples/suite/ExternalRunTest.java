package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner with {@code --bot-cmd} on real processes: the example bot started from this build's
 * classes as {@code ExternalBotMain}, in both inject modes, its naive build, and stand-ins that
 * exit early, never become ready, ignore SIGTERM or hold the wrong control token. Short runs (two
 * bursts for the resilient bot, so that each scenario surely fires; one for the rest) and one seed
 * keep the class near two minutes; the full run is described in {@code docs/your-bot.md}.
 *
 * <p>EXCH_429 is judged for the resilient bot only in the full run: at the exchange a Retry-After
 * starts when the 429 is written, also when the bot gave up on that request before its answer
 * arrived (see docs/your-bot.md), which the example bot, whose give-up is 30 ms above its emulated
 * round trip, does now and then on a loaded machine.
 *
 * <p>Other processes share this machine's two cores, so a run's tick timings (p95, deadline misses)
 * depend on the load of the moment: the resilient bot's runs are required to pass every check that
 * judges behaviour, and the three checks that depend on the timing of ticks (p95, deadline misses,
 * recovery) are reported, not asserted.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ExternalRunTest {

  /**
   * The checks a loaded machine can fail for a correct bot: tick durations, and the recovery after
   * a burst, which counts slow ticks as unhealthy.
   */
  private static final Set<String> TIMING = Set.of("p95_tick", "deadline_miss", "recovery");

  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** The example bot as a separate JVM on this build's class path. */
  static String exampleBot(String extra) {
    return java()
        + " -XX:+UseSerialGC -cp "
        + System.getProperty("java.class.path")
        + " io.mmbot.chaos.examples.standalone.ExternalBotMain --rest {rest_url} --ws {ws_url}"
        + " --api-key {api_key} --api-secret {api_secret} --metrics-port {metrics_port} "
        + extra;
  }

  private static String fakeBot(String flags) {
    return java()
        + " -cp "
        + System.getProperty("java.class.path")
        + " io.mmbot.chaos.examples.external.FakeBot "
        + flags;
  }

  private int run(String... args) {
    return SuiteMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private JsonNode record(Path dir, String name) throws IOException {
    List<String> listing = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (var files = Files.list(dir)) {
        files.forEach(f -> listing.add(f.getFileName().toString()));
      }
    }
    assertThat(dir.resolve(name)).as("%s in %s; stderr: %s", name, listing, stderr()).exists();
    return new ObjectMapper().readTree(Files.readString(dir.resolve(name)));
  }

  private static List<String> failed(JsonNode record) {
    List<String> names = new ArrayList<>();
    Iterator<String> it = record.path("failed_checks").fieldNames();
    it.forEachRemaining(names::add);
    return names;
  }

  @Test
  void theResilientBotPassesWithFaultsFromTheExchange() throws Exception {
    Path dir = tmp.resolve("exchange");
    int code =
        run(
            "--bot-cmd",
            exampleBot("--seed 1"),
            "--scenario",
            "exch_5xx,net_loss",
            "--seed",
            "1",
            "--duration-sec",
            "15",
            "--out",
            dir.toString(),
            "--no-report");
    assertThat(code).as(stderr()).isIn(SuiteMain.OK, SuiteMain.FAILED);
    for (String name : List.of("exch_5xx-1.json", "net_loss-1.json")) {
      JsonNode r = record(dir.resolve("runs"), name);
      assertThat(r.path("bot").asText()).isEqualTo("external");
      assertThat(r.path("inject").asText()).isEqualTo("exchange");
      assertThat(r.path("compression").asText()).contains("3 s on / 9 s off");
      assertThat(r.path("external").path("missing_metrics")).isEmpty();
      assertThat(r.path("external").path("scrapes").asInt()).isGreaterThan(50);
      assertThat(failed(r)).as(name + ": " + r.path("failed_checks")).isSubsetOf(TIMING);
      String key = name.substring(0, name.indexOf('-'));
      assertThat(r.path("measured").path("injections").path(key).asLong()).isPositive();
      assertThat(dir.resolve("runs").resolve(name.replace(".json", "")).resolve("wire.tsv"))
          .isNotEmptyFile();
    }
  }

  @Test
  void theResilientBotPassesWithFaultsFromItsOwnInjector() throws Exception {
    Path dir = tmp.resolve("bot");
    int code =
        run(
            "--bot-cmd",
            exampleBot("--seed 1 --control-port {control_port} --control-token {control_token}"),
            "--inject",
            "bot",
            "--scenario",
            "net_loss,dns_flap",
            "--seed",
            "1",
            "--duration-sec",
            "15",
            "--out",
            dir.toString(),
            "--no-report");
    assertThat(code).as(stderr()).isIn(SuiteMain.OK, SuiteMain.FAILED);
    for (String name : List.of("net_loss-1.json", "dns_flap-1.json")) {
      JsonNode r = record(dir.resolve("runs"), name);
      assertThat(r.path("inject").asText()).isEqualTo("bot");
      assertThat(failed(r)).as(name + ": " + r.path("failed_checks")).isSubsetOf(TIMING);
      String key = name.substring(0, name.indexOf('-'));
      // counted by the bot's own injector, read from its metrics
      assertThat(r.path("measured").path("injections").path(key).asLong()).isPositive();
    }
  }

  @Test
  void theNaiveBotFailsWhatItShould() throws Exception {
    Path dir = tmp.resolve("naive");
    int code =
        run(
            "--bot-cmd",
            exampleBot("--seed 1 --naive"),
            "--scenario",
            "exch_429",
            "--seed",
            "1",
            "--duration-sec",
            "6",
            "--out",
            dir.toString(),
            "--no-report");
    assertThat(code).as(stderr()).isEqualTo(SuiteMain.FAILED);
    JsonNode r = record(dir.resolve("runs"), "exch_429-1.json");
    assertThat(failed(r)).contains("retry_after", "expected_guards");
    assertThat(stderr()).contains("FAILED exch_429 seed 1 (external)").contains("--bot-cmd '");
    // NET_LOSS at 0.6, as the in-process loopback test runs it: in one 3 s burst the seed's 0.3
    // can leave the naive bot too few losses to show. No give-up of its own (a lost answer holds
    // its tick for the whole 1 s HTTP timeout), no reconcile of unknown outcomes: which checks
    // catch it depends on where the losses fall. In real time on a loaded machine its ticks stretch
    // and fewer requests fall in a burst: one 6 s run (one burst) passed it twice in a few dozen
    // runs beside other builds. 15 s hold two bursts (3 s on, 9 s off), each of which must miss.
    Path lossDir = tmp.resolve("naive-loss");
    code =
        run(
            "--bot-cmd",
            exampleBot("--seed 1 --naive"),
            "--scenario",
            "net_loss",
            "--intensity",
            "0.6",
            "--seed",
            "1",
            "--duration-sec",
            "15",
            "--out",
            lossDir.toString(),
            "--no-report");
    assertThat(code).as(stderr()).isEqualTo(SuiteMain.FAILED);
    assertThat(failed(record(lossDir.resolve("runs"), "net_loss-1.json"))).isNotEmpty();
  }

  @Test
  void aBotThatExitsEarlyOrNeverAnswersFailsWithThatReason() throws Exception {
    Path dir = tmp.resolve("early");
    int code =
        run(
            "--bot-cmd",
            fakeBot("--exit 3"),
            "--scenario",
            "exch_5xx",
            "--seed",
            "1",
            "--duration-sec",
            "2",
            "--out",
            dir.toString(),
            "--no-report");
    assertThat(code).isEqualTo(SuiteMain.FAILED);
    JsonNode r = record(dir.resolve("runs"), "exch_5xx-1.json");
    assertThat(r.path("failed_checks").path("bot_process").asText())
        .contains("exited early with code 3");
    Path never = tmp.resolve("never");
    code =
        run(
            "--bot-cmd",
            fakeBot(""),
            "--scenario",
            "exch_5xx",
            "--seed",
            "1",
            "--duration-sec",
            "2",
            "--bot-ready-sec",
            "2",
            "--out",
            never.toString(),
            "--no-report");
    assertThat(code).isEqualTo(SuiteMain.FAILED);
    r = record(never.resolve("runs"), "exch_5xx-1.json");
    assertThat(r.path("failed_checks").path("bot_process").asText())
        .contains("did not answer within 2");
    assertThat(r.path("external").path("ending").asText()).contains("SIGTERM");
  }

  @Test
  void aBotThatIgnoresSigtermIsKilledAndFailsItsRun() throws Exception {
    Path dir = tmp.resolve("hang");
    int code =
        run(
            "--bot-cmd",
            fakeBot("--port {metrics_port} --ignore-term"),
            "--scenario",
            "exch_5xx",
            "--seed",
            "1",
            "--duration-sec",
            "1",
            "--bot-grace-sec",
            "1",
            "--out",
            dir.toString(),
            "--no-report");
    assertThat(code).isEqualTo(SuiteMain.FAILED);
    JsonNode r = record(dir.resolve("runs"), "exch_5xx-1.json");
    assertThat(r.path("failed_checks").path("bot_process").asText())
        .contains("did not exit within the grace of 1.0 s")
        .contains("killed")
        .doesNotContain("still in use");
    assertThat(r.path("external").path("ending").asText()).startsWith("killed with SIGKILL");
    // its stand-in metrics lack the contract's names: said by name
    assertThat(r.path("failed_checks").path("bot_metrics").asText())
        .contains("mm_tick_total_ms_count");
    assertThat(dir.resolve("runs").resolve("exch_5xx-1").resolve("bot.stderr.log")).exists();
  }

  @Test
  void aControlEndpointThatRefusesTheTokenFailsTheRun() throws Exception {
    Path dir = tmp.resolve("token");
    int code =
        run(
            "--bot-cmd",
            exampleBot(
                "--seed 1 --control-port {control_port} --control-token"
                    + " 0123456789abcdef0123456789abcdef"),
            "--inject",
            "bot",
            "--scenario",
            "net_loss",
            "--seed",
            "1",
            "--duration-sec",
            "2",
            "--out",
            dir.toString(),
            "--no-report");
    assertThat(code).isEqualTo(SuiteMain.FAILED);
    JsonNode r = record(dir.resolve("runs"), "net_loss-1.json");
    assertThat(r.path("failed_checks").path("bot_process").asText())
        .isEqualTo("control endpoint: control endpoint refused the token");
  }
}
