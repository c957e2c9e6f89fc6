package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.bot.BotConfig;
import io.mmbot.chaos.examples.bot.ResilienceFeature;
import io.mmbot.chaos.examples.exchange.sim.InjectionSchedule;
import io.mmbot.chaos.examples.exchange.sim.InjectionSchedule.Injection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --shrink}: recorded injections replayed deterministically, narrowed by ddmin. */
class ShrinkerTest {

  private static final long SEED = 1;

  private static RunResult baseline() {
    return SimRun.run(new RunPlan(null, SEED, 0, 120, "resilient", "sim"), null);
  }

  /** A mutant that re-places blind after a 5xx: fails on unknown outcomes, deterministically. */
  private static final BotConfig MUTANT =
      BotConfig.defaults().without(ResilienceFeature.QUERY_UNKNOWN_PLACE);

  private static final RunPlan EXCH_5XX =
      new RunPlan(Scenario.EXCH_5XX, SEED, 0.1, 360, "resilient", "sim");

  @Test
  void replayingTheWholeRecordedListIsTheRecordedRunAgain() {
    RunResult base = baseline();
    InjectionSchedule rec = InjectionSchedule.recording();
    RunResult recorded = SimRun.run(EXCH_5XX, base, MUTANT, null, rec);
    assertThat(rec.applied()).isNotEmpty();
    RunResult replayed =
        SimRun.run(EXCH_5XX, base, MUTANT, null, InjectionSchedule.replaying(rec.applied()));
    assertThat(replayed.tally().eventLogHash()).isEqualTo(recorded.tally().eventLogHash());
    assertThat(replayed.failures()).isEqualTo(recorded.failures());
    RunResult unrecorded = SimRun.run(EXCH_5XX, base, MUTANT, null);
    assertThat(recorded.tally().eventLogHash()).isEqualTo(unrecorded.tally().eventLogHash());
  }

  @Test
  void aFailingRunShrinksToAOneMinimalSetThatStillFails() {
    RunResult base = baseline();
    Shrinker.Result r = Shrinker.shrink(EXCH_5XX, base, MUTANT, null, 2_000);
    assertThat(r.recorded().passed()).isFalse();
    assertThat(r.target()).isNotEmpty().doesNotContain(Check.FIRED, Check.EXPECTED_GUARDS);
    assertThat(r.oneMinimal()).isTrue();
    assertThat(r.minimal()).isNotEmpty().hasSizeLessThan(r.all().size());
    assertThat(fails(r, r.minimal(), base)).isTrue();
    for (int i = 0; i < r.minimal().size(); i++) {
      List<Injection> less = new ArrayList<>(r.minimal());
      less.remove(i);
      assertThat(fails(r, less, base)).as("without %s", r.minimal().get(i).line()).isFalse();
    }
    // The same run shrinks to the same set: every replay is deterministic.
    assertThat(indices(Shrinker.shrink(EXCH_5XX, base, MUTANT, null, 2_000).minimal()))
        .isEqualTo(indices(r.minimal()));
  }

  private static List<Integer> indices(List<Injection> l) {
    return l.stream().map(Injection::index).toList();
  }

  private static boolean fails(Shrinker.Result r, List<Injection> subset, RunResult base) {
    RunResult run = SimRun.run(EXCH_5XX, base, MUTANT, null, InjectionSchedule.replaying(subset));
    return run.failures().keySet().stream().anyMatch(r.target()::contains);
  }

  @Test
  void aPassingRunHasNothingToShrink() {
    Shrinker.Result r = Shrinker.shrink(EXCH_5XX, baseline(), BotConfig.defaults(), null, 100);
    assertThat(r.recorded().passed()).isTrue();
    assertThat(r.target()).isEmpty();
    assertThat(Shrinker.describe(r, "cmd")).contains("passed: nothing to shrink");
  }

  @Test
  void theRunnerPrintsTheSmallestFailingTimelineWithTheFailingCheck() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        SuiteMain.run(
            new String[] {"--scenario", "exch_5xx", "--seed", "3", "--bot", "naive", "--shrink"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(SuiteMain.FAILED);
    List<String> lines = text.lines().toList();
    assertThat(lines.get(0))
        .matches("shrink: exch_5xx seed 3 \\(naive\\): \\d+ injections recorded, failing .+");
    assertThat(lines.get(1))
        .matches(
            "shrink: \\d+ of \\d+ still fails? \\(1-minimal: removing any one passes, \\d+ replays\\)");
    assertThat(lines.get(2)).startsWith("timeline (virtual time since start; chaos from 10 s):");
    assertThat(lines.get(3)).matches("  +\\d+\\.\\d{3} s  exch_5xx +REST 5\\d\\d .*");
    assertThat(text).containsPattern("\n  failed [a-z_]+: .+\n");
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo(
            "  replay: java -jar examples/target/mm-chaos-suite.jar --scenario exch_5xx --seed 3"
                + " --intensity 0.1 --bot naive --shrink");
  }

  @Test
  void shrinkNeedsOneSimulatedRunOfAScenarioTheNetworkApplies() {
    for (String[] args :
        List.of(
            new String[] {"--scenario", "exch_5xx", "--seeds", "1..2", "--shrink"},
            new String[] {"--scenario", "dns_flap", "--seed", "1", "--shrink"},
            new String[] {
              "--scenario", "exch_5xx", "--seed", "1", "--exchange", "loopback", "--shrink"
            })) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code =
          SuiteMain.run(
              args,
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(code).isEqualTo(SuiteMain.BAD_INPUT);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("--shrink");
    }
  }
}
