package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reproducibility: the same seed gives byte-identical run records and the same event-log hash; a
 * different seed gives different ones; and the results do not depend on how many threads run the
 * seeds.
 */
class DeterminismTest {

  @Test
  void theSameSeedGivesByteIdenticalRunRecordsAndTheSameEventLog() {
    for (Scenario s : new Scenario[] {Scenario.NET_LOSS, Scenario.EXCH_5XX, Scenario.WS_LAG}) {
      RunPlan p = new RunPlan(s, 7, SuiteConfig.defaultIntensity(s), 120, "resilient", "sim");
      RunResult a = SimRun.run(p, SimRun.run(p.baselinePlan(), null));
      RunResult b = SimRun.run(p, SimRun.run(p.baselinePlan(), null));
      assertThat(RunRecords.json(b, true)).isEqualTo(RunRecords.json(a, true));
      assertThat(b.tally().eventLogHash()).isEqualTo(a.tally().eventLogHash());
      assertThat(a.ownInjections()).isPositive();
    }
  }

  @Test
  void aDifferentSeedGivesADifferentRun() {
    RunPlan p7 = new RunPlan(Scenario.NET_LOSS, 7, 0.3, 120, "resilient", "sim");
    RunPlan p8 = new RunPlan(Scenario.NET_LOSS, 8, 0.3, 120, "resilient", "sim");
    RunResult a = SimRun.run(p7, SimRun.run(p7.baselinePlan(), null));
    RunResult b = SimRun.run(p8, SimRun.run(p8.baselinePlan(), null));
    assertThat(b.tally().eventLogHash()).isNotEqualTo(a.tally().eventLogHash());
    assertThat(RunRecords.json(b, true)).isNotEqualTo(RunRecords.json(a, true));
  }

  @Test
  void resultsDoNotDependOnTheNumberOfThreads() {
    List<Scenario> scenarios = List.of(Scenario.NET_LOSS, Scenario.RECONCILE_MISMATCH);
    List<Long> seeds = List.of(1L, 2L, 3L, 4L, 5L);
    List<String> one = records(new Suite.Options(scenarios, seeds, null, null, "naive", "sim", 1));
    List<String> four = records(new Suite.Options(scenarios, seeds, null, null, "naive", "sim", 4));
    assertThat(four).hasSize(seeds.size() * (scenarios.size() + 1)).isEqualTo(one);
  }

  private static List<String> records(Suite.Options o) {
    Suite.Outcome out = Suite.run(o, line -> {});
    List<String> json = new ArrayList<>();
    for (RunResult r : out.baselines()) {
      json.add(RunRecords.json(r, true));
    }
    for (RunResult r : out.runs()) {
      json.add(RunRecords.json(r, true));
    }
    return json;
  }
}
