package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.Scenario;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The suite can fail: the naive bot (no backoff, immediate retries and reconnects, blind re-place,
 * a reconcile that trusts the view, no guards) runs over the same seeds and fails the scenarios it
 * should, each on the check that scenario exists for, on every seed, while the resilient bot passes
 * them. Without chaos the naive bot passes, so its failures come from the faults.
 */
class NegativeControlTest {

  /** The check each scenario's acceptance is about, which the naive bot must fail. */
  private static final Map<Scenario, Set<Check>> SHOULD_FAIL =
      Map.of(
          Scenario.EXCH_429, EnumSet.of(Check.RETRY_AFTER),
          Scenario.RATE_LIMIT_STORM, EnumSet.of(Check.BANS_418),
          Scenario.EXCH_5XX, EnumSet.of(Check.DUPLICATE_ORDERS),
          Scenario.WS_DISCONNECT, EnumSet.of(Check.RECONNECT),
          // A reconcile that acts on a perturbed view re-places orders that are still open.
          Scenario.RECONCILE_MISMATCH, EnumSet.of(Check.DUPLICATE_ORDERS, Check.OPEN_ORDER_LIMIT),
          Scenario.NET_LOSS, EnumSet.of(Check.P95_TICK),
          Scenario.LAT_SPIKE, EnumSet.of(Check.P99_TICK),
          Scenario.DNS_FLAP, EnumSet.of(Check.DNS_FALLBACK));

  @Test
  void withoutChaosTheNaiveBotPasses() {
    List<RunResult> runs = List.copyOf(SuiteFixture.baselines("naive").values());
    assertThat(SuiteFixture.failures(runs)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = Scenario.class,
      names = {
        "EXCH_429",
        "RATE_LIMIT_STORM",
        "EXCH_5XX",
        "WS_DISCONNECT",
        "RECONCILE_MISMATCH",
        "NET_LOSS",
        "LAT_SPIKE",
        "DNS_FLAP"
      })
  void theNaiveBotFailsOnTheCheckTheScenarioIsAbout(Scenario s) {
    Set<Check> expected = SHOULD_FAIL.get(s);
    List<RunResult> naive = SuiteFixture.runs(s, "naive");
    assertThat(naive)
        .allSatisfy(
            r ->
                assertThat(r.failures().keySet())
                    .as(
                        "naive %s seed %d failed %s",
                        s.key(), r.plan().seed(), r.failures().keySet())
                    .containsAnyElementsOf(expected));
    List<RunResult> resilient = SuiteFixture.runs(s, "resilient");
    assertThat(resilient).allSatisfy(r -> assertThat(r.failures()).isEmpty());
  }

  @Test
  void aRestartLeavesTheNaiveBotsQuotesOnTheBookButTheResilientBotTakesThemOver() {
    // The naive bot's restarted process quotes at once beside its predecessor's open orders and
    // never cancels them; the resilient one reconciles first and adopts them.
    Set<Check> orderChecks =
        EnumSet.of(Check.DUPLICATE_ORDERS, Check.OPEN_ORDER_LIMIT, Check.ABANDONED_ORDERS);
    for (long seed : SuiteFixture.SEEDS) {
      RunPlan naive = StressScenario.BOT_RESTART.plan(seed, "naive");
      RunResult n = SimRun.run(naive, SimRun.run(naive.baselinePlan(), null));
      assertThat(n.failures().keySet())
          .as("naive bot_restart seed %d failed %s", seed, n.failures().keySet())
          .containsAnyElementsOf(orderChecks);
      RunPlan resilient = StressScenario.BOT_RESTART.plan(seed, "resilient");
      RunResult r = SimRun.run(resilient, SimRun.run(resilient.baselinePlan(), null));
      assertThat(r.failures()).as("resilient bot_restart seed %d", seed).isEmpty();
    }
  }

  @Test
  void wsLagMeasurablyDegradesTheNaiveBot() {
    // Nothing of the naive bot's breaks under a 150 ms lag, but its market data arrives late.
    assertThat(SuiteFixture.runs(Scenario.WS_LAG, "naive"))
        .allSatisfy(
            r ->
                assertThat(r.connection().wsGapP95BurstMs())
                    .isGreaterThan(r.baseline().wsGapP95Ms()));
  }

  @Test
  void aLargeClockSkewGetsTheNaiveBotsOrdersRejectedButNotTheResilientOnes() {
    // At the seed's ±80 ms nothing is rejected (the exchange accepts 1 s ahead, 5 s behind), so
    // the naive bot fails there only for raising no guard; at ±2 s its timestamps are rejected.
    for (long seed = 1; seed <= 3; seed++) {
      RunPlan naive = new RunPlan(Scenario.CLOCK_SKEW, seed, 2_000, 120, "naive", "sim");
      RunResult n = SimRun.run(naive, SimRun.run(naive.baselinePlan(), null));
      assertThat(n.failures()).containsKey(Check.TIMESTAMPS);
      RunPlan resilient = new RunPlan(Scenario.CLOCK_SKEW, seed, 2_000, 120, "resilient", "sim");
      RunResult r = SimRun.run(resilient, SimRun.run(resilient.baselinePlan(), null));
      assertThat(r.tally().timestampRejections()).isZero();
      assertThat(r.failures()).doesNotContainKey(Check.TIMESTAMPS);
    }
  }
}
