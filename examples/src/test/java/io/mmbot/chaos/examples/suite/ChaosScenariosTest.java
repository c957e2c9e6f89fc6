package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.bot.GuardReason;
import io.mmbot.chaos.report.Wilson;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The chaos suite: the resilient bot on the simulated exchange, the chaos-free baseline and one
 * test per scenario, each over the seeds of {@link SuiteFixture} (20 by default), at the seed's
 * intensity with bursts of 30 s on, 90 s off. A scenario is accepted when every seed passes every
 * check of {@link Check}; each failed run prints the command that replays it. Each test also checks
 * that the chaos bit (the fault fired and moved what it should), so that a scenario that silently
 * stopped injecting fails. Each test runs alone, e.g. {@code mvn -pl examples test
 * -Dtest='ChaosScenariosTest#netLoss'}.
 */
class ChaosScenariosTest {

  private static final String BOT = "resilient";

  @Test
  void baseline() {
    List<RunResult> runs = List.copyOf(SuiteFixture.baselines(BOT).values());
    assertThat(SuiteFixture.failures(runs)).isEmpty();
    double[] p95 = runs.stream().mapToDouble(r -> r.latency().p95RunMs()).sorted().toArray();
    double meanMiss =
        runs.stream().mapToDouble(r -> r.shares().deadlineMissPct()).average().orElseThrow();
    System.out.printf(
        Locale.ROOT,
        "baseline: tick p95 median %.1f ms (range %.1f-%.1f), deadline miss mean %.2f %%%n",
        p95[p95.length / 2],
        p95[0],
        p95[p95.length - 1],
        meanMiss);
    // Calibrated to resemble the seed: p95 ≈ 187 ms, deadline miss ≈ 0.8 %.
    assertThat(p95[p95.length / 2]).isBetween(187 * 0.95, 187 * 1.05);
    assertThat(p95[0]).isGreaterThanOrEqualTo(170.0);
    assertThat(p95[p95.length - 1]).isLessThanOrEqualTo(200.0);
    assertThat(meanMiss).isBetween(0.4, 1.2);
    assertThat(runs).allSatisfy(r -> assertThat(r.guards().seen()).isZero());
  }

  @Test
  void netLoss() {
    List<RunResult> runs = accept(Scenario.NET_LOSS);
    // Lost answers cost the tick the bot's give-up time: in-burst p95 well above the baseline,
    // near the seed's +12 %, below +15 %.
    double median =
        median(
            runs,
            r -> 100 * (r.latency().p95BurstMs() - r.baseline().p95Ms()) / r.baseline().p95Ms());
    assertThat(median).isBetween(5.0, 15.0);
  }

  @Test
  void exch429() {
    List<RunResult> runs = accept(Scenario.EXCH_429);
    assertThat(runs).allSatisfy(r -> assertThat(r.shares().quotingBurstPct()).isLessThan(100));
  }

  @Test
  void exch5xx() {
    List<RunResult> runs = accept(Scenario.EXCH_5XX);
    long guarded = runs.stream().filter(r -> raised(r, GuardReason.RECONCILE_PENDING)).count();
    assertThat(guarded).as("runs in which an unknown outcome was verified").isPositive();
  }

  @Test
  void latSpike() {
    List<RunResult> runs = accept(Scenario.LAT_SPIKE);
    assertThat(runs)
        .allSatisfy(r -> assertThat(r.latency().p95BurstMs()).isGreaterThan(r.baseline().p95Ms()));
  }

  @Test
  void wsLag() {
    List<RunResult> runs = accept(Scenario.WS_LAG);
    assertThat(runs)
        .allSatisfy(
            r ->
                assertThat(r.connection().wsGapP95BurstMs())
                    .isGreaterThan(r.baseline().wsGapP95Ms()));
  }

  @Test
  void wsDisconnect() {
    List<RunResult> runs = accept(Scenario.WS_DISCONNECT);
    assertThat(runs).allSatisfy(r -> assertThat(r.connection().reconnectTicks()).isBetween(1, 2));
  }

  @Test
  void dnsFlap() {
    accept(Scenario.DNS_FLAP);
  }

  @Test
  void clockSkew() {
    accept(Scenario.CLOCK_SKEW);
  }

  @Test
  void rateLimitStorm() {
    List<RunResult> runs = accept(Scenario.RATE_LIMIT_STORM);
    assertThat(runs).allSatisfy(r -> assertThat(r.shares().quotingBurstPct()).isLessThan(100));
  }

  @Test
  void reconcileMismatch() {
    List<RunResult> runs = accept(Scenario.RECONCILE_MISMATCH);
    assertThat(runs).allSatisfy(r -> assertThat(r.reconcile().maxPendingTicks()).isEqualTo(1));
  }

  /** Runs the scenario over every seed and asserts the seed's acceptance for each. */
  private static List<RunResult> accept(Scenario s) {
    List<RunResult> runs = SuiteFixture.runs(s, BOT);
    int passed = (int) runs.stream().filter(RunResult::passed).count();
    Wilson w = Wilson.of(passed, runs.size());
    System.out.printf(
        Locale.ROOT,
        "%s: %d/%d passed (95 %% Wilson %.3f-%.3f); in-burst p95 median %.1f ms vs baseline %.1f"
            + " ms; deadline miss mean %.2f %% (in burst %.2f %%) vs baseline %.2f %%%n",
        s.key(),
        passed,
        runs.size(),
        w.lower(),
        w.upper(),
        median(runs, r -> r.latency().p95BurstMs()),
        median(runs, r -> r.baseline().p95Ms()),
        runs.stream().mapToDouble(r -> r.shares().deadlineMissPct()).average().orElse(0),
        runs.stream().mapToDouble(r -> r.shares().deadlineMissBurstPct()).average().orElse(0),
        runs.stream().mapToDouble(r -> r.baseline().deadlineMissPct()).average().orElse(0));
    assertThat(SuiteFixture.failures(runs)).as("failed runs of " + s.key()).isEmpty();
    assertThat(runs).hasSize(SuiteFixture.SEEDS.size());
    // The fault really fired in every run, and the guard the scenario must raise was raised.
    assertThat(runs).allSatisfy(r -> assertThat(r.ownInjections()).isPositive());
    int required = ScenarioSpec.of(s).requiredGuards();
    assertThat(runs).allSatisfy(r -> assertThat(r.guards().seen() & required).isEqualTo(required));
    return runs;
  }

  private static boolean raised(RunResult r, GuardReason g) {
    return (r.guards().seen() & g.bit()) != 0;
  }

  private static double median(
      List<RunResult> runs, java.util.function.ToDoubleFunction<RunResult> f) {
    double[] v = runs.stream().mapToDouble(f).toArray();
    Arrays.sort(v);
    return v[v.length / 2];
  }
}
