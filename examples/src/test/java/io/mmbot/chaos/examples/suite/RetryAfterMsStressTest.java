package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.bot.BotConfig;
import io.mmbot.chaos.examples.bot.ResilienceFeature;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retry_after_ms}: 429s whose {@code Retry-After} carries milliseconds. The resilient bot
 * passes it, the naive bot (no wait at all) fails its {@code RETRY_AFTER} check, and a bot that
 * waits 100 ms less than told is caught on most seeds.
 */
class RetryAfterMsStressTest {

  private static final StressScenario ST = StressScenario.RETRY_AFTER_MS;

  @TempDir Path tmp;

  private static RunResult run(long seed, String bot, BotConfig cfg) {
    RunPlan p = ST.plan(seed, bot);
    return SimRun.run(p, SimRun.run(p.baselinePlan(), null), cfg, ST);
  }

  @Test
  void itDrivesExch429InWavesForThreeBursts() {
    assertThat(ST.key()).isEqualTo("retry_after_ms");
    assertThat(ST.scenario()).isEqualTo(Scenario.EXCH_429);
    assertThat(ST.subSecondRetryAfter()).isTrue();
    assertThat(ST.durationSec()).isEqualTo(360);
    for (StressScenario other : StressScenario.values()) {
      assertThat(other.subSecondRetryAfter()).isEqualTo(other == ST);
    }
  }

  @Test
  void theResilientBotPassesEverySeedFrom1To20() {
    List<String> failed = new ArrayList<>();
    for (long seed = 1; seed <= 20; seed++) {
      RunResult r = run(seed, "resilient", BotConfig.defaults());
      assertThat(r.ownInjections()).as("seed %d has 429s", seed).isPositive();
      if (!r.passed()) {
        failed.add("seed " + seed + ": " + r.failures());
      }
    }
    assertThat(failed).isEmpty();
  }

  @Test
  void theNaiveBotFailsRetryAfterOnEverySeedFrom1To20() {
    for (long seed = 1; seed <= 20; seed++) {
      RunResult r = run(seed, "naive", BotConfig.defaults());
      assertThat(r.failures()).as("seed %d", seed).containsKey(Check.RETRY_AFTER);
    }
  }

  @Test
  void aWait100MsShortIsCaughtOnMostSeeds() {
    BotConfig shortWait = BotConfig.defaults().without(ResilienceFeature.RETRY_AFTER_EXACT);
    int caught = 0;
    for (long seed = 1; seed <= 20; seed++) {
      RunResult r = run(seed, "resilient", shortWait);
      assertThat(r.failures().keySet()).as("seed %d", seed).isSubsetOf(Check.RETRY_AFTER);
      if (r.failures().containsKey(Check.RETRY_AFTER)) {
        caught++;
      }
    }
    // about 9 seeds in 10 (docs/suite.md); fewer than 12 of 20 is below 0.9 by over 4 standard
    // deviations of a binomial(20, 0.9)
    assertThat(caught).isGreaterThanOrEqualTo(12);
  }

  @Test
  void itHasItsOwnRowInTheReportsStressSection() throws Exception {
    Path dir = tmp.resolve("chaos");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        SuiteMain.run(
            new String[] {"--scenario", ST.key(), "--seeds", "1..2", "--out", dir.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(SuiteMain.OK);
    String md = Files.readString(dir.resolve("report.md"));
    String stress = md.substring(md.indexOf("## Stress scenarios"));
    assertThat(stress).containsPattern("\\| retry_after_ms \\| exch_429 \\| 2 \\| 2 \\| 0 \\|");
    assertThat(dir.resolve("runs").resolve("retry_after_ms-1.json")).exists();
  }
}
