package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's {@code --bot-cmd} options: bad input exits 2 with one line, nothing is run. */
class ExternalArgsTest {

  @TempDir Path tmp;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SuiteMain.run(
        args,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aBadBotCommandIsBadInput() {
    assertThat(run("--bot-cmd", "bot --url '{rest_url}", "--out", tmp.toString())).isEqualTo(2);
    assertThat(stderr()).startsWith("mm-chaos-suite: --bot-cmd: ").contains("quote");
    err.reset();
    assertThat(run("--bot-cmd", "bot --url {nope}", "--out", tmp.toString())).isEqualTo(2);
    assertThat(stderr()).contains("{nope}");
  }

  @Test
  void dnsFlapNamedAloneNeedsTheBotsOwnInjector() {
    assertThat(run("--bot-cmd", "bot", "--scenario", "dns_flap", "--out", tmp.toString()))
        .isEqualTo(2);
    assertThat(stderr()).contains("dns_flap needs --inject bot");
  }

  @Test
  void dnsFlapIsSkippedFromAllWithANote() throws Exception {
    SuiteArgs a = SuiteArgs.parse(new String[] {"--bot-cmd", "bot", "--scenario", "all"});
    assertThat(a.scenarios).hasSize(9).doesNotContain(Scenario.DNS_FLAP);
    assertThat(a.warnings).anyMatch(w -> w.contains("dns_flap skipped"));
    SuiteArgs b = SuiteArgs.parse(new String[] {"--bot-cmd", "bot", "--inject", "bot"});
    assertThat(b.scenarios).contains(Scenario.DNS_FLAP);
    assertThat(b.threads).isEqualTo(ExternalArgs.DEFAULT_PARALLEL);
  }

  @Test
  void theBotCmdOptionsGoTogetherAndNotWithTheInProcessOnes() {
    assertThat(run("--inject", "bot", "--out", tmp.toString())).isEqualTo(2);
    assertThat(stderr()).contains("--inject only applies with --bot-cmd");
    err.reset();
    assertThat(run("--bot-cmd", "bot", "--bot", "naive", "--out", tmp.toString())).isEqualTo(2);
    assertThat(stderr()).contains("--bot does not apply with --bot-cmd");
    err.reset();
    assertThat(run("--bot-cmd", "bot", "--inject", "both", "--out", tmp.toString())).isEqualTo(2);
    assertThat(stderr()).contains("not exchange or bot");
  }

  @Test
  void botLimitsParseOverTheDefaultsAndRefuseUnknownKeys() throws Exception {
    SuiteArgs a =
        SuiteArgs.parse(
            new String[] {
              "--bot-cmd",
              "bot",
              "--bot-limits",
              "open_per_side=3,cancels_per_sec=2.5,deadline_ms=150"
            });
    BotLimits l = a.external.limits;
    assertThat(l.openPerSide()).isEqualTo(3);
    assertThat(l.cancelsPerSec()).isEqualTo(2.5);
    assertThat(l.deadlineMs()).isEqualTo(150);
    assertThat(l.retriesPerSec()).isEqualTo(BotLimits.DEFAULTS.retriesPerSec());
    assertThat(l.declared().maxOrdersPerSide()).isEqualTo(3);
    assertThat(l.declared().maxOpenOrders()).isEqualTo(6);
    assertThat(run("--bot-cmd", "bot", "--bot-limits", "speed=3", "--out", tmp.toString()))
        .isEqualTo(2);
    assertThat(stderr()).contains("unknown key 'speed'");
    err.reset();
    assertThat(
            run("--bot-cmd", "bot", "--bot-limits", "open_per_side=1.5", "--out", tmp.toString()))
        .isEqualTo(2);
    assertThat(stderr()).contains("whole number");
  }
}
